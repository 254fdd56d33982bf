import {
  HARVESTED,
  HH_DATASET,
  HH_ENDPOINT,
  RESOURCE_ID,
  SECRET,
  SECRET_DATASET,
  SECRET_PLATFORM,
  startCswFixture,
  type CswFixture,
} from './testing/csw-fixture.test-helper';

/**
 * CSW 2.0.2 (issue 20): identifiers, visibility and exception reports, on the inventory of
 * testing/csw-fixture.test-helper.ts (the real clients: csw.int-spec.ts).
 */
describe('CSW 2.0.2 (issue 20): identifiers, visibility, exception reports', () => {
  let f: CswFixture;

  beforeAll(async () => {
    f = await startCswFixture('csw-requests');
  }, 300_000);

  afterAll(async () => {
    await f?.close();
  });

  it('finds a harvested dataset by its source fileIdentifier and resource identifier, and names them', async () => {
    const iso = encodeURIComponent('http://www.isotc211.org/2005/gmd');
    for (const identifier of [
      'metadata-NPWHV13747',
      'METADATA-npwhv13747',
      RESOURCE_ID,
      HARVESTED,
    ]) {
      const cql = encodeURIComponent(`Identifier = '${identifier}'`);
      const response = await f.csw(
        `?service=CSW&version=2.0.2&request=GetRecords&resultType=results&ElementSetName=full&outputSchema=${iso}&constraintLanguage=CQL_TEXT&constraint=${cql}`,
      );
      expect({
        identifier,
        matched: /numberOfRecordsMatched="(\d+)"/.exec(response.text)?.[1],
      }).toEqual({
        identifier,
        matched: '1',
      });
      expect(response.text).toContain(`<gco:CharacterString>${HARVESTED}</gco:CharacterString>`);
      expect(response.text).toContain(
        `<gmd:code><gco:CharacterString>${RESOURCE_ID}</gco:CharacterString></gmd:code>`,
      );
      expect(response.text).toContain('(fileIdentifier dort: metadata-NPWHV13747)');
    }
    // Negative control: a prefix of the fileIdentifier is not an identifier.
    const prefix = await f.csw(
      `?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("Identifier = 'metadata-NPWHV'")}`,
    );
    expect(prefix.text).toContain('numberOfRecordsMatched="0"');
  });

  it('hides NON_PUBLIC records from the public in GetRecords and GetRecordById; a reviewer reads them', async () => {
    const search = `?service=CSW&version=2.0.2&request=GetRecords&resultType=results&maxRecords=50&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent(`AnyText LIKE '%${SECRET}%'`)}`;
    const byId = `?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=${encodeURIComponent('http://www.isotc211.org/2005/gmd')}&Id=${SECRET_DATASET},${SECRET_PLATFORM},${HH_DATASET}`;
    const anonymous = [await f.csw(search), await f.csw(byId)];
    const reviewed = [
      await f.csw(search, { token: f.reviewer }),
      await f.csw(byId, { token: f.reviewer }),
    ];
    for (const response of [...anonymous, ...reviewed]) expect(response.status).toBe(200);
    for (const response of anonymous) {
      expect(response.text).not.toContain(SECRET);
      expect(response.text).not.toContain(SECRET_DATASET);
      expect(response.text).not.toContain(SECRET_PLATFORM);
    }
    expect(anonymous[0].text).toContain('numberOfRecordsMatched="0"');
    expect(anonymous[1].text).toContain(HH_DATASET);
    // The endpoint's operatesOn names the NON_PUBLIC dataset to the reviewer only.
    const endpoint = `?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=${encodeURIComponent('http://www.isotc211.org/2005/gmd')}&ElementSetName=full&Id=${HH_ENDPOINT}`;
    expect((await f.csw(endpoint)).text).not.toContain(SECRET_DATASET);
    expect((await f.csw(endpoint, { token: f.reviewer })).text).toContain(
      `uuidref="${SECRET_DATASET}"`,
    );
    // Negative control: the reviewer sees both.
    expect(reviewed[0].text).toContain('numberOfRecordsMatched="2"');
    expect(reviewed[1].text).toContain(SECRET_DATASET);
    expect(reviewed[1].text).toContain(SECRET_PLATFORM);
  });

  it('answers bad requests with an OWS ExceptionReport (400, exceptionCode, locator)', async () => {
    const cases: [
      string,
      { method?: 'POST'; body?: string; contentType?: string },
      string,
      string,
    ][] = [
      ['', {}, 'MissingParameterValue', 'request'],
      ['?service=CSW&version=2.0.2&request=Transaction', {}, 'OperationNotSupported', 'request'],
      ['?service=WMS&request=GetCapabilities', {}, 'InvalidParameterValue', 'service'],
      ['?service=CSW&version=3.0.0&request=GetRecords', {}, 'VersionNegotiationFailed', 'version'],
      [
        '?service=CSW&version=2.0.2&request=GetRecords&outputSchema=urn:x',
        {},
        'InvalidParameterValue',
        'outputSchema',
      ],
      [
        '?service=CSW&version=2.0.2&request=GetRecords&startPosition=0',
        {},
        'InvalidParameterValue',
        'startPosition',
      ],
      [
        '?service=CSW&version=2.0.2&request=GetRecords&ElementSetName=huge',
        {},
        'InvalidParameterValue',
        'ElementSetName',
      ],
      ['?service=CSW&version=2.0.2&request=GetRecordById', {}, 'MissingParameterValue', 'Id'],
      [
        `?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=FILTER&constraint=${encodeURIComponent('<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsLike>')}`,
        {},
        'InvalidParameterValue',
        'Constraint',
      ],
      [
        `?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("Colour LIKE 'red'")}`,
        {},
        'InvalidParameterValue',
        'Constraint',
      ],
      [
        '',
        {
          method: 'POST',
          body:
            '<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2">' +
            '<csw:Query typeNames="csw:Record"><csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="?" escapeChar="\\">' +
            '<ogc:PropertyName>Modified</ogc:PropertyName><ogc:Literal>2025*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter></csw:Constraint></csw:Query></csw:GetRecords>',
        },
        'InvalidParameterValue',
        'Constraint',
      ],
      [
        '',
        {
          method: 'POST',
          body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><csw:GetCapabilities xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW">&e;</csw:GetCapabilities>',
        },
        'InvalidParameterValue',
        'request',
      ],
    ];
    for (const [query, options, code, locator] of cases) {
      const response = await f.csw(query, options);
      expect({
        query,
        body: options.body?.slice(0, 40),
        status: response.status,
        code: /exceptionCode="(\w+)"/.exec(response.text)?.[1],
        locator: /locator="(\w+)"/.exec(response.text)?.[1],
      }).toEqual({ query, body: options.body?.slice(0, 40), status: 400, code, locator });
      expect(response.type).toMatch(/^application\/xml/);
      expect(response.text).toContain('<ows:ExceptionReport');
      expect(response.text).not.toContain('root:');
    }
    // Negative control: the same filter, well-formed, is answered.
    const fine = await f.csw(
      `?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=FILTER&constraint=${encodeURIComponent('<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsLike wildCard="*" singleChar="?" escapeChar="\\"><ogc:PropertyName>dc:title</ogc:PropertyName><ogc:Literal>Geoportal*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>')}`,
    );
    expect(fine.status).toBe(200);
    expect(fine.text).toContain('numberOfRecordsMatched="1"');
    // Another route still refuses XML bodies.
    const other = await fetch(`${f.base}/api/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect([404, 415]).toContain(other.status);
  });
});
