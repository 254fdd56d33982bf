import { NS, readXml, type XmlSink } from '@dpi/csw';
import type { ElementSet } from './csw-request';

/**
 * A harvested record as ISO 19139: the source catalogue's own `gmd:MD_Metadata`, as the harvester
 * read it (Canonical XML 1.0, stored by the projection), with our provenance added.
 *
 * Where the provenance goes: a `gmd:maintenanceNote` in the record's `gmd:metadataMaintenance`
 * (a new `MD_MaintenanceInformation`, frequency `unknown`, when the record has none). It says that
 * this copy of the metadata was harvested by the inventory from catalogue X at time T and is listed
 * there as record Y. It is a statement about the metadata record, which is what
 * `metadataMaintenance` describes; a lineage process step (`dataQualityInfo/lineage`) would say it
 * of the data, and INSPIRE and the GDI-DE test suite expect one lineage statement of the source's
 * own. The source's elements stay untouched, ISO allows the element (0..1, its note 0..*) and
 * harvesters (GeoNetwork, pycsw) store the whole document, so the note travels on.
 *
 * `brief` and `summary` are the source's record pruned to the elements of those sets (in the
 * source's order and form), keeping what ISO 19139 makes mandatory (contact, dateStamp, citation
 * date, abstract, language; a service's type, coupling and operations), so they stay schema-valid.
 * The provenance is in `full` only, as in the records we generate.
 */
export interface HarvestProvenance {
  sourceName: string;
  sourceFileIdentifier: string | null;
  harvestedAt: Date | null;
  recordId: string;
  /** Where the inventory serves the record (GetRecordById of this CSW). */
  recordUrl: string;
}

const { gmd, gmi, srv } = NS;
const GCO = NS.gco;

/** Children of MD_Metadata kept in brief and summary (ISO AP 1.0 sets plus what the schema makes mandatory). */
const METADATA_ELEMENTS: Record<Exclude<ElementSet, 'full'>, ReadonlySet<string>> = {
  brief: new Set([
    'fileIdentifier',
    'language',
    'characterSet',
    'hierarchyLevel',
    'contact',
    'dateStamp',
    'identificationInfo',
  ]),
  summary: new Set([
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
    'referenceSystemInfo',
    'identificationInfo',
    'distributionInfo',
  ]),
};

/** Children of MD_DataIdentification / SV_ServiceIdentification kept. */
const IDENTIFICATION_ELEMENTS: Record<Exclude<ElementSet, 'full'>, ReadonlySet<string>> = {
  brief: new Set([
    'citation',
    'abstract',
    'graphicOverview',
    'language',
    'extent',
    'serviceType',
    'serviceTypeVersion',
    'couplingType',
    'containsOperations',
  ]),
  summary: new Set([
    'citation',
    'abstract',
    'pointOfContact',
    'graphicOverview',
    'descriptiveKeywords',
    'resourceConstraints',
    'spatialRepresentationType',
    'spatialResolution',
    'language',
    'characterSet',
    'topicCategory',
    'extent',
    'serviceType',
    'serviceTypeVersion',
    'keywords',
    'coupledResource',
    'couplingType',
    'containsOperations',
    'operatesOn',
  ]),
};

/** Children of the citation's CI_Citation kept in brief (title and date are mandatory). */
const BRIEF_CITATION = new Set(['title', 'date', 'identifier']);

/** Children of MD_Metadata that come after metadataMaintenance (ISO 19139, and gmi's addition). */
const AFTER_MAINTENANCE = new Set([
  'series',
  'describes',
  'propertyType',
  'featureType',
  'featureAttribute',
  'acquisitionInformation',
]);

/** Children of MD_MaintenanceInformation that come after maintenanceNote. */
const AFTER_NOTE = new Set(['contact']);

const ISO_URIS = new Set<string>([gmd, gmi, srv]);

type Tag = Parameters<XmlSink['open']>[0];

const TEXT = /[&<>\r]/g;
const ATTRIBUTE = /[&<"\t\n\r]/g;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};
const escape = (s: string, pattern: RegExp) => s.replace(pattern, (c) => ESCAPES[c]);

/** The provenance note's text (German, as the inventory's other statements). */
export function provenanceNote(p: HarvestProvenance): string {
  const when = p.harvestedAt ? ` am ${p.harvestedAt.toISOString()}` : '';
  const id = p.sourceFileIdentifier ? ` (fileIdentifier dort: ${p.sourceFileIdentifier})` : '';
  return (
    `Dieses Dokument ist das unveränderte ISO-19139-Originaldokument des Katalogs „${p.sourceName}“${id}, ` +
    `vom Datenplattform-Inventar${when} geharvestet. Im Inventar geführt als ${p.recordId}: ${p.recordUrl}`
  );
}

function noteXml(p: HarvestProvenance): string {
  return (
    `<gmd:maintenanceNote xmlns:gco="${GCO}" xmlns:gmd="${gmd}"><gco:CharacterString>` +
    `${escape(provenanceNote(p), TEXT)}</gco:CharacterString></gmd:maintenanceNote>`
  );
}

function maintenanceXml(p: HarvestProvenance): string {
  return (
    `<gmd:metadataMaintenance xmlns:gco="${GCO}" xmlns:gmd="${gmd}"><gmd:MD_MaintenanceInformation>` +
    `<gmd:maintenanceAndUpdateFrequency><gmd:MD_MaintenanceFrequencyCode ` +
    `codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_MaintenanceFrequencyCode" ` +
    `codeListValue="unknown">unknown</gmd:MD_MaintenanceFrequencyCode></gmd:maintenanceAndUpdateFrequency>` +
    `${noteXml(p)}</gmd:MD_MaintenanceInformation></gmd:metadataMaintenance>`
  );
}

/**
 * The record in the element set, as markup to embed in a response; null when the stored document
 * is not an ISO record we can serve (the caller then generates one from the fields).
 */
export async function harvestedIsoRecord(
  document: string,
  set: ElementSet,
  provenance: HarvestProvenance,
): Promise<string | null> {
  const out: string[] = [];
  /** Local names of the open elements (root first). */
  const path: string[] = [];
  let skipping = 0;
  let valid = true;
  // Where the provenance note stands: no metadataMaintenance seen yet, inside the record's own,
  // written, or nowhere to put it (the record's metadataMaintenance has no MD_MaintenanceInformation).
  const state: { maintenance: 'none' | 'open' | 'written' | 'failed' } = { maintenance: 'none' };
  const full = set === 'full';

  const keep = (tag: Tag, depth: number): boolean => {
    if (full) return true;
    const local = tag.local;
    if (depth === 2) return METADATA_ELEMENTS[set].has(local);
    if (depth === 4 && path[1] === 'identificationInfo' && ISO_URIS.has(tag.uri))
      return IDENTIFICATION_ELEMENTS[set].has(local);
    if (
      depth === 6 &&
      set === 'brief' &&
      path[1] === 'identificationInfo' &&
      path[3] === 'citation'
    )
      return BRIEF_CITATION.has(local);
    return true;
  };

  const sink: XmlSink = {
    open(tag, depth) {
      if (depth === 1) {
        valid =
          (tag.local === 'MD_Metadata' && tag.uri === gmd) ||
          (tag.local === 'MI_Metadata' && tag.uri === gmi);
      }
      if (skipping > 0 || !keep(tag, depth)) {
        skipping++;
        return;
      }
      if (full && state.maintenance !== 'written') {
        if (depth === 2 && tag.local === 'metadataMaintenance') state.maintenance = 'open';
        else if (depth === 2 && state.maintenance === 'none' && AFTER_MAINTENANCE.has(tag.local)) {
          out.push(maintenanceXml(provenance));
          state.maintenance = 'written';
        } else if (depth === 4 && state.maintenance === 'open' && AFTER_NOTE.has(tag.local)) {
          out.push(noteXml(provenance));
          state.maintenance = 'written';
        }
      }
      path[depth - 1] = tag.local;
      let start = `<${tag.name}`;
      for (const key in tag.attributes) {
        const a = tag.attributes[key];
        start += ` ${a.name}="${escape(a.value, ATTRIBUTE)}"`;
      }
      out.push(start, '>');
    },
    close(tag, depth) {
      if (skipping > 0) {
        skipping--;
        return;
      }
      if (full && state.maintenance !== 'written') {
        // The end of the record's MD_MaintenanceInformation, or of a record without one.
        if (depth === 3 && state.maintenance === 'open' && path[1] === 'metadataMaintenance') {
          out.push(noteXml(provenance));
          state.maintenance = 'written';
        } else if (depth === 1 && state.maintenance === 'none') {
          out.push(maintenanceXml(provenance));
          state.maintenance = 'written';
        } else if (depth === 2 && state.maintenance === 'open') state.maintenance = 'failed';
      }
      out.push(`</${tag.name}>`);
    },
    text(text) {
      if (skipping === 0) out.push(escape(text, TEXT));
    },
  };
  try {
    await readXml(document, sink);
  } catch {
    return null;
  }
  // A metadataMaintenance without MD_MaintenanceInformation (a reference, a nil): no place for
  // the note, and ISO allows one metadataMaintenance only.
  if (!valid || (full && state.maintenance !== 'written')) return null;
  return out.join('');
}
