import { SaxesParser } from 'saxes';
import { CswError } from '../errors';
import { ISO_OUTPUT_SCHEMA, NS } from '../xml/namespaces';

/** OGC Filter 1.1 XML (an `ogc:Filter` element) or a CQL_TEXT expression. */
export type CswConstraint = { filter: string } | { cql: string };

export interface SortBy {
  /** Queryable, e.g. `apiso:Identifier`, `apiso:Modified`. */
  property: string;
  order: 'ASC' | 'DESC';
}

export const SORT_BY_IDENTIFIER: SortBy = { property: 'apiso:Identifier', order: 'ASC' };

export interface GetRecordsQuery {
  /** Default `gmd:MD_Metadata`. */
  typeNames?: string;
  /** Default `http://www.isotc211.org/2005/gmd`. */
  outputSchema?: string;
  /** Default `full`. */
  elementSetName?: 'brief' | 'summary' | 'full';
  constraint?: CswConstraint;
  sortBy?: SortBy;
}

export interface GetRecordsPaging {
  resultType: 'hits' | 'results';
  startPosition: number;
  maxRecords: number;
}

/** Prefixes declared on every POST request, so filters and sort properties may use them. */
const REQUEST_NAMESPACES: Record<string, string> = {
  csw: NS.csw,
  ogc: NS.ogc,
  gmd: NS.gmd,
  gml: NS.gml,
  apiso: NS.apiso,
  dc: NS.dc,
  dct: NS.dct,
};

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A GetRecords request in the CSW 2.0.2 XML encoding (for POST). */
export function getRecordsXml(query: GetRecordsQuery, paging: GetRecordsPaging): string {
  validateQuery(query, paging);
  const xmlns = Object.entries(REQUEST_NAMESPACES)
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join(' ');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<csw:GetRecords ${xmlns} service="CSW" version="2.0.2" resultType="${paging.resultType}"` +
      ` startPosition="${paging.startPosition}" maxRecords="${paging.maxRecords}"` +
      ` outputFormat="application/xml" outputSchema="${escapeXml(query.outputSchema ?? ISO_OUTPUT_SCHEMA)}">`,
    `  <csw:Query typeNames="${escapeXml(query.typeNames ?? 'gmd:MD_Metadata')}">`,
    `    <csw:ElementSetName>${query.elementSetName ?? 'full'}</csw:ElementSetName>`,
  ];
  const c = query.constraint;
  if (c && 'filter' in c) {
    lines.push(`    <csw:Constraint version="1.1.0">${c.filter.trim()}</csw:Constraint>`);
  } else if (c && 'cql' in c) {
    lines.push(
      `    <csw:Constraint version="1.1.0"><csw:CqlText>${escapeXml(c.cql)}</csw:CqlText></csw:Constraint>`,
    );
  }
  if (query.sortBy) {
    lines.push(
      '    <ogc:SortBy><ogc:SortProperty>' +
        `<ogc:PropertyName>${escapeXml(query.sortBy.property)}</ogc:PropertyName>` +
        `<ogc:SortOrder>${query.sortBy.order}</ogc:SortOrder>` +
        '</ogc:SortProperty></ogc:SortBy>',
    );
  }
  lines.push('  </csw:Query>', '</csw:GetRecords>', '');
  return lines.join('\n');
}

/** The same request in the KVP encoding (for GET). */
export function getRecordsUrl(
  baseUrl: string,
  query: GetRecordsQuery,
  paging: GetRecordsPaging,
): string {
  validateQuery(query, paging);
  const url = new URL(baseUrl);
  const typeNames = query.typeNames ?? 'gmd:MD_Metadata';
  const set = (k: string, v: string): void => url.searchParams.set(k, v);
  set('service', 'CSW');
  set('version', '2.0.2');
  set('request', 'GetRecords');
  set('typeNames', typeNames);
  set(
    'namespace',
    `xmlns(gmd=${NS.gmd}),xmlns(csw=${NS.csw}),xmlns(apiso=${NS.apiso}),xmlns(ogc=${NS.ogc})`,
  );
  set('resultType', paging.resultType);
  set('outputSchema', query.outputSchema ?? ISO_OUTPUT_SCHEMA);
  set('outputFormat', 'application/xml');
  set('elementSetName', query.elementSetName ?? 'full');
  set('startPosition', String(paging.startPosition));
  set('maxRecords', String(paging.maxRecords));
  const c = query.constraint;
  if (c && 'filter' in c) {
    set('constraintLanguage', 'FILTER');
    set('constraint_language_version', '1.1.0');
    set('constraint', c.filter.trim());
  } else if (c && 'cql' in c) {
    set('constraintLanguage', 'CQL_TEXT');
    set('constraint_language_version', '1.1.0');
    set('constraint', c.cql);
  }
  if (query.sortBy)
    set('sortBy', `${query.sortBy.property}:${query.sortBy.order === 'ASC' ? 'A' : 'D'}`);
  return url.toString();
}

export function getCapabilitiesUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('service', 'CSW');
  url.searchParams.set('request', 'GetCapabilities');
  url.searchParams.set('acceptVersions', '2.0.2');
  return url.toString();
}

function validateQuery(query: GetRecordsQuery, paging: GetRecordsPaging): void {
  if (!Number.isInteger(paging.startPosition) || paging.startPosition < 1) {
    throw new CswError(
      'INVALID_REQUEST',
      `startPosition must be an integer >= 1, got ${paging.startPosition}`,
    );
  }
  if (!Number.isInteger(paging.maxRecords) || paging.maxRecords < 0) {
    throw new CswError(
      'INVALID_REQUEST',
      `maxRecords must be an integer >= 0, got ${paging.maxRecords}`,
    );
  }
  const c = query.constraint;
  if (c && 'filter' in c) assertFilterXml(c.filter);
  if (query.sortBy && !/^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/.test(query.sortBy.property)) {
    throw new CswError('INVALID_REQUEST', `invalid sort property "${query.sortBy.property}"`);
  }
}

/**
 * A filter is configuration, not remote input, but it is pasted into our request: it must be one
 * well-formed `ogc:Filter` element (no DOCTYPE), or the catalogue would get a broken request.
 */
export function assertFilterXml(filter: string): void {
  const parser = new SaxesParser({
    xmlns: true,
    fragment: true,
    additionalNamespaces: REQUEST_NAMESPACES,
  });
  let roots = 0;
  let depth = 0;
  let rootOk = false;
  parser.on('doctype', () => {
    throw new CswError('INVALID_REQUEST', 'constraint filter must not contain a DOCTYPE');
  });
  parser.on('opentag', (tag) => {
    if (depth === 0) {
      roots++;
      rootOk = tag.local === 'Filter' && tag.uri === NS.ogc;
    }
    depth++;
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.on('error', (e) => {
    throw new CswError('INVALID_REQUEST', `constraint filter is not well-formed XML: ${e.message}`);
  });
  parser.write(filter).close();
  if (roots !== 1 || !rootOk) {
    throw new CswError(
      'INVALID_REQUEST',
      'constraint filter must be exactly one ogc:Filter element',
    );
  }
}
