import { el, type XmlElement } from './xml';
import type { ElementSet } from './csw-request';
import type { RecordFields } from './record-fields';

/** WGS84 latitude/longitude, the CRS pycsw's records name (axis order latitude first). */
export const DC_BBOX_CRS = 'urn:x-ogc:def:crs:EPSG:6.11:4326';

/** ows:BoundingBox in latitude/longitude order, as its CRS requires. */
function boundingBox(bbox: RecordFields['bbox']): XmlElement | null {
  if (!bbox) return null;
  const [west, south, east, north] = bbox;
  return el(
    'ows:BoundingBox',
    { crs: DC_BBOX_CRS, dimensions: 2 },
    el('ows:LowerCorner', null, `${south} ${west}`),
    el('ows:UpperCorner', null, `${north} ${east}`),
  );
}

/**
 * A record in the CSW 2.0.2 Dublin Core schema: csw:BriefRecord, csw:SummaryRecord or csw:Record,
 * elements in the order of the schema (record-csw 2.0.2). Namespaces come from the response root.
 */
export function dublinCoreRecord(f: RecordFields, set: ElementSet): XmlElement {
  const identifier = el('dc:identifier', null, f.id);
  const title = el('dc:title', null, f.title);
  const type = el('dc:type', null, f.type);
  const bbox = boundingBox(f.bbox);
  if (set === 'brief') return el('csw:BriefRecord', null, identifier, title, type, bbox);
  const subjects = f.subjects.map((s) => el('dc:subject', null, s));
  const formats = f.formats.map((s) => el('dc:format', null, s));
  const relations = f.relations.map((s) => el('dc:relation', null, s));
  const modified = el('dct:modified', null, f.modified);
  const abstract = f.abstract ? el('dct:abstract', null, f.abstract) : null;
  if (set === 'summary')
    return el(
      'csw:SummaryRecord',
      null,
      identifier,
      title,
      type,
      subjects,
      formats,
      relations,
      modified,
      abstract,
      bbox,
    );
  return el(
    'csw:Record',
    null,
    identifier,
    title,
    type,
    subjects,
    formats,
    relations,
    modified,
    abstract,
    f.abstract ? el('dc:description', null, f.abstract) : null,
    f.publisher ? el('dc:publisher', null, f.publisher) : null,
    f.licence ? el('dc:rights', null, f.licence) : null,
    el('dc:language', null, 'de'),
    el('dc:source', null, f.provenance),
    f.issued ? el('dct:issued', null, f.issued) : null,
    f.links.map((l) => el('dct:references', { scheme: l.protocol }, l.url)),
    bbox,
  );
}
