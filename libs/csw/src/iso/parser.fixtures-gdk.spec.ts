import { UnexpectedDocumentError } from '../errors';
import { byId, fixture, normalised, parse } from './parser.test-helper';

// The ingrid-harvester-gdk fixtures (real Geodatenkatalog responses); the other fixture sets and
// the check that every fixture file is read are in parser.fixtures.spec.ts.
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
