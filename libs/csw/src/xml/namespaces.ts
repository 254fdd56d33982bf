/** Namespace URIs. Matching is always by URI, never by prefix: catalogues choose prefixes freely. */
export const NS = {
  gmd: 'http://www.isotc211.org/2005/gmd',
  gco: 'http://www.isotc211.org/2005/gco',
  gmx: 'http://www.isotc211.org/2005/gmx',
  srv: 'http://www.isotc211.org/2005/srv',
  gmi: 'http://www.isotc211.org/2005/gmi',
  gml: 'http://www.opengis.net/gml',
  gml32: 'http://www.opengis.net/gml/3.2',
  xlink: 'http://www.w3.org/1999/xlink',
  csw: 'http://www.opengis.net/cat/csw/2.0.2',
  ows: 'http://www.opengis.net/ows',
  ows11: 'http://www.opengis.net/ows/1.1',
  ows20: 'http://www.opengis.net/ows/2.0',
  ogc: 'http://www.opengis.net/ogc',
  apiso: 'http://www.opengis.net/cat/csw/apiso/1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
  dct: 'http://purl.org/dc/terms/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** outputSchema value for ISO 19139 records in CSW 2.0.2. */
export const ISO_OUTPUT_SCHEMA = NS.gmd;

export function isOwsNamespace(uri: string): boolean {
  return uri === NS.ows || uri === NS.ows11 || uri === NS.ows20;
}

export function isGmlNamespace(uri: string): boolean {
  return uri === NS.gml || uri === NS.gml32;
}

/** `{uri}local`, the unambiguous name of an element in messages. */
export function clark(uri: string | undefined, local: string | undefined): string {
  return uri ? `{${uri}}${local ?? ''}` : (local ?? '');
}
