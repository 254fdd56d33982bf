/**
 * `q` of a list as catalogue users search (issue 20): German full text (stemmed, web-search
 * syntax) whose last word is also a prefix — what a search box needs while the user types
 * ("Bebauungspl" finds "Bebauungsplan") —, or an identifier matched exactly (a record's own id,
 * an ISO fileIdentifier, a resource identifier). Registry and reporting build their condition
 * from the same parts, so a search finds the same records on both sides.
 */
export interface SearchQuery {
  /** For websearch_to_tsquery('german', …): all of q, or all but its last word when that is a prefix. */
  words: string;
  /** The last word, searched as a stemmed prefix; null when q does not end in a plain word. */
  prefix: string | null;
  /** q as an identifier: trimmed and lower-cased (compare with lower(column)). */
  identifier: string;
  /** q when it is a UUID, lower-cased; else null (a record's own id). */
  uuid: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A word to_tsquery takes as is: letters and digits only, nothing it would read as an operator. */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

export function parseSearch(q: string): SearchQuery {
  const text = q.trim();
  const identifier = text.toLowerCase();
  const uuid = UUID.test(text) ? identifier : null;
  const words = text.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const before = words[words.length - 2]?.toLowerCase();
  // A quoted phrase, a negated word or the right side of "or" keeps web-search meaning.
  const prefix = !text.includes('"') && PLAIN_WORD.test(last) && before !== 'or' ? last : null;
  return {
    words: prefix === null ? text : words.slice(0, -1).join(' '),
    prefix,
    identifier,
    uuid,
  };
}

/**
 * The condition over a `search` tsvector (German), its identifier columns and its uuid id column.
 * `param` binds a value and returns its placeholder (`$3`, `:q`); every part is index-backed
 * where the caller has the indexes (GIN on the vector, btree on lower(identifier) and the id).
 */
export function searchConditionSql(
  search: SearchQuery,
  columns: { vector: string; id: string; identifiers: readonly string[] },
  param: (value: unknown) => string,
): string {
  const words = `websearch_to_tsquery('german', ${param(search.words)})`;
  const query =
    search.prefix === null
      ? words
      : `(${words} && to_tsquery('german', ${param(`${search.prefix}:*`)}))`;
  const alternatives = [`${columns.vector} @@ ${query}`];
  if (columns.identifiers.length > 0) {
    const identifier = param(search.identifier);
    for (const column of columns.identifiers) alternatives.push(`lower(${column}) = ${identifier}`);
  }
  if (search.uuid) alternatives.push(`${columns.id} = ${param(search.uuid)}::uuid`);
  return `(${alternatives.join(' OR ')})`;
}
