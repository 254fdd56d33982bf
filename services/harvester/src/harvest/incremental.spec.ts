import { assertFilterXml } from '@dpi/csw';
import { modifiedSince, withModifiedSince } from './incremental';

describe('modifiedSince', () => {
  it('is the UTC date one day before the last successful start', () => {
    expect(modifiedSince(new Date('2026-03-10T00:30:00Z'))).toBe('2026-03-09');
    expect(modifiedSince(new Date('2026-03-01T23:59:59Z'))).toBe('2026-02-28');
  });
});

describe('withModifiedSince', () => {
  const comparison =
    '<ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>apiso:Modified</ogc:PropertyName>' +
    '<ogc:Literal>2026-03-09</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>';

  it('without a source constraint: a filter of the date alone', () => {
    const result = withModifiedSince(undefined, '2026-03-09');
    expect(result).toEqual({
      filter: `<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">${comparison}</ogc:Filter>`,
    });
    expect(() => assertFilterXml((result as { filter: string }).filter)).not.toThrow();
  });

  it('combines an OGC filter with And, keeping its prefix and namespace declarations', () => {
    const own =
      '<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">\n  <ogc:PropertyIsEqualTo>' +
      '<ogc:PropertyName>apiso:Type</ogc:PropertyName><ogc:Literal>dataset</ogc:Literal>' +
      '</ogc:PropertyIsEqualTo>\n</ogc:Filter>\n';
    const result = withModifiedSince({ filter: own }, '2026-03-09') as { filter: string };
    expect(result.filter).toBe(
      '<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:And><ogc:PropertyIsEqualTo>' +
        '<ogc:PropertyName>apiso:Type</ogc:PropertyName><ogc:Literal>dataset</ogc:Literal>' +
        `</ogc:PropertyIsEqualTo>${comparison}</ogc:And></ogc:Filter>`,
    );
    expect(() => assertFilterXml(result.filter)).not.toThrow();
  });

  it('works with a default-namespace filter and an attribute containing ">"', () => {
    const own =
      '<Filter xmlns="http://www.opengis.net/ogc" a="x>y"><PropertyIsLike wildCard="*" singleChar="?" escapeChar="\\">' +
      '<PropertyName>apiso:Title</PropertyName><Literal>*Hydro*</Literal></PropertyIsLike></Filter>';
    const result = withModifiedSince({ filter: own }, '2026-03-09') as { filter: string };
    expect(result.filter).toContain('<Filter xmlns="http://www.opengis.net/ogc" a="x>y"><And>');
    expect(result.filter).toContain(
      '<PropertyIsGreaterThanOrEqualTo><PropertyName>apiso:Modified</PropertyName>',
    );
    expect(result.filter.endsWith('</PropertyIsGreaterThanOrEqualTo></And></Filter>')).toBe(true);
    expect(() => assertFilterXml(result.filter)).not.toThrow();
  });

  it('fills an empty filter element', () => {
    const result = withModifiedSince(
      { filter: '<f:Filter xmlns:f="http://www.opengis.net/ogc"/>' },
      '2026-03-09',
    ) as { filter: string };
    expect(result.filter).toBe(
      '<f:Filter xmlns:f="http://www.opengis.net/ogc"><f:PropertyIsGreaterThanOrEqualTo>' +
        '<f:PropertyName>apiso:Modified</f:PropertyName><f:Literal>2026-03-09</f:Literal>' +
        '</f:PropertyIsGreaterThanOrEqualTo></f:Filter>',
    );
  });

  it('combines CQL with AND', () => {
    expect(withModifiedSince({ cql: "apiso:Type = 'dataset'" }, '2026-03-09')).toEqual({
      cql: "(apiso:Type = 'dataset') AND apiso:Modified >= '2026-03-09'",
    });
  });

  it('refuses anything but a date', () => {
    expect(() => withModifiedSince(undefined, "2026-01-01' OR 1=1")).toThrow('invalid date');
  });
});
