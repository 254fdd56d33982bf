import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NotXmlError, UnexpectedDocumentError, XmlSyntaxError } from '../errors';
import { canonicalJson } from './checksum';
import { parseIsoRecords } from './parser';
import { recordJson } from './record-json';
import type { ForeignRecord, IsoParseResult, IsoRecord } from './types';

const FIXTURES = join(__dirname, '../../../../../shared/fixtures/csw');

function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Feeds the file in small chunks, as a socket would, to exercise chunk boundaries. */
async function* chunked(data: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function parse(
  name: string,
): Promise<{ result: IsoParseResult; records: IsoRecord[]; foreign: ForeignRecord[] }> {
  const records: IsoRecord[] = [];
  const foreign: ForeignRecord[] = [];
  const result = await parseIsoRecords(chunked(fixture(name)), (r) => void records.push(r), {
    onForeignRecord: (r) => void foreign.push(r),
  });
  return { result, records, foreign };
}

function byId(records: IsoRecord[], id: string): IsoRecord {
  const r = records.find((x) => x.fileIdentifier === id);
  if (!r) throw new Error(`record ${id} not found`);
  return r;
}

const normalised = (r: IsoRecord) =>
  r.onlineResources.map((o) => [o.protocol, o.protocolNormalised]);

describe('ingrid-harvester-gdk: real Geodatenkatalog (GDK) responses', () => {
  const GN250_DATASET = '142d56bb-108b-4e6a-96a6-8239b80af77e';
  const GN250_WFS = '256a7a13-2bc7-462c-8353-4d09f6c3f8a8';
  const GN250_WMS = 'cd7b8516-bbe3-4836-9ed8-b49b6d279932';
  const HE_HYDRO_WMS = 'def3f393-48c8-730a-328f-947231f493f4';
  const HE_HYDRO_DATASET = 'f1950cd0-de59-413c-93fd-b669af06c863';
  const GERMANY = {
    west: 6.098033905029297,
    east: 15.5785551071167,
    south: 47.23942184448242,
    north: 55.054344177246094,
  };

  let page: Awaited<ReturnType<typeof parse>>;
  beforeAll(async () => {
    page = await parse('ingrid-harvester-gdk/GetRecordsResults.xml');
  });

  it('GetRecordsResults.xml: one page, five ISO records in document order, counts from SearchResults', () => {
    expect(page.result.documentKind).toBe('GetRecordsResponse');
    expect(page.result.searchResults).toEqual({
      numberOfRecordsMatched: 5,
      numberOfRecordsReturned: 5,
      nextRecord: 0,
      elementSet: 'full',
      recordSchema: null,
    });
    expect(page.result.timestamp).toBe('2026-08-18T13:29:09');
    expect(page.result.isoRecords).toBe(5);
    expect(page.result.warnings).toEqual([]);
    expect(page.records.map((r) => [r.fileIdentifier, r.hierarchyLevel, r.language])).toEqual([
      [GN250_WFS, 'service', 'eng'],
      [GN250_DATASET, 'dataset', 'eng'],
      [GN250_WMS, 'service', 'eng'],
      [HE_HYDRO_WMS, 'service', 'ger'],
      [HE_HYDRO_DATASET, 'dataset', 'ger'],
    ]);
    for (const r of page.records) {
      expect(r.issues).toEqual([]);
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('BKG GN250 dataset: title, opendata marker, licence JSON geoNutz/20130319, identifiers, WFS+WMS links', () => {
    const r = byId(page.records, GN250_DATASET);
    expect(r.title).toBe('INSPIRE Geographical Names GN250');
    expect(r.alternateTitles).toEqual(['INSPIRE Geografische Bezeichnungen']);
    expect(r.dateStamp).toBe('2026-03-23');
    expect(r.flags).toEqual({ opendata: true, inspireidentifiziert: true });
    expect(r.licence).toEqual({
      id: 'geoNutz/20130319',
      uri: 'http://dcat-ap.de/def/licenses/geoNutz/20130319',
      name: 'Nutzungsbestimmungen für die Bereitstellung von Geodaten des Bundes',
      url: 'https://sg.geodatenzentrum.de/web_public/gdz/lizenz/geonutzv.pdf',
      source: '© GeoBasis-DE / BKG (year of last data download)',
      text: [
        expect.stringContaining('The data are protected by copyright.'),
        'Quellenvermerk: © GeoBasis-DE / BKG (year of last data download)',
      ],
    });
    // The licence JSON itself is not repeated among the use constraints.
    expect(r.constraints.use.some((t) => t.text.startsWith('{'))).toBe(false);
    expect(r.constraints.access).toEqual([
      {
        text: 'no limitations to public access',
        href: 'http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations',
      },
    ]);
    expect(r.resourceIdentifiers).toEqual([
      { code: 'https://registry.gdi-de.org/id/de.bund.bkg.csw/DEBKG00M00000187', codeSpace: null },
    ]);
    expect(r.bboxes).toEqual([GERMANY]);
    expect(r.topicCategories).toEqual(['location']);
    expect(r.citationDates).toEqual([
      { type: 'creation', date: '2015-11-15T00:00:00.000+01:00' },
      { type: 'revision', date: '2021-12-31T00:00:00.000+01:00' },
    ]);
    expect(normalised(r)).toEqual([
      ['OGC Web Feature Service', 'WFS'],
      ['OGC Web Map Service', 'WMS'],
    ]);
    expect(r.onlineResources[0]).toMatchObject({
      url: 'https://sg.geodatenzentrum.de/wfs_gn250_inspire?',
      protocolHref: 'http://www.opengis.net/def/serviceType/ogc/wfs',
    });
    const inspireTheme = r.keywords.find((k) => k.keyword === 'Geographical names');
    expect(inspireTheme?.thesaurus).toEqual({
      title: 'GEMET - INSPIRE themes, version 1.0',
      date: '2008-06-01',
    });
    const spatialScope = r.keywords.find((k) => k.keyword === 'National');
    expect(spatialScope).toMatchObject({
      href: 'http://inspire.ec.europa.eu/metadata-codelist/SpatialScope/national',
      thesaurus: {
        title: 'Spatial scope',
        href: 'http://inspire.ec.europa.eu/metadata-codelist/SpatialScope',
      },
    });
    expect(r.parties.map((p) => [p.organisation, p.role, p.source])).toEqual([
      ['Federal Agency for Cartography and Geodesy', 'pointOfContact', 'metadata'],
      ['Federal Agency for Cartography and Geodesy', 'owner', 'resource'],
      ['Federal Agency for Cartography and Geodesy', 'pointOfContact', 'resource'],
      ['Federal Agency for Cartography and Geodesy', 'distributor', 'distributor'],
    ]);
    expect(r.parties[0].emails).toEqual(['dlz@bkg.bund.de']);
    expect(r.serviceType).toBeNull();
    expect(r.operatesOn).toEqual([]);
  });

  it('BKG GN250 WFS and WMS: service type, versions, tight coupling to the dataset, connect points', () => {
    const wfs = byId(page.records, GN250_WFS);
    expect(wfs.title).toBe('INSPIRE-WFS Geographical Names GN250');
    expect(wfs.serviceType).toBe('download');
    expect(wfs.serviceTypeVersions).toEqual(['OGC:WFS 2.0']);
    expect(wfs.couplingType).toBe('tight');
    expect(wfs.operatesOn).toEqual([
      {
        uuidref: GN250_DATASET,
        href: 'https://registry.gdi-de.org/id/de.bund.bkg.csw/DEBKG00M00000187',
        title: null,
      },
    ]);
    expect(wfs.operations.map((o) => o.name)).toEqual([
      'GetCapabilities',
      'DescribeFeatureType',
      'GetFeature',
    ]);
    expect(wfs.operations[0].urls).toEqual(['https://sg.geodatenzentrum.de/wfs_gn250_inspire?']);
    expect(normalised(wfs)).toEqual([
      [null, 'website'], // CI_OnLineFunctionCode "information", no protocol
      ['OGC Web Feature Service', 'WFS'],
    ]);
    expect(wfs.licence).toBeNull();
    expect(wfs.flags).toEqual({ opendata: false, inspireidentifiziert: true });
    expect(wfs.bboxes).toEqual([GERMANY]);
    expect(wfs.citationDates).toEqual([
      { type: 'creation', date: '2015-09-23T00:00:00.000+02:00' },
    ]);

    const wms = byId(page.records, GN250_WMS);
    expect(wms.serviceType).toBe('view');
    expect(wms.serviceTypeVersions).toEqual(['OGC:WMS 1.3.0']);
    expect(wms.operatesOn.map((o) => o.uuidref)).toEqual([GN250_DATASET]);
    expect(normalised(wms)).toEqual([
      [null, 'website'],
      ['OGC Web Map Service', 'WMS'],
    ]);
  });

  it('Hessen HLBG Hydro: namespaces declared inline per element, licence JSON dl-zero-de/2.0 with \\u2013 escapes, coupling by resource identifier', () => {
    const wms = byId(page.records, HE_HYDRO_WMS);
    expect(wms.title).toBe(
      'INSPIRE-WMS HE Hydro - Netzwerk ATKIS Basis-DLM - Hydrografisches Netzwerk',
    );
    expect(wms.hierarchyLevelName).toBe('Darstellungsdienst');
    expect(wms.dateStamp).toBe('2026-08-11');
    expect(wms.licence).toMatchObject({
      id: 'dl-zero-de/2.0',
      uri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
      name: 'Datenlizenz Deutschland – Zero – Version 2.0', // decoded from "\u2013"
      url: 'https://www.govdata.de/dl-de/zero-2-0',
      source: null,
    });
    expect(wms.licence?.text).toEqual([expect.stringContaining('Lizenz: dl-zero-de/2.0')]);
    expect(wms.serviceType).toBe('view');
    expect(wms.serviceTypeVersions).toEqual(['OGC:WMS 1.1.1']);
    expect(normalised(wms)).toEqual([['OGC:WMS-1.1.1-http-get-map', 'WMS']]);
    expect(wms.bboxes).toEqual([
      { west: 7.72989946, east: 10.2486601, south: 49.38901792, north: 51.65883224 },
    ]);

    const dataset = byId(page.records, HE_HYDRO_DATASET);
    expect(dataset.title).toBe('INSPIRE HE Hydro - Netzwerk ATKIS Basis-DLM');
    expect(dataset.licence).toMatchObject({ id: 'dl-zero-de/2.0', source: null });
    expect(dataset.licence?.text).toEqual(['Datenlizenz Deutschland – Zero – Version 2.0']);
    expect(dataset.temporalExtents).toEqual([
      { begin: '2025-02-01T00:00:00.000+01:00', end: '2025-08-01T00:00:00.000+02:00' },
    ]);
    expect(dataset.bboxes).toEqual([
      { west: 7.789253, east: 10.248664, south: 49.389153, north: 51.651897 },
    ]);
    // No protocol on the link: the SERVICE=WFS parameter of the URL decides.
    expect(normalised(dataset)).toEqual([[null, 'WFS']]);
    // The WMS couples by the dataset's resource identifier (a URI), not by its fileIdentifier.
    expect(dataset.resourceIdentifiers.map((i) => i.code)).toEqual([
      'https://hvbg.hessen.de/registry/spatial/dataset/f1950cd0-de59-413c-93fd-b669af06c863',
    ]);
    expect(wms.operatesOn[0].uuidref).toBe(dataset.resourceIdentifiers[0].code);
  });

  describe.each([GN250_DATASET, GN250_WFS, GN250_WMS, HE_HYDRO_WMS, HE_HYDRO_DATASET])(
    'cross-check with InGrid expected_es_%s.json',
    (uuid) => {
      it('agrees on identifier, title, hierarchy level, bbox, time span, keywords, links and coupling', () => {
        const es = JSON.parse(
          fixture(`ingrid-harvester-gdk/expected_es_${uuid}.json`).toString('utf8'),
        ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        const r = byId(page.records, uuid);
        expect(r.fileIdentifier).toBe(es['uuid']);
        expect(r.title).toBe(es['title']);
        expect(r.hierarchyLevel).toBe(es['hierarchylevel']);
        expect(r.bboxes[0]).toEqual({
          west: Number(es['x1']),
          east: Number(es['x2']),
          south: Number(es['y1']),
          north: Number(es['y2']),
        });
        if (es['t1']) {
          // InGrid writes yyyyMMddHHmmssSSS in local time; the dates must agree.
          const day = (s: string) => s.slice(0, 10).replace(/-/g, '');
          expect(day(r.temporalExtents[0].begin as string)).toBe(String(es['t1']).slice(0, 8));
          expect(day(r.temporalExtents[0].end as string)).toBe(String(es['t2']).slice(0, 8));
        }
        const keywords = new Set(r.keywords.map((k) => k.keyword));
        for (const term of es['t04_search'].map((s: { searchterm: string }) => s.searchterm)) {
          if (term === 'deletedKeyword') continue; // an InGrid placeholder, not in the record
          expect(keywords).toContain(term);
        }
        const urls = new Set(r.onlineResources.map((o) => o.url));
        for (const ref of es['t017_url_ref']) expect(urls).toContain(ref['url_link']);
        // InGrid's "refering" services point at this dataset: our services' operatesOn must agree.
        for (const ref of es['refering_service_uuid'] ?? []) {
          const serviceId = String(ref).split('@@')[0];
          const service = byId(page.records, serviceId);
          const targets = service.operatesOn.map((o) => o.uuidref);
          expect(
            targets.some((t) => t === uuid || r.resourceIdentifiers.some((i) => i.code === t)),
          ).toBe(true);
        }
      });
    },
  );

  it('GetRecordsHits.xml: resultType=hits, counts only', async () => {
    const { result, records } = await parse('ingrid-harvester-gdk/GetRecordsHits.xml');
    expect(records).toEqual([]);
    expect(result.searchResults).toMatchObject({
      numberOfRecordsMatched: 5,
      numberOfRecordsReturned: 5,
      nextRecord: 0,
      elementSet: 'summary',
    });
    expect(result.timestamp).toBe('2026-08-17T12:10:27');
  });

  it('GetCapabilities.xml is not a records document: a typed error names its root', async () => {
    const err = await parse('ingrid-harvester-gdk/GetCapabilities.xml').catch((e) => e);
    expect(err).toBeInstanceOf(UnexpectedDocumentError);
    expect(err.rootElement).toBe('{http://www.opengis.net/cat/csw/2.0.2}Capabilities');
  });
});

describe('owslib', () => {
  it('iso19139_srv.xml: bare MD_Metadata, Bavarian ALKIS WFS, gmx:Anchor access constraint, six operatesOn', async () => {
    const { result, records } = await parse('owslib/iso19139_srv.xml');
    expect(result.documentKind).toBe('MD_Metadata');
    expect(result.searchResults).toBeNull();
    expect(records).toHaveLength(1);
    const r = records[0];
    expect(r.fileIdentifier).toBe('01ef8e6a-df59-4c2d-8468-79da95046705');
    expect(r.language).toBe('ger');
    expect(r.hierarchyLevel).toBe('service');
    expect(r.hierarchyLevelName).toBe('Downloaddienst');
    expect(r.dateStamp).toBe('2021-06-28');
    expect(r.title).toBe('ALKIS®-vereinfacht ohne Eigentümer - Web Feature Service');
    expect(r.serviceType).toBe('download');
    expect(r.serviceTypeVersions).toEqual(['OGC:WFS 2.0']);
    expect(r.couplingType).toBe('tight');
    expect(r.constraints.access).toEqual([
      {
        text: expect.stringMatching(
          /^Öffentlicher Zugriff beschränkt entsprechend Artikel 13\(1\)\(e\)/,
        ),
        href: 'http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/INSPIRE_Directive_Article13_1e',
      },
    ]);
    expect(r.constraints.use[0].text).toMatch(
      /^Nutzungsbedingungen: Für den Zugang zum kostenpflichtigen Dienst/,
    );
    expect(r.constraints.classification).toBe('restricted');
    expect(r.licence).toBeNull();
    expect(r.operatesOn).toHaveLength(6);
    expect(r.operatesOn[0]).toEqual({
      uuidref: '083f524b-7474-4e05-a937-1bac657f0344',
      href: 'https://registry.gdi-de.org/id/de.by/083f524b-7474-4e05-a937-1bac657f0344',
      title: 'ave:Flurstueck',
    });
    expect(r.bboxes).toEqual([
      {
        west: 8.945096154917964,
        east: 13.908908586487573,
        south: 47.24843532655711,
        north: 50.56420950059199,
      },
    ]);
    // No protocols in this record: the application profile "WFS-URL" and the function codes decide.
    expect(r.onlineResources.map((o) => [o.applicationProfile, o.protocolNormalised])).toEqual([
      ['WFS-URL', 'WFS'],
      ['Information', 'website'],
      ['Information', 'website'],
      ['Kontakt', 'website'],
    ]);
    expect(r.parties.find((p) => p.source === 'distributor')?.emails).toEqual([
      'service@geodaten.bayern.de',
    ]);
    expect(r.issues).toEqual([]);
  });

  it('inspire-getrecords-response.xml: page at 83 of 216, PT_FreeText values, an eng and a ger service', async () => {
    const { result, records } = await parse('owslib/inspire-getrecords-response.xml');
    expect(result.searchResults).toMatchObject({
      numberOfRecordsMatched: 216,
      numberOfRecordsReturned: 2,
      nextRecord: 85,
    });
    expect(
      records.map((r) => [r.fileIdentifier, r.language, r.hierarchyLevel, r.serviceType]),
    ).toEqual([
      ['8dad9c98-0512-4845-a2bf-3ace1c93df6f', 'eng', 'service', 'view'],
      ['eeae2de7-0a09-4b69-b7a0-0b6b20903fd5', 'ger', 'service', 'discovery'],
    ]);
    const [ngi, zamg] = records;
    expect(ngi.title).toBe('SUVIM station network WMS');
    expect(ngi.dateStamp).toBe('2024-07-05T13:35:37');
    // gco:CharacterString of a PT_FreeText property, not its translations.
    expect(ngi.parties[0].organisation).toBe('National Geographic Institute');
    expect(ngi.resourceIdentifiers).toEqual([
      { code: '4f8bbdee-f02a-4050-9309-8aa6538ec8cc', codeSpace: 'BE.BIRA-IASB' },
    ]);
    expect(ngi.operatesOn.map((o) => o.uuidref)).toEqual(['59129f4b-a61b-467c-9b41-1f92e4338151']);
    expect(normalised(ngi)).toEqual([['OGC:WMS', 'WMS']]);
    expect(ngi.bboxes).toEqual([]);
    expect(ngi.constraints.access[0].text).toBe('No limitations on public access');

    expect(zamg.title).toBe('CSW Suchdienst der ZAMG');
    expect(zamg.dateStamp).toBe('2020-11-20T00:00:02'); // gco:DateTime
    expect(zamg.couplingType).toBe('mixed');
    expect(zamg.operatesOn).toHaveLength(8);
    expect(zamg.bboxes).toEqual([
      { west: 9.53357, east: 17.16639, south: 46.40749, north: 49.01875 },
    ]);
    expect(normalised(zamg)).toEqual([[null, 'CSW']]); // from SERVICE=CSW in the URL
    // "noConditionsApply" is about use although it sits in a block with accessConstraints.
    expect(zamg.constraints.use.map((t) => t.text)).toEqual([
      'No conditions apply to access and use',
    ]);
    expect(zamg.constraints.access.map((t) => t.text)).toEqual(['No limitations on public access']);
  });

  it('csw_dov_getrecordbyid.xml: GetRecordByIdResponse, Flemish dataset, gml:TimePeriod, OGC protocol strings', async () => {
    const { result, records } = await parse('owslib/csw_dov_getrecordbyid.xml');
    expect(result.documentKind).toBe('GetRecordByIdResponse');
    expect(records).toHaveLength(1);
    const r = records[0];
    expect(r.fileIdentifier).toBe('6c39d716-aecc-4fbc-bac8-4f05a49a78d5');
    expect(r.language).toBe('dut');
    expect(r.hierarchyLevel).toBe('dataset');
    expect(r.dateStamp).toBe('2018-02-21T16:14:24');
    expect(r.title).toBe('Grondwatermeetnetten');
    expect(r.parentIdentifier).toBeNull(); // <gco:CharacterString/> with nilReason
    expect(r.resourceIdentifiers).toEqual([
      { code: 'A64F073B-9FBE-91DD-36FDE7462BBAFA61', codeSpace: 'DOV-be' },
    ]);
    expect(r.bboxes).toEqual([{ west: 2.549, east: 5.902, south: 50.697, north: 51.495 }]);
    expect(r.temporalExtents).toEqual([{ begin: '1900-01-01', end: '2999-01-01T00:00:00' }]);
    expect(r.topicCategories).toEqual(['geoscientificInformation']);
    expect(normalised(r)).toEqual([
      ['OGC:WMS', 'WMS'],
      ['OGC:WMS-1.3.0-http-get-capabilities', 'WMS'],
      ['OGC:WMS-1.3.0-http-get-map', 'WMS'],
      ['OGC:WFS', 'WFS'],
      ['OGC:WFS-1.1.0-http-get-capabilities', 'WFS'],
      ['OGC:WFS-1.1.0-http-get-feature', 'WFS'],
      ['GLG:KML-2.0-http-get-map', 'other'],
      ['WWW:LINK-1.0-http--related', 'website'],
    ]);
    expect(r.constraints.useLimitations).toHaveLength(3);
    expect(r.constraints.useLimitations[0]).toBe("Zie 'Overige beperkingen'");
    expect(r.constraints.access.map((t) => t.text)).toEqual([
      expect.stringMatching(
        /^Data beschikbaar voor hergebruik volgens de Modellicentie Gratis Hergebruik/,
      ),
    ]);
    expect(r.constraints.use.map((t) => t.href)).toEqual([
      'https://inspire.ec.europa.eu/metadata-codelist/ConditionsApplyingToAccessAndUse/noConditionsApply',
    ]);
    expect(r.constraints.classification).toBe('unclassified');
    expect(r.issues).toEqual([]);
  });
});

describe('pycsw (Dublin Core pages: foreign records, no ISO)', () => {
  it.each([
    [1, 5, ['66ae76b7', '784e2afd', 'e9330592', '1ef30a8b']],
    [2, 9, ['6a3de50b', 'ab42a8c4', '19887a8a', '829babb0']],
    [3, 0, ['a06af396', '88247b56', '94bc9c83', '9a669547']],
  ])('stablesort page %i: matched 12, returned 4, nextRecord %i', async (n, next, ids) => {
    const { result, records, foreign } = await parse(
      `pycsw/stablesort_expected_get_GetRecords-page${n}.xml`,
    );
    expect(result.searchResults).toEqual({
      numberOfRecordsMatched: 12,
      numberOfRecordsReturned: 4,
      nextRecord: next,
      elementSet: 'full',
      recordSchema: 'http://www.opengis.net/cat/csw/2.0.2',
    });
    expect(records).toEqual([]);
    expect(result.foreignRecords).toBe(4);
    expect(foreign.map((r) => r.schema)).toEqual(Array(4).fill('csw:Record'));
    expect(
      foreign.map((r) => r.identifier?.slice('urn:uuid:'.length, 'urn:uuid:'.length + 8)),
    ).toEqual(ids);
    expect(result.commentsInResults).toBe(0); // the PYCSW_VERSION comment is before the root
  });

  it('stablesort page 1 keeps non-ASCII titles intact', async () => {
    const { foreign } = await parse('pycsw/stablesort_expected_get_GetRecords-page1.xml');
    expect(foreign[2].title).toBe('Fuscé vitae ligulä');
  });

  it('duplicatefileid: one csw:BriefRecord with a non-UUID identifier', async () => {
    const { result, foreign } = await parse(
      'pycsw/duplicatefileid_expected_post_GetRecords-all.xml',
    );
    expect(result.searchResults).toMatchObject({
      numberOfRecordsMatched: 1,
      numberOfRecordsReturned: 1,
      nextRecord: 0,
    });
    expect(foreign).toEqual([
      {
        schema: 'csw:BriefRecord',
        identifier: 'org.maracoos:avhrr.sst',
        title:
          'AVHRR Sea Surface Temperature for MARACOOS (Mid-Atlantic Regional Association Coastal Ocean Observing System)',
        type: 'dataset',
        modified: null,
      },
    ]);
  });

  it('stablesort_get_requests.txt is not XML', async () => {
    await expect(parse('pycsw/stablesort_get_requests.txt')).rejects.toBeInstanceOf(NotXmlError);
  });
});

describe('ckanext-spatial', () => {
  it('iso19139_dataset.xml: Scottish country parks, non-UUID fileIdentifier, encoding="ASCII", gml TimePeriod in years', async () => {
    const { records } = await parse('ckanext-spatial/iso19139_dataset.xml');
    expect(records).toHaveLength(1);
    const r = records[0];
    expect(r.fileIdentifier).toBe('test-dataset-1');
    expect(r.title).toBe('Country Parks (Scotland)');
    expect(r.hierarchyLevel).toBe('dataset');
    expect(r.language).toBe('eng');
    expect(r.dateStamp).toBe('2011-09-23T10:06:08');
    expect(r.bboxes).toEqual([
      { west: -8.97114288, east: 0.205857204, south: 54.529947158, north: 61.06066944 },
    ]);
    expect(r.temporalExtents).toEqual([{ begin: '1998', end: '2010' }]);
    expect(r.resourceIdentifiers).toEqual([{ code: 'CPK', codeSpace: null }]);
    expect(r.keywords).toEqual([
      {
        keyword: 'Nature conservation',
        type: null,
        thesaurus: { title: 'Government Category List', date: '2004-07-15' },
      },
    ]);
    expect(r.constraints.useCodes).toEqual(['copyright', 'otherRestrictions']);
    expect(r.constraints.useLimitations).toEqual([
      'Reference and PSMA Only',
      'http://www.test.gov.uk/licenseurl',
    ]);
    expect(r.parties.map((p) => p.role)).toEqual([
      'pointOfContact',
      'custodian',
      'distributor',
      'distributor',
    ]);
    expect(r.parties[1].position).toBe('Geographic Systems & Data Coordinator'); // &amp; decoded
    expect(normalised(r)).toEqual([
      [null, 'download'],
      [null, 'other'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('iso19139_dataset-invalid.xml: the XSD-invalid element becomes a warning, the record is still read', async () => {
    const { records } = await parse('ckanext-spatial/iso19139_dataset-invalid.xml');
    expect(records).toHaveLength(1);
    expect(records[0].fileIdentifier).toBe('test-dataset');
    expect(records[0].title).toBe('Country Parks (Scotland)');
    expect(records[0].issues).toEqual([
      {
        severity: 'warning',
        code: 'UNEXPECTED_ELEMENT',
        message:
          'unexpected element {http://www.isotc211.org/2005/gmd}nosuchelement in MD_Metadata',
      },
    ]);
  });

  it('iso19139_dataset and -invalid differ in content, so their checksums differ; re-parsing is stable', async () => {
    const a = (await parse('ckanext-spatial/iso19139_dataset.xml')).records[0];
    const b = (await parse('ckanext-spatial/iso19139_dataset-invalid.xml')).records[0];
    const again = (await parse('ckanext-spatial/iso19139_dataset.xml')).records[0];
    expect(a.checksum).not.toBe(b.checksum);
    expect(again.checksum).toBe(a.checksum);
  });

  it('gemini2.1_error_bad_xml.xml: truncated document is a clear XML syntax error', async () => {
    const err = await parse('ckanext-spatial/gemini2.1_error_bad_xml.xml').catch((e) => e);
    expect(err).toBeInstanceOf(XmlSyntaxError);
    expect(err.code).toBe('XML_SYNTAX');
    expect(err.message).toMatch(
      /^malformed XML at line \d+, column \d+: unclosed tag: gmd:MD_Metadata/,
    );
  });
});

describe('checksum input', () => {
  it('the fast record JSON equals the generic canonical JSON for every fixture record', async () => {
    const files = [
      'ingrid-harvester-gdk/GetRecordsResults.xml',
      'owslib/iso19139_srv.xml',
      'owslib/inspire-getrecords-response.xml',
      'owslib/csw_dov_getrecordbyid.xml',
      'ckanext-spatial/iso19139_dataset.xml',
    ];
    let n = 0;
    for (const f of files) {
      for (const r of (await parse(f)).records) {
        const { issues: _issues, checksum: _checksum, ...fields } = r;
        expect(recordJson(fields)).toBe(canonicalJson(fields));
        n++;
      }
    }
    expect(n).toBe(10);
  });
});

describe('every fixture file is covered', () => {
  /** XML fixtures and the test above that reads them. */
  const covered = new Set([
    'ingrid-harvester-gdk/GetRecordsResults.xml',
    'ingrid-harvester-gdk/GetRecordsHits.xml',
    'ingrid-harvester-gdk/GetCapabilities.xml',
    'owslib/iso19139_srv.xml',
    'owslib/inspire-getrecords-response.xml',
    'owslib/csw_dov_getrecordbyid.xml',
    'pycsw/stablesort_expected_get_GetRecords-page1.xml',
    'pycsw/stablesort_expected_get_GetRecords-page2.xml',
    'pycsw/stablesort_expected_get_GetRecords-page3.xml',
    'pycsw/duplicatefileid_expected_post_GetRecords-all.xml',
    'ckanext-spatial/iso19139_dataset.xml',
    'ckanext-spatial/iso19139_dataset-invalid.xml',
    'ckanext-spatial/gemini2.1_error_bad_xml.xml',
  ]);
  const all = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? all(join(dir, n)) : [join(dir, n)],
    );
  const files = all(FIXTURES).map((f) => relative(FIXTURES, f));

  it('has a test for each XML fixture', () => {
    expect(files.filter((f) => f.endsWith('.xml')).sort()).toEqual([...covered].sort());
  });

  it.each(files.filter((f) => !f.endsWith('.xml')))(
    '%s (documentation/data, not XML) is refused as non-XML',
    async (f) => {
      await expect(parse(f)).rejects.toBeInstanceOf(NotXmlError);
    },
  );
});
