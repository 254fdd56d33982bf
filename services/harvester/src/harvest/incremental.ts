import type { CswConstraint } from '@dpi/csw';

/** The queryable of a record's modification date (ISO Application Profile). */
export const MODIFIED_QUERYABLE = 'apiso:Modified';

/** Overlap of incremental runs: catalogues often keep date-only stamps and local time. */
const OVERLAP_MS = 24 * 60 * 60 * 1000;

/**
 * The `Modified >=` literal of an incremental run: the UTC date one day before the start of the
 * last successful run. Date-only, because many records carry a date-only `dateStamp` and string
 * comparison of a date against a date-time would miss records changed later that day; the day of
 * overlap costs only unchanged records, which change detection does not publish again.
 */
export function modifiedSince(lastSuccessfulStart: Date): string {
  return new Date(lastSuccessfulStart.getTime() - OVERLAP_MS).toISOString().slice(0, 10);
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Start tag of the root `Filter`: its prefix and its attributes (namespace declarations). */
const FILTER_START =
  /^\s*<(?:([A-Za-z_][\w.-]*):)?Filter((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/;

/**
 * Adds `Modified >= since` to a source's own constraint (or makes it the constraint). An OGC
 * filter becomes `And(<its operator>, PropertyIsGreaterThanOrEqualTo)` written with the filter's
 * own prefix and namespace declarations; CQL becomes `(<cql>) AND apiso:Modified >= '<since>'`.
 */
export function withModifiedSince(
  constraint: CswConstraint | undefined,
  since: string,
): CswConstraint {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new Error(`invalid date ${since}`);
  if (constraint && 'cql' in constraint) {
    return { cql: `(${constraint.cql}) AND ${MODIFIED_QUERYABLE} >= '${since}'` };
  }
  const comparison = (p: string) =>
    `<${p}PropertyIsGreaterThanOrEqualTo><${p}PropertyName>${MODIFIED_QUERYABLE}</${p}PropertyName>` +
    `<${p}Literal>${xmlEscape(since)}</${p}Literal></${p}PropertyIsGreaterThanOrEqualTo>`;
  if (!constraint) {
    return {
      filter: `<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">${comparison('ogc:')}</ogc:Filter>`,
    };
  }
  const filter = constraint.filter.trim();
  const start = FILTER_START.exec(filter);
  if (!start) throw new Error('the constraint is not a single Filter element');
  const prefix = start[1] ? `${start[1]}:` : '';
  const attributes = start[2] ?? '';
  const open = `<${prefix}Filter${attributes}>`;
  if (start[3] === '/') return { filter: `${open}${comparison(prefix)}</${prefix}Filter>` };
  const close = new RegExp(`</${prefix.replace(/\./g, '\\.')}Filter\\s*>$`);
  const inner = filter.slice(start[0].length).replace(close, '');
  if (inner.length === filter.length - start[0].length) {
    throw new Error('the constraint does not end with its Filter end tag');
  }
  return {
    filter: `${open}<${prefix}And>${inner.trim()}${comparison(prefix)}</${prefix}And></${prefix}Filter>`,
  };
}
