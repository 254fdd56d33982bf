import { readXmlTree } from '@dpi/csw';
import { requestFromKvp, requestFromXml } from './csw-request';
import { CswException } from './exception';
import { filterFromCql, likePattern } from './filter';
import { pageOf } from './csw.service';
import { document, el } from './xml';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CswException) return `${error.code} ${error.locator}`;
    throw error;
  }
  return 'answered';
};

describe('CSW XML writer', () => {
  it('escapes markup in text and attributes and drops what XML cannot carry', async () => {
    const tricky = `a & b < c > d "e" 'f' ]]> \u0001\u0008 \uD800 x\r\ny\tz`;
    const xml = document(el('r', { v: tricky }, el('t', null, tricky)));
    const root = await readXmlTree(xml);
    const expected = `a & b < c > d "e" 'f' ]]>   x\r\ny\tz`;
    expect(root.attrs.v.value).toBe(expected);
    expect(root.children[0].text).toBe(expected);
  });
});

describe('CSW paging', () => {
  it.each([
    // matched, start, max → returned, next
    [0, 1, 10, 0, 0],
    [25, 1, 10, 10, 11],
    [25, 21, 10, 5, 0],
    [25, 20, 6, 6, 0],
    [25, 26, 10, 0, 0],
    [2000, 1, 1000, 500, 501],
    [25, 1, 0, 0, 0],
  ])(
    '%i matched, startPosition %i, maxRecords %i → %i returned, nextRecord %i',
    (matched, start, max, returned, next) => {
      expect(pageOf(matched, start, max)).toMatchObject({ returned, nextRecord: next });
    },
  );
});

describe('CSW requests', () => {
  const kvp = { service: 'CSW', version: '2.0.2', request: 'GetRecords' };

  it('reads KVP names case-insensitively, with the spec defaults', async () => {
    expect(
      await requestFromKvp({ SERVICE: 'CSW', VERSION: '2.0.2', REQUEST: 'getrecords' }),
    ).toEqual({
      request: 'GetRecords',
      resultType: 'hits',
      startPosition: 1,
      maxRecords: 10,
      filter: null,
      sortBy: [],
      outputSchema: 'dc',
      elementSet: 'summary',
    });
  });

  it('reads OGC Filter 1.1 and CQL into the same tree', async () => {
    const filter =
      '<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml"><ogc:And>' +
      '<ogc:PropertyIsLike wildCard="*" singleChar="." escapeChar="!"><ogc:PropertyName>csw:AnyText</ogc:PropertyName><ogc:Literal>Elbe*100!%</ogc:Literal></ogc:PropertyIsLike>' +
      '<ogc:Not><ogc:PropertyIsLessThan><ogc:PropertyName>dct:modified</ogc:PropertyName><ogc:Literal>2025-01-01</ogc:Literal></ogc:PropertyIsLessThan></ogc:Not>' +
      '<ogc:BBOX><ogc:PropertyName>ows:BoundingBox</ogc:PropertyName><gml:Envelope><gml:lowerCorner>53.3 9.7</gml:lowerCorner><gml:upperCorner>53.8 10.4</gml:upperCorner></gml:Envelope></ogc:BBOX>' +
      '</ogc:And></ogc:Filter>';
    const fromXml = await requestFromKvp({
      ...kvp,
      constraintLanguage: 'FILTER',
      constraint: filter,
    });
    const fromCql = await requestFromKvp({
      ...kvp,
      constraintLanguage: 'CQL_TEXT',
      constraint:
        "AnyText LIKE 'Elbe%100\\%' AND NOT dct:modified < 2025-01-01 AND BBOX(ows:BoundingBox, 9.7, 53.3, 10.4, 53.8)",
    });
    const expected = {
      op: 'and',
      args: [
        { op: 'like', property: 'AnyText', pattern: 'Elbe%100\\%' },
        {
          op: 'not',
          arg: {
            op: 'compare',
            cmp: '<',
            property: 'Modified',
            value: '2025-01-01',
            matchCase: true,
          },
        },
        { op: 'bbox', box: [9.7, 53.3, 10.4, 53.8] },
      ],
    };
    expect(fromXml).toMatchObject({ filter: expected });
    expect(fromCql).toMatchObject({ filter: expected });
  });

  it('escapes the client wildcards into LIKE', () => {
    expect(likePattern('50%_a*b?c\\*', '*', '?', '\\')).toBe('50\\%\\_a%b_c*');
    expect(filterFromCql("Title = 'O''Brien'")).toMatchObject({ value: "O'Brien" });
  });

  it.each([
    [
      {
        ...kvp,
        constraintLanguage: 'FILTER',
        constraint: '<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">',
      },
      'InvalidParameterValue Constraint',
    ],
    [
      { ...kvp, constraintLanguage: 'CQL_TEXT', constraint: "Title LIKE 'x' AND" },
      'InvalidParameterValue Constraint',
    ],
    [
      { ...kvp, constraintLanguage: 'CQL_TEXT', constraint: 'Modified > yesterday' },
      'InvalidParameterValue Constraint',
    ],
    [{ ...kvp, constraint: "Title = 'x'" }, 'MissingParameterValue constraintLanguage'],
    [{ ...kvp, sortBy: 'AnyText:A' }, 'InvalidParameterValue SortBy'],
    [{ ...kvp, maxRecords: '-1' }, 'InvalidParameterValue maxRecords'],
    [{ ...kvp, resultType: '' }, 'InvalidParameterValue resultType'],
    [{ ...kvp, outputSchema: '' }, 'InvalidParameterValue outputSchema'],
    [{ ...kvp, request: ['GetRecords', 'GetRecords'] }, 'InvalidParameterValue request'],
    [
      { service: 'CSW', version: '2.0.0', request: 'GetRecords' },
      'VersionNegotiationFailed version',
    ],
    [{ version: '2.0.2', request: 'GetRecords' }, 'MissingParameterValue service'],
    [
      { ...kvp, request: 'GetCapabilities', ElementSetName: 'all' },
      'InvalidParameterValue ElementSetName',
    ],
    [{ ...kvp, typeNames: 'gmd:Other' }, 'InvalidParameterValue typeNames'],
  ])('refuses %j: %s', async (query, expected) => {
    expect(await codeOf(requestFromKvp(query))).toBe(expected);
  });

  it('reads the XML encoding, and refuses a DOCTYPE', async () => {
    const body =
      '<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2" resultType="results" startPosition="11" maxRecords="5" outputSchema="http://www.isotc211.org/2005/gmd">' +
      '<csw:Query typeNames="gmd:MD_Metadata"><csw:ElementSetName>full</csw:ElementSetName>' +
      '<csw:Constraint version="1.1.0"><csw:CqlText>Subject = \'Bäume\'</csw:CqlText></csw:Constraint>' +
      '<ogc:SortBy><ogc:SortProperty><ogc:PropertyName>apiso:Modified</ogc:PropertyName><ogc:SortOrder>DESC</ogc:SortOrder></ogc:SortProperty></ogc:SortBy>' +
      '</csw:Query></csw:GetRecords>';
    expect(await requestFromXml(body)).toEqual({
      request: 'GetRecords',
      resultType: 'results',
      startPosition: 11,
      maxRecords: 5,
      filter: { op: 'compare', cmp: '=', property: 'Subject', value: 'Bäume', matchCase: true },
      sortBy: [{ property: 'Modified', descending: true }],
      outputSchema: 'iso',
      elementSet: 'full',
    });
    expect(await codeOf(requestFromXml('<!DOCTYPE a [<!ENTITY x "y">]><a/>'))).toBe(
      'InvalidParameterValue request',
    );
  });
});
