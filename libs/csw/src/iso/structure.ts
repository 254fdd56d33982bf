import { NS, clark } from '../xml/namespaces';
import { type KeepContent, type XNode } from '../xml/tree';
import { Issues } from './issues';

const { gmd } = NS;

/** The top level of an ISO 19139 record: which children exist, in which order, which are read. */

/** The children of `gmd:MD_Metadata` in the order of the ISO 19139 schema. */
const MD_METADATA_CHILDREN = [
  'fileIdentifier',
  'language',
  'characterSet',
  'parentIdentifier',
  'hierarchyLevel',
  'hierarchyLevelName',
  'contact',
  'dateStamp',
  'metadataStandardName',
  'metadataStandardVersion',
  'dataSetURI',
  'locale',
  'spatialRepresentationInfo',
  'referenceSystemInfo',
  'metadataExtensionInfo',
  'identificationInfo',
  'contentInfo',
  'distributionInfo',
  'dataQualityInfo',
  'portrayalCatalogueInfo',
  'metadataConstraints',
  'applicationSchemaInfo',
  'metadataMaintenance',
  'series',
  'describes',
  'propertyType',
  'featureType',
  'featureAttribute',
];
const MD_METADATA_ORDER = new Map(MD_METADATA_CHILDREN.map((name, i) => [name, i]));
/** gmi:MI_Metadata (ISO 19115-2) adds these after the gmd content. */
const MI_METADATA_CHILDREN = new Set(['acquisitionInformation']);

/**
 * The children of `gmd:MD_Metadata` whose content the extraction below reads. Of the others (data
 * quality, reference systems …: about a fifth of a typical record) the tree keeps only the name,
 * which is all {@link checkStructure} looks at.
 */
const MD_METADATA_READ = new Set([
  'fileIdentifier',
  'language',
  'parentIdentifier',
  'hierarchyLevel',
  'hierarchyLevelName',
  'contact',
  'dateStamp',
  'identificationInfo',
  'distributionInfo',
]);

/** Tells the tree builder of an ISO record what {@link extractIsoRecord} needs. */
export const keepIsoContent: KeepContent = (node, depth) =>
  depth !== 1 || (node.uri === gmd && MD_METADATA_READ.has(node.local));

/** Schema-light check of the record's top level: unknown or misplaced elements become warnings. */
export function checkStructure(md: XNode, issues: Issues): void {
  let last = -1;
  let reportedOrder = false;
  for (const c of md.children) {
    let index = c.uri === gmd ? MD_METADATA_ORDER.get(c.local) : undefined;
    if (index === undefined && c.uri === NS.gmi && MI_METADATA_CHILDREN.has(c.local)) {
      index = MD_METADATA_CHILDREN.length;
    }
    if (index === undefined) {
      issues.warn(
        'UNEXPECTED_ELEMENT',
        `unexpected element ${clark(c.uri, c.local)} in ${md.local}`,
      );
      continue;
    }
    if (index < last && !reportedOrder) {
      issues.warn('ELEMENT_ORDER', `gmd:${c.local} out of schema order in ${md.local}`);
      reportedOrder = true;
    }
    last = Math.max(last, index);
  }
}
