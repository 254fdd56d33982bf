import { XmlSyntaxError } from '../errors';
import { parseIsoRecords } from './parser';
import { collect, CSW, GCO, GMD, page, record } from './parser.test-helper';

// Hostile and broken input is in parser.hostile-input.spec.ts.

describe('namespaces are matched by URI', () => {
  it('reads a record in the default namespace and one with odd prefixes the same way', async () => {
    const standard = (await collect(record('id-1')))[0];
    const defaultNs =
      `<MD_Metadata xmlns="${GMD}" xmlns:c="${GCO}"><fileIdentifier><c:CharacterString>id-1</c:CharacterString></fileIdentifier>` +
      `<hierarchyLevel><MD_ScopeCode codeListValue="dataset"/></hierarchyLevel><dateStamp><c:Date>2024-01-02</c:Date></dateStamp>` +
      `<identificationInfo><MD_DataIdentification><citation><CI_Citation><title><c:CharacterString>Titel</c:CharacterString></title>` +
      `</CI_Citation></citation></MD_DataIdentification></identificationInfo></MD_Metadata>`;
    const odd = record('id-1')
      .replace(/gmd:/g, 'x1:')
      .replace(/gco:/g, 'zz:')
      .replace('xmlns:x1=', 'xmlns:x1=')
      .replace('xmlns:zz=', 'xmlns:zz=');
    const [a] = await collect(defaultNs);
    const [b] = await collect(
      odd.replace('xmlns:gmd=', 'xmlns:x1=').replace('xmlns:gco=', 'xmlns:zz='),
    );
    expect(a).toEqual(standard);
    expect(b).toEqual(standard);
    expect(a.checksum).toBe(standard.checksum);
  });

  it('ignores elements that have the right local name in the wrong namespace', async () => {
    const wrong = record('id-2').replace(
      '<gmd:title>',
      '<gmd:title><other:CharacterString xmlns:other="urn:x">Falsch</other:CharacterString>',
    );
    const [r] = await collect(
      wrong.replace('<gco:CharacterString>Titel</gco:CharacterString>', ''),
    );
    expect(r.title).toBeNull();
    expect(r.issues.map((i) => i.code)).toContain('MISSING_TITLE');
  });

  it('reads an undeclared well-known prefix (gco) with a warning instead of failing the page', async () => {
    const sloppy =
      `<gmd:MD_Metadata xmlns:gmd="${GMD}"><gmd:fileIdentifier><gco:CharacterString>s-1</gco:CharacterString></gmd:fileIdentifier>` +
      `</gmd:MD_Metadata>`;
    const [r] = await collect(page([sloppy]));
    expect(r.fileIdentifier).toBe('s-1');
    expect(r.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'NAMESPACE',
        message: expect.stringContaining('"gco"'),
      }),
    );
    await expect(collect('<foo:bar/>')).rejects.toBeInstanceOf(XmlSyntaxError);
  });

  it('reads gmi:MI_Metadata (ISO 19115-2) as an ISO record', async () => {
    const mi = record('mi-1')
      .replace(
        '<gmd:MD_Metadata xmlns:gmd',
        '<gmi:MI_Metadata xmlns:gmi="http://www.isotc211.org/2005/gmi" xmlns:gmd',
      )
      .replace('</gmd:MD_Metadata>', '</gmi:MI_Metadata>');
    const [r] = await collect(page([mi]));
    expect(r.fileIdentifier).toBe('mi-1');
    expect(r.issues).toEqual([]);
  });
});

describe('record-level problems are issues, not failures', () => {
  it('missing fileIdentifier is an error of that record only', async () => {
    const records = await collect(page([record(null), record('ok')]));
    expect(records[0].fileIdentifier).toBeNull();
    expect(records[0].issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'MISSING_FILE_IDENTIFIER' }),
    );
    expect(records[1].issues).toEqual([]);
  });

  it('malformed bounding box numbers are warnings; the good box is kept', async () => {
    const box = (w: string, e: string, s: string, n: string) =>
      `<gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>` +
      `<gmd:westBoundLongitude><gco:Decimal>${w}</gco:Decimal></gmd:westBoundLongitude>` +
      `<gmd:eastBoundLongitude><gco:Decimal>${e}</gco:Decimal></gmd:eastBoundLongitude>` +
      `<gmd:southBoundLatitude><gco:Decimal>${s}</gco:Decimal></gmd:southBoundLatitude>` +
      `<gmd:northBoundLatitude><gco:Decimal>${n}</gco:Decimal></gmd:northBoundLatitude>` +
      `</gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>`;
    const [r] = await collect(
      record(
        'bbox',
        box('7,5', '10', '50', '52') +
          box('5.8', '15.1', '47.2', '55.1') +
          box('1', '2', '95', '96'),
      ),
    );
    expect(r.bboxes).toEqual([{ west: 5.8, east: 15.1, south: 47.2, north: 55.1 }]);
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'INVALID_NUMBER'],
      ['warning', 'INVALID_BBOX'],
      ['warning', 'INVALID_BBOX'],
    ]);
  });

  it('broken licence JSON is a warning and the text is kept as a use constraint', async () => {
    const legal =
      `<gmd:resourceConstraints><gmd:MD_LegalConstraints><gmd:useConstraints><gmd:MD_RestrictionCode codeListValue="otherRestrictions"/></gmd:useConstraints>` +
      `<gmd:otherConstraints><gco:CharacterString>{"id": "dl-by-de/2.0", </gco:CharacterString></gmd:otherConstraints>` +
      `</gmd:MD_LegalConstraints></gmd:resourceConstraints>`;
    const [r] = await collect(record('lic', legal));
    expect(r.licence).toBeNull();
    expect(r.constraints.use.map((t) => t.text)).toEqual(['{"id": "dl-by-de/2.0",']);
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'LICENCE_JSON_INVALID' }),
    ]);
  });

  it('a hierarchy level that contradicts the identification is a warning', async () => {
    const [r] = await collect(
      record('svc').replace('codeListValue="dataset"', 'codeListValue="service"'),
    );
    expect(r.hierarchyLevel).toBe('service');
    expect(r.issues.map((i) => i.code)).toEqual(['HIERARCHY_LEVEL_MISMATCH']);
  });

  it('a record without hierarchyLevel is a dataset (the ISO default), with a warning', async () => {
    const [r] = await collect(
      record('nolevel').replace(/<gmd:hierarchyLevel>.*?<\/gmd:hierarchyLevel>/, ''),
    );
    expect(r.hierarchyLevel).toBe('dataset');
    expect(r.issues.map((i) => i.code)).toEqual(['MISSING_HIERARCHY_LEVEL']);
  });

  it('series and application records keep their level', async () => {
    const levels = ['series', 'application'];
    const records = await collect(
      page(levels.map((l) => record(l).replace('codeListValue="dataset"', `codeListValue="${l}"`))),
    );
    expect(records.map((r) => r.hierarchyLevel)).toEqual(levels);
  });
});

describe('streaming', () => {
  it('delivers records while the page is still arriving, and awaits async consumers', async () => {
    const seen: string[] = [];
    let delivered = 0;
    async function* slowPage() {
      yield `<csw:GetRecordsResponse xmlns:csw="${CSW}"><csw:SearchResults numberOfRecordsMatched="3" numberOfRecordsReturned="3" nextRecord="0">`;
      yield record('r1');
      seen.push(`after r1: ${delivered}`);
      yield record('r2');
      seen.push(`after r2: ${delivered}`);
      yield record('r3') + '</csw:SearchResults></csw:GetRecordsResponse>';
    }
    const result = await parseIsoRecords(slowPage(), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      delivered++;
    });
    expect(seen).toEqual(['after r1: 1', 'after r2: 2']);
    expect(result.isoRecords).toBe(3);
  });

  it('decodes UTF-8 split inside a multi-byte character, and ISO-8859-1 by its declaration', async () => {
    const utf8 = Buffer.from(record('ä-ö', '', 'Größe – Maß'), 'utf8');
    async function* bytes() {
      for (let i = 0; i < utf8.length; i++) yield utf8.subarray(i, i + 1);
    }
    const [a] = await collect(bytes());
    expect(a.fileIdentifier).toBe('ä-ö');
    expect(a.title).toBe('Größe – Maß');
    const latin1 = Buffer.from(
      `<?xml version="1.0" encoding="ISO-8859-1"?>${record('x', '', 'Straße')}`,
      'latin1',
    );
    expect((await collect(latin1))[0].title).toBe('Straße');
    await expect(
      collect(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>')),
    ).rejects.toMatchObject({
      code: 'XML_UNSUPPORTED_ENCODING',
    });
  });

  it('counts comments in place of records and reports missing paging attributes', async () => {
    const result = await parseIsoRecords(
      page(
        [record('a'), '<!-- record b could not be converted -->'],
        'numberOfRecordsMatched="5" numberOfRecordsReturned="2"',
      ),
      () => undefined,
    );
    expect(result.commentsInResults).toBe(1);
    expect(result.searchResults).toMatchObject({ numberOfRecordsReturned: 2, nextRecord: null });
    expect(result.warnings).toEqual([
      'csw:SearchResults has no nextRecord',
      '1 XML comment(s) inside csw:SearchResults',
    ]);
  });
});

describe('checksum', () => {
  it('is stable across formatting, and changes with content', async () => {
    const [a] = await collect(record('c-1'));
    const [b] = await collect(`\n\n   ${record('c-1').replace(/></g, '>\n  <')}`);
    const [c] = await collect(record('c-1', '', 'Anderer Titel'));
    expect(b.checksum).toBe(a.checksum);
    expect(c.checksum).not.toBe(a.checksum);
  });
});

describe('canonical record JSON', () => {
  it('has every member in alphabetical order, also with all optional members present', async () => {
    const { canonicalJson } = await import('./checksum');
    const { recordJson, RECORD_KEYS } = await import('./record-json');
    const GMX = 'http://www.isotc211.org/2005/gmx';
    const XLINK = 'http://www.w3.org/1999/xlink';
    const SRV = 'http://www.isotc211.org/2005/srv';
    const anchor = (text: string, href: string) =>
      `<gmx:Anchor xlink:href="${href}">${text}</gmx:Anchor>`;
    const full =
      `<gmd:MD_Metadata xmlns:gmd="${GMD}" xmlns:gco="${GCO}" xmlns:gmx="${GMX}" xmlns:xlink="${XLINK}" xmlns:srv="${SRV}" xmlns:gml="http://www.opengis.net/gml/3.2">` +
      `<gmd:fileIdentifier><gco:CharacterString>all</gco:CharacterString></gmd:fileIdentifier>` +
      `<gmd:language><gco:CharacterString>ger</gco:CharacterString></gmd:language>` +
      `<gmd:parentIdentifier><gco:CharacterString>parent</gco:CharacterString></gmd:parentIdentifier>` +
      `<gmd:hierarchyLevel><gmd:MD_ScopeCode codeListValue="service"/></gmd:hierarchyLevel>` +
      `<gmd:hierarchyLevelName><gco:CharacterString>Dienst</gco:CharacterString></gmd:hierarchyLevelName>` +
      `<gmd:contact><gmd:CI_ResponsibleParty><gmd:individualName><gco:CharacterString>I</gco:CharacterString></gmd:individualName>` +
      `<gmd:organisationName><gco:CharacterString>O</gco:CharacterString></gmd:organisationName><gmd:positionName><gco:CharacterString>P</gco:CharacterString></gmd:positionName>` +
      `<gmd:contactInfo><gmd:CI_Contact><gmd:address><gmd:CI_Address><gmd:electronicMailAddress><gco:CharacterString>a@b.de</gco:CharacterString></gmd:electronicMailAddress></gmd:CI_Address></gmd:address>` +
      `<gmd:onlineResource><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://o.de</gmd:URL></gmd:linkage></gmd:CI_OnlineResource></gmd:onlineResource></gmd:CI_Contact></gmd:contactInfo>` +
      `<gmd:role><gmd:CI_RoleCode codeListValue="pointOfContact"/></gmd:role></gmd:CI_ResponsibleParty></gmd:contact>` +
      `<gmd:dateStamp><gco:DateTime>2024-01-02T03:04:05</gco:DateTime></gmd:dateStamp>` +
      `<gmd:identificationInfo><srv:SV_ServiceIdentification><gmd:citation><gmd:CI_Citation>` +
      `<gmd:title><gco:CharacterString>T</gco:CharacterString></gmd:title><gmd:alternateTitle><gco:CharacterString>A</gco:CharacterString></gmd:alternateTitle>` +
      `<gmd:date><gmd:CI_Date><gmd:date><gco:Date>2020-01-01</gco:Date></gmd:date><gmd:dateType><gmd:CI_DateTypeCode codeListValue="publication"/></gmd:dateType></gmd:CI_Date></gmd:date>` +
      `<gmd:identifier><gmd:RS_Identifier><gmd:code>${anchor('c', 'https://registry.gdi-de.org/id/x')}</gmd:code><gmd:codeSpace><gco:CharacterString>cs</gco:CharacterString></gmd:codeSpace></gmd:RS_Identifier></gmd:identifier>` +
      `</gmd:CI_Citation></gmd:citation><gmd:abstract><gco:CharacterString>Abs</gco:CharacterString></gmd:abstract>` +
      `<gmd:descriptiveKeywords><gmd:MD_Keywords><gmd:keyword>${anchor('opendata', 'https://k/o')}</gmd:keyword><gmd:type><gmd:MD_KeywordTypeCode codeListValue="theme"/></gmd:type>` +
      `<gmd:thesaurusName><gmd:CI_Citation><gmd:title>${anchor('Th', 'https://th')}</gmd:title><gmd:date><gmd:CI_Date><gmd:date><gco:Date>2019-01-01</gco:Date></gmd:date></gmd:CI_Date></gmd:date></gmd:CI_Citation></gmd:thesaurusName></gmd:MD_Keywords></gmd:descriptiveKeywords>` +
      `<gmd:resourceConstraints><gmd:MD_Constraints><gmd:useLimitation><gco:CharacterString>UL</gco:CharacterString></gmd:useLimitation></gmd:MD_Constraints></gmd:resourceConstraints>` +
      `<gmd:resourceConstraints><gmd:MD_LegalConstraints><gmd:accessConstraints><gmd:MD_RestrictionCode codeListValue="otherRestrictions"/></gmd:accessConstraints>` +
      `<gmd:otherConstraints>${anchor('keine', 'http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations')}</gmd:otherConstraints></gmd:MD_LegalConstraints></gmd:resourceConstraints>` +
      `<gmd:resourceConstraints><gmd:MD_LegalConstraints><gmd:useConstraints><gmd:MD_RestrictionCode codeListValue="otherRestrictions"/></gmd:useConstraints>` +
      `<gmd:otherConstraints><gco:CharacterString>Frei</gco:CharacterString></gmd:otherConstraints>` +
      `<gmd:otherConstraints><gco:CharacterString>{"quelle":"Q","url":"https://u","name":"N","id":"dl-by-de/2.0"}</gco:CharacterString></gmd:otherConstraints></gmd:MD_LegalConstraints></gmd:resourceConstraints>` +
      `<gmd:resourceConstraints><gmd:MD_SecurityConstraints><gmd:classification><gmd:MD_ClassificationCode codeListValue="unclassified"/></gmd:classification></gmd:MD_SecurityConstraints></gmd:resourceConstraints>` +
      `<srv:serviceType><gco:LocalName>view</gco:LocalName></srv:serviceType><srv:serviceTypeVersion><gco:CharacterString>1.3.0</gco:CharacterString></srv:serviceTypeVersion>` +
      `<srv:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox><gmd:westBoundLongitude><gco:Decimal>1</gco:Decimal></gmd:westBoundLongitude><gmd:eastBoundLongitude><gco:Decimal>2</gco:Decimal></gmd:eastBoundLongitude>` +
      `<gmd:southBoundLatitude><gco:Decimal>3</gco:Decimal></gmd:southBoundLatitude><gmd:northBoundLatitude><gco:Decimal>4</gco:Decimal></gmd:northBoundLatitude></gmd:EX_GeographicBoundingBox></gmd:geographicElement>` +
      `<gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent><gml:TimePeriod><gml:beginPosition indeterminatePosition="unknown"/><gml:endPosition indeterminatePosition="now"/></gml:TimePeriod></gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement></gmd:EX_Extent></srv:extent>` +
      `<srv:coupledResource><srv:SV_CoupledResource><srv:operationName><gco:CharacterString>GetMap</gco:CharacterString></srv:operationName><srv:identifier><gco:CharacterString>ds</gco:CharacterString></srv:identifier><gco:ScopedName>layer</gco:ScopedName></srv:SV_CoupledResource></srv:coupledResource>` +
      `<srv:couplingType><srv:SV_CouplingType codeListValue="tight"/></srv:couplingType>` +
      `<srv:containsOperations><srv:SV_OperationMetadata><srv:operationName><gco:CharacterString>GetCapabilities</gco:CharacterString></srv:operationName><srv:connectPoint><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://s.de/wms</gmd:URL></gmd:linkage></gmd:CI_OnlineResource></srv:connectPoint></srv:SV_OperationMetadata></srv:containsOperations>` +
      `<srv:operatesOn uuidref="ds" xlink:href="https://r/ds" xlink:title="Daten"/>` +
      `<gmd:topicCategory><gmd:MD_TopicCategoryCode>environment</gmd:MD_TopicCategoryCode></gmd:topicCategory>` +
      `</srv:SV_ServiceIdentification></gmd:identificationInfo>` +
      `<gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions><gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://s.de/wms</gmd:URL></gmd:linkage>` +
      `<gmd:protocol>${anchor('OGC Web Map Service', 'http://www.opengis.net/def/serviceType/ogc/wms')}</gmd:protocol><gmd:applicationProfile><gco:CharacterString>ap</gco:CharacterString></gmd:applicationProfile>` +
      `<gmd:name><gco:CharacterString>n</gco:CharacterString></gmd:name><gmd:description><gco:CharacterString>d</gco:CharacterString></gmd:description><gmd:function><gmd:CI_OnLineFunctionCode codeListValue="information"/></gmd:function>` +
      `</gmd:CI_OnlineResource></gmd:onLine></gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo></gmd:MD_Metadata>`;
    const [r] = await collect(full);
    const { issues, checksum: _checksum, ...fields } = r;
    expect(issues.filter((i) => i.code !== 'ELEMENT_ORDER')).toEqual([]);
    // Every member the record can have is present in this record …
    const present = new Set<string>();
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          present.add(k);
          visit(x);
        }
      }
    };
    visit(fields);
    expect([...present].sort()).toEqual([...RECORD_KEYS]);
    // … and the fast JSON is the canonical one.
    expect(recordJson(fields)).toBe(canonicalJson(fields));
    expect(r.licence).toEqual({
      id: 'dl-by-de/2.0',
      name: 'N',
      source: 'Q',
      text: ['Frei'],
      uri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
      url: 'https://u',
    });
    expect(r.temporalExtents).toEqual([
      { begin: null, beginIndeterminate: 'unknown', end: null, endIndeterminate: 'now' },
    ]);
  });
});
