import { toJson } from '@bufbuild/protobuf';
import { HarvestedRecordSchema, type HarvestedRecord } from '@dpi/contracts';
import { parseIsoRecords, type IsoRecord } from '@dpi/csw';
import { SHARED_DIR } from '@dpi/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ISO_DOCUMENT_MAX_BYTES,
  isoDocumentOf,
  MAPPING_VERSION,
  publishedChecksum,
  toHarvestedRecord,
} from './record-mapping';

/** Real records of real catalogues (read where they are, never copied into the repository). */
const FIXTURE_FILES = [
  'ingrid-harvester-gdk/GetRecordsResults.xml',
  'owslib/iso19139_srv.xml',
  'owslib/inspire-getrecords-response.xml',
  'owslib/csw_dov_getrecordbyid.xml',
  'ckanext-spatial/iso19139_dataset.xml',
];

const context = {
  sourceId: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a01',
  sourceName: 'GDI-DE Geodatenkatalog',
  landCode: null,
  jobId: '0d9a4c1e-7a44-4c55-9b0e-4b1f0e2f3a10',
  harvestedAt: new Date('2026-11-23T10:00:00Z'),
};

const GERMANY = [
  {
    west: 6.098033905029297,
    south: 47.23942184448242,
    east: 15.5785551071167,
    north: 55.054344177246094,
  },
];

describe('ISO 19139 → HarvestedRecord, on the shared fixtures', () => {
  const records = new Map<string, IsoRecord>();
  const mapped = (id: string): HarvestedRecord => {
    const record = records.get(id);
    if (!record) throw new Error(`fixture record ${id} missing`);
    return toHarvestedRecord(record, context);
  };

  beforeAll(async () => {
    for (const file of FIXTURE_FILES) {
      await parseIsoRecords(readFileSync(join(SHARED_DIR, 'fixtures/csw', file)), (record) => {
        if (record.fileIdentifier) records.set(record.fileIdentifier, record);
      });
    }
    expect(records.size).toBe(10);
  });

  it('GDK: BKG GN250 dataset (opendata, licence JSON geoNutz, GDI-DE registry identifier)', () => {
    const r = mapped('142d56bb-108b-4e6a-96a6-8239b80af77e');
    expect(r).toMatchObject({
      sourceId: context.sourceId,
      fileIdentifier: '142d56bb-108b-4e6a-96a6-8239b80af77e',
      landCode: '',
      jobId: context.jobId,
      sourceName: 'GDI-DE Geodatenkatalog',
      hierarchyLevel: 'dataset',
      language: 'eng',
      title: 'INSPIRE Geographical Names GN250',
      themes: ['REGI'],
      licenceUri: 'http://dcat-ap.de/def/licenses/geoNutz/20130319',
      accessRights: 'PUBLIC',
      issued: '2015-11-15T00:00:00.000+01:00',
      modified: '2021-12-31T00:00:00.000+01:00',
      temporalStart: '',
      temporalEnd: '',
      publisher: 'Federal Agency for Cartography and Geodesy',
      openData: true,
      inspire: true,
      resourceIdentifier: 'https://registry.gdi-de.org/id/de.bund.bkg.csw/DEBKG00M00000187',
      coupledResources: [],
      metadataDate: '2026-03-23',
      serviceType: '',
    });
    expect(r.description).toMatch(/^\S/);
    expect(r.keywords).toEqual(
      expect.arrayContaining([
        'Geographical names',
        'opendata',
        'inspireidentifiziert',
        'hospital',
      ]),
    );
    expect(new Set(r.keywords).size).toBe(r.keywords.length);
    expect(r.licenceText).toContain('Quellenvermerk: © GeoBasis-DE / BKG');
    expect(r.bboxes.map(({ west, south, east, north }) => ({ west, south, east, north }))).toEqual(
      GERMANY,
    );
    expect(r.contact).toMatchObject({
      organisation: 'Federal Agency for Cartography and Geodesy',
      email: 'dlz@bkg.bund.de',
      url: 'https://www.bkg.bund.de',
      role: 'pointOfContact',
    });
    expect(r.distributions.map((d) => [d.format, d.url, d.protocol])).toEqual([
      ['WFS', 'https://sg.geodatenzentrum.de/wfs_gn250_inspire?', 'OGC Web Feature Service'],
      ['WMS', 'https://sg.geodatenzentrum.de/wms_gn250_inspire?', 'OGC Web Map Service'],
    ]);
    expect(r.harvestedAt && new Date(Number(r.harvestedAt.seconds) * 1000)).toEqual(
      context.harvestedAt,
    );
  });

  it('GDK: the GN250 WFS couples to the dataset; its licence is recognised from the GeoNutzV link', () => {
    const r = mapped('256a7a13-2bc7-462c-8353-4d09f6c3f8a8');
    expect(r).toMatchObject({
      hierarchyLevel: 'service',
      serviceType: 'download',
      title: 'INSPIRE-WFS Geographical Names GN250',
      coupledResources: ['142d56bb-108b-4e6a-96a6-8239b80af77e'],
      licenceUri: 'http://dcat-ap.de/def/licenses/geoNutz/20130319',
      accessRights: 'PUBLIC',
      themes: ['REGI'],
      openData: false,
      inspire: true,
      issued: '2015-09-23T00:00:00.000+02:00',
      modified: '',
    });
    expect(r.distributions.map((d) => [d.format, d.function])).toEqual([
      ['website', 'information'],
      ['WFS', 'information'],
    ]);
  });

  it('GDK: Hessen hydro WMS (ger, dl-zero-de/2.0, publisher role, coupling by URI)', () => {
    const r = mapped('def3f393-48c8-730a-328f-947231f493f4');
    expect(r).toMatchObject({
      language: 'ger',
      serviceType: 'view',
      licenceUri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
      accessRights: 'PUBLIC',
      publisher: 'Hessisches Landesamt für Bodenmanagement und Geoinformation',
      coupledResources: [
        'https://hvbg.hessen.de/registry/spatial/dataset/f1950cd0-de59-413c-93fd-b669af06c863',
      ],
      modified: '2026-07-17',
      themes: [],
    });
    // No pointOfContact of the resource: the metadata's.
    expect(r.contact).toMatchObject({
      organisation: 'HLBG',
      email: 'vertrieb-geobasisdaten@hvbg.hessen.de',
    });
    expect(r.distributions.map((d) => [d.format, d.protocol, d.title])).toEqual([
      ['WMS', 'OGC:WMS-1.1.1-http-get-map', 'HY.Network'],
    ]);
  });

  it('GDK: Hessen hydro dataset (German INSPIRE theme label, EU theme keyword, temporal extent)', () => {
    const r = mapped('f1950cd0-de59-413c-93fd-b669af06c863');
    expect(r).toMatchObject({
      title: 'INSPIRE HE Hydro - Netzwerk ATKIS Basis-DLM',
      themes: ['ENVI', 'GOVE'],
      licenceUri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
      licenceText: 'Datenlizenz Deutschland – Zero – Version 2.0',
      temporalStart: '2025-02-01T00:00:00.000+01:00',
      temporalEnd: '2025-08-01T00:00:00.000+02:00',
      modified: '2025-08-01T00:00:00.000+02:00',
      resourceIdentifier:
        'https://hvbg.hessen.de/registry/spatial/dataset/f1950cd0-de59-413c-93fd-b669af06c863',
    });
    expect(r.bboxes).toHaveLength(1);
    expect(r.bboxes[0]).toMatchObject({
      west: 7.789253,
      south: 49.389153,
      east: 10.248664,
      north: 51.651897,
    });
  });

  it('OWSLib: Bavarian ALKIS WFS (INSPIRE Art. 13 → RESTRICTED, coupling deduplicated)', () => {
    const r = mapped('01ef8e6a-df59-4c2d-8468-79da95046705');
    expect(r).toMatchObject({
      title: 'ALKIS®-vereinfacht ohne Eigentümer - Web Feature Service',
      accessRights: 'RESTRICTED',
      themes: ['REGI'],
      licenceUri: '',
      coupledResources: ['083f524b-7474-4e05-a937-1bac657f0344'],
      publisher: 'Landesamt für Digitalisierung, Breitband und Vermessung',
      serviceType: 'download',
    });
    expect(r.licenceText).toMatch(/^Nutzungsbedingungen: Für den Zugang/);
    expect(r.contact).toMatchObject({
      organisation: 'Landesamt für Digitalisierung, Breitband und Vermessung',
      email: '',
    });
    expect(r.distributions.map((d) => d.format)).toEqual(['WFS', 'website', 'website', 'website']);
  });

  it('OWSLib: INSPIRE geoportal records (discovery service with several coupled datasets; code#codeSpace)', () => {
    const zamg = mapped('eeae2de7-0a09-4b69-b7a0-0b6b20903fd5');
    expect(zamg).toMatchObject({
      language: 'ger',
      serviceType: 'discovery',
      themes: ['ENVI'],
      accessRights: 'PUBLIC',
      licenceUri: '',
      licenceText: 'No conditions apply to access and use\nkeine Bedingungen anwendbar',
    });
    expect(zamg.coupledResources.length).toBeGreaterThanOrEqual(5);
    expect(zamg.coupledResources[0]).toBe('67f616e5-601b-435d-ad70-617be683108e');
    expect(zamg.distributions.map((d) => d.format)).toEqual(['CSW']);

    const suvim = mapped('8dad9c98-0512-4845-a2bf-3ace1c93df6f');
    expect(suvim).toMatchObject({
      language: 'eng',
      resourceIdentifier: '4f8bbdee-f02a-4050-9309-8aa6538ec8cc#BE.BIRA-IASB',
      coupledResources: ['59129f4b-a61b-467c-9b41-1f92e4338151'],
      publisher: 'National Geographic Institute',
      bboxes: [],
    });
  });

  it('OWSLib: Flemish DOV (Dutch INSPIRE theme label, eight distributions, unknown access right)', () => {
    const r = mapped('6c39d716-aecc-4fbc-bac8-4f05a49a78d5');
    expect(r).toMatchObject({
      language: 'dut',
      title: 'Grondwatermeetnetten',
      themes: ['ENVI'],
      accessRights: '',
      temporalStart: '1900-01-01',
      temporalEnd: '2999-01-01T00:00:00',
      resourceIdentifier: 'A64F073B-9FBE-91DD-36FDE7462BBAFA61#DOV-be',
      issued: '2002-05-22',
    });
    expect(r.distributions.map((d) => d.format)).toEqual([
      'WMS',
      'WMS',
      'WMS',
      'WFS',
      'WFS',
      'WFS',
      'other',
      'website',
    ]);
  });

  it('ckanext-spatial: Scottish dataset (custodian as publisher, free-text licence kept)', () => {
    const r = mapped('test-dataset-1');
    expect(r).toMatchObject({
      title: 'Country Parks (Scotland)',
      themes: ['ENVI'],
      publisher: 'Scottish Natural Heritage',
      licenceUri: '',
      licenceText:
        'Copyright Scottish Natural Heritage\nReference and PSMA Only\nhttp://www.test.gov.uk/licenseurl',
      accessRights: '',
      issued: '2004-02',
      modified: '2006-07-03',
      temporalStart: '1998',
      temporalEnd: '2010',
      resourceIdentifier: 'CPK',
    });
    expect(r.distributions.map((d) => [d.format, d.title])).toEqual([
      ['download', 'Test Resource Name'],
      ['other', ''],
    ]);
  });

  it('is pure: the same record and context give the same message', () => {
    for (const id of records.keys()) {
      expect(toJson(HarvestedRecordSchema, mapped(id))).toEqual(
        toJson(HarvestedRecordSchema, mapped(id)),
      );
    }
  });

  it('checksum: follows the record, the mapping version and what the source adds', () => {
    const record = records.get('142d56bb-108b-4e6a-96a6-8239b80af77e') as IsoRecord;
    const checksum = publishedChecksum(record, context);
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum).not.toBe(record.checksum);
    expect(mapped(record.fileIdentifier as string).checksum).toBe(checksum);
    expect(publishedChecksum(record, { ...context, landCode: 'DE-HE' })).not.toBe(checksum);
    expect(publishedChecksum(record, { ...context, sourceName: 'other' })).not.toBe(checksum);
    expect(publishedChecksum({ checksum: 'x' }, context)).not.toBe(checksum);
    // The document counts by its namespace-neutral checksum (the parser's, see canonical.spec).
    expect(publishedChecksum({ ...record, documentChecksum: 'x' }, context)).not.toBe(checksum);
    expect(MAPPING_VERSION).toBe(3);
  });

  it('carries the canonical document up to its limit, and its size beyond', () => {
    const small = '<gmd:MD_Metadata>ä</gmd:MD_Metadata>';
    expect(isoDocumentOf({ document: small })).toEqual({
      isoDocument: small,
      isoDocumentBytes: Buffer.byteLength(small),
    });
    const large = 'x'.repeat(ISO_DOCUMENT_MAX_BYTES + 1);
    expect(isoDocumentOf({ document: large })).toEqual({
      isoDocument: '',
      isoDocumentBytes: ISO_DOCUMENT_MAX_BYTES + 1,
    });
    expect(isoDocumentOf({})).toEqual({ isoDocument: '', isoDocumentBytes: 0 });
  });

  it('refuses a record without fileIdentifier', () => {
    const record = records.get('test-dataset-1') as IsoRecord;
    expect(() => toHarvestedRecord({ ...record, fileIdentifier: null }, context)).toThrow(
      'without fileIdentifier',
    );
  });
});
