export * from './errors';
export * from './iso/types';
export * from './iso/parser';
export { IsoParseWorker, type IsoRecordsParser } from './iso/worker-parser';
export { detachStrings } from './iso/detach';
export { normaliseProtocol } from './iso/protocol';
export { parseLicenceJson, licenceUri, DCAT_AP_DE_LICENCE_BASE } from './iso/licence';
export { canonicalJson } from './iso/checksum';
export { NS, ISO_OUTPUT_SCHEMA } from './xml/namespaces';
export { DEFAULT_XML_LIMITS, readXml, type XmlLimits, type XmlSink } from './xml/secure-reader';
export type { XmlSource } from './xml/decode';
export * from './csw/client';
export * from './csw/harvest';
export * from './csw/capabilities';
export {
  SORT_BY_IDENTIFIER,
  getRecordsXml,
  getRecordsUrl,
  getCapabilitiesUrl,
  assertFilterXml,
  type CswConstraint,
  type GetRecordsQuery,
  type SortBy,
} from './csw/requests';
export { readXmlTree } from './xml/read-tree';
export { attr, child, children, type XNode } from './xml/tree';
