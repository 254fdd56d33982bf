import { SaxesParser, type SaxesTagNS } from 'saxes';
import { CswError } from '../errors';
import { SORT_BY_IDENTIFIER, assertFilterXml, getRecordsUrl, getRecordsXml } from './requests';

const FILTER =
  '<ogc:Filter><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>apiso:Modified</ogc:PropertyName>' +
  '<ogc:Literal>2026-01-01</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter>';

/** Element names as {uri}local, to check the request's namespaces the way a server reads them. */
function elements(xml: string): string[] {
  const out: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (t: SaxesTagNS) => out.push(`{${t.uri}}${t.local}`));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return out;
}

describe('GetRecords POST body', () => {
  it('is namespace-correct CSW 2.0.2 with outputSchema gmd, ElementSetName full, filter and SortBy', () => {
    const xml = getRecordsXml(
      { constraint: { filter: FILTER }, sortBy: SORT_BY_IDENTIFIER },
      { resultType: 'results', startPosition: 101, maxRecords: 100 },
    );
    expect(elements(xml)).toEqual([
      '{http://www.opengis.net/cat/csw/2.0.2}GetRecords',
      '{http://www.opengis.net/cat/csw/2.0.2}Query',
      '{http://www.opengis.net/cat/csw/2.0.2}ElementSetName',
      '{http://www.opengis.net/cat/csw/2.0.2}Constraint',
      '{http://www.opengis.net/ogc}Filter',
      '{http://www.opengis.net/ogc}PropertyIsGreaterThanOrEqualTo',
      '{http://www.opengis.net/ogc}PropertyName',
      '{http://www.opengis.net/ogc}Literal',
      '{http://www.opengis.net/ogc}SortBy',
      '{http://www.opengis.net/ogc}SortProperty',
      '{http://www.opengis.net/ogc}PropertyName',
      '{http://www.opengis.net/ogc}SortOrder',
    ]);
    expect(xml).toContain('outputSchema="http://www.isotc211.org/2005/gmd"');
    expect(xml).toContain('resultType="results" startPosition="101" maxRecords="100"');
    expect(xml).toContain('<csw:Query typeNames="gmd:MD_Metadata">');
    expect(xml).toContain('<csw:ElementSetName>full</csw:ElementSetName>');
    expect(xml).toContain(
      '<ogc:PropertyName>apiso:Identifier</ogc:PropertyName><ogc:SortOrder>ASC</ogc:SortOrder>',
    );
  });

  it('escapes CQL_TEXT', () => {
    const xml = getRecordsXml(
      { constraint: { cql: "AnyText LIKE '%<Wasser>&%'" } },
      { resultType: 'hits', startPosition: 1, maxRecords: 0 },
    );
    expect(xml).toContain(
      '<csw:CqlText>AnyText LIKE &apos;%&lt;Wasser&gt;&amp;%&apos;</csw:CqlText>',
    );
    expect(elements(xml)).toContain('{http://www.opengis.net/cat/csw/2.0.2}CqlText');
  });
});

describe('GetRecords KVP (GET)', () => {
  it('carries the same request as URL parameters, keeping the endpoint own parameters', () => {
    const url = new URL(
      getRecordsUrl(
        'https://example.org/csw?portal=de',
        { constraint: { cql: "Modified >= '2026-01-01'" }, sortBy: SORT_BY_IDENTIFIER },
        { resultType: 'results', startPosition: 1, maxRecords: 50 },
      ),
    );
    const p = Object.fromEntries(url.searchParams);
    expect(p).toMatchObject({
      portal: 'de',
      service: 'CSW',
      version: '2.0.2',
      request: 'GetRecords',
      typeNames: 'gmd:MD_Metadata',
      resultType: 'results',
      outputSchema: 'http://www.isotc211.org/2005/gmd',
      elementSetName: 'full',
      startPosition: '1',
      maxRecords: '50',
      constraintLanguage: 'CQL_TEXT',
      constraint: "Modified >= '2026-01-01'",
      sortBy: 'apiso:Identifier:A',
    });
    expect(p['namespace']).toContain('xmlns(gmd=http://www.isotc211.org/2005/gmd)');
  });
});

describe('validation', () => {
  it('accepts one ogc:Filter and refuses anything else', () => {
    expect(() => assertFilterXml(FILTER)).not.toThrow();
    expect(() =>
      assertFilterXml('<Filter xmlns="http://www.opengis.net/ogc"><PropertyIsLike/></Filter>'),
    ).not.toThrow();
    for (const bad of [
      '<ogc:Filter>',
      '<ogc:Filter/><ogc:Filter/>',
      '<ogc:Query/>',
      'apiso:Title = "x"',
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ogc:Filter>&e;</ogc:Filter>',
    ]) {
      expect(() => assertFilterXml(bad)).toThrow(CswError);
    }
  });

  it('refuses bad paging and sort properties', () => {
    const paging = { resultType: 'results' as const, startPosition: 0, maxRecords: 10 };
    expect(() => getRecordsXml({}, paging)).toThrow(/startPosition/);
    expect(() =>
      getRecordsXml(
        { sortBy: { property: 'a"><x', order: 'ASC' } },
        { ...paging, startPosition: 1 },
      ),
    ).toThrow(/sort property/);
  });
});
