import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NotXmlError, XmlSyntaxError } from '../errors';
import { canonicalJson } from './checksum';
import { FIXTURES, normalised, parse } from './parser.test-helper';
import { recordJson } from './record-json';

// The owslib, pycsw and ckanext-spatial fixtures; the ingrid-harvester-gdk ones are in
// parser.fixtures-gdk.spec.ts.

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
  /** XML fixtures, each read by a test here or in parser.fixtures-gdk.spec.ts. */
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
