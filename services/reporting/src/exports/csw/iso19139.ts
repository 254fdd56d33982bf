import type { ElementSet } from './csw-request';
import type { RecordFields } from './record-fields';
import { el, type XmlContent, type XmlElement } from './xml';

/**
 * A record as ISO 19139 (gmd:MD_Metadata), with ISO 19119 service identification (srv) for
 * endpoints and platforms, generated from the inventory's fields. A harvested dataset is served
 * as the source wrote it instead (harvested-iso.ts); generated only when its document is missing
 * (too large to carry, an older harvest), which the lineage statement says. Namespaces come from
 * the response root. Every element set, brief included, is valid against ISO 19139's schema.
 */
const CODE_LISTS = 'http://standards.iso.org/iso/19139/resources/gmxCodelists.xml';
const METADATA_CONTACT = 'AG Integrierte Datenplattformen – Datenplattform-Inventar';

const cs = (name: string, text: string) => el(name, null, el('gco:CharacterString', null, text));
/** A code list value; the code list element is in the namespace of its list (gmd, or srv for services). */
const code = (name: string, list: string, value: string, prefix = 'gmd') =>
  el(
    name,
    null,
    el(`${prefix}:${list}`, { codeList: `${CODE_LISTS}#${list}`, codeListValue: value }, value),
  );
const date = (name: string, value: string) => el(name, null, el('gco:Date', null, value));

function citationDate(value: string, type: 'creation' | 'publication' | 'revision'): XmlElement {
  return el(
    'gmd:date',
    null,
    el('gmd:CI_Date', null, date('gmd:date', value), code('gmd:dateType', 'CI_DateTypeCode', type)),
  );
}

function party(name: string, email: string | null, role: string, as = 'gmd:contact'): XmlElement {
  return el(
    as,
    null,
    el(
      'gmd:CI_ResponsibleParty',
      null,
      cs('gmd:organisationName', name),
      email
        ? el(
            'gmd:contactInfo',
            null,
            el(
              'gmd:CI_Contact',
              null,
              el(
                'gmd:address',
                null,
                el('gmd:CI_Address', null, cs('gmd:electronicMailAddress', email)),
              ),
            ),
          )
        : null,
      code('gmd:role', 'CI_RoleCode', role),
    ),
  );
}

function extent(f: RecordFields, as: string): XmlElement | null {
  if (!f.bbox && !f.temporal.start && !f.temporal.end) return null;
  const decimal = (name: string, value: number) =>
    el(name, null, el('gco:Decimal', null, String(value)));
  const [west, south, east, north] = f.bbox ?? [0, 0, 0, 0];
  return el(
    as,
    null,
    el(
      'gmd:EX_Extent',
      null,
      f.bbox
        ? el(
            'gmd:geographicElement',
            null,
            el(
              'gmd:EX_GeographicBoundingBox',
              null,
              decimal('gmd:westBoundLongitude', west),
              decimal('gmd:eastBoundLongitude', east),
              decimal('gmd:southBoundLatitude', south),
              decimal('gmd:northBoundLatitude', north),
            ),
          )
        : null,
      f.temporal.start || f.temporal.end
        ? el(
            'gmd:temporalElement',
            null,
            el(
              'gmd:EX_TemporalExtent',
              null,
              el(
                'gmd:extent',
                null,
                el(
                  'gml:TimePeriod',
                  { 'gml:id': `t-${f.id}` },
                  f.temporal.start
                    ? el('gml:beginPosition', null, f.temporal.start)
                    : el('gml:beginPosition', { indeterminatePosition: 'unknown' }),
                  f.temporal.end
                    ? el('gml:endPosition', null, f.temporal.end)
                    : el('gml:endPosition', { indeterminatePosition: 'now' }),
                ),
              ),
            ),
          )
        : null,
    ),
  );
}

function citation(f: RecordFields): XmlElement {
  const dates: XmlElement[] = [];
  if (f.issued) dates.push(citationDate(f.issued, 'publication'));
  if (f.resourceModified) dates.push(citationDate(f.resourceModified, 'revision'));
  if (dates.length === 0) dates.push(citationDate(f.modified, 'revision'));
  return el(
    'gmd:citation',
    null,
    el(
      'gmd:CI_Citation',
      null,
      cs('gmd:title', f.title),
      dates,
      // The resource's own identifier where the source gave one (GDI-DE matches duplicates by it).
      el(
        'gmd:identifier',
        null,
        el('gmd:MD_Identifier', null, cs('gmd:code', f.resourceIdentifier ?? f.id)),
      ),
    ),
  );
}

function keywords(f: RecordFields): XmlContent {
  if (f.subjects.length === 0) return null;
  return el(
    'gmd:descriptiveKeywords',
    null,
    el(
      'gmd:MD_Keywords',
      null,
      f.subjects.map((s) => cs('gmd:keyword', s)),
      code('gmd:type', 'MD_KeywordTypeCode', 'theme'),
    ),
  );
}

function constraints(f: RecordFields): XmlContent {
  if (!f.licence) return null;
  return el(
    'gmd:resourceConstraints',
    null,
    el(
      'gmd:MD_LegalConstraints',
      null,
      code('gmd:useConstraints', 'MD_RestrictionCode', 'otherRestrictions'),
      cs('gmd:otherConstraints', f.licence),
    ),
  );
}

function identification(f: RecordFields, set: ElementSet): XmlElement {
  const brief = set === 'brief';
  const common: XmlContent[] = [
    citation(f),
    cs('gmd:abstract', f.abstract || f.title),
    !brief && f.publisher
      ? party(f.publisher, f.contactEmail, 'pointOfContact', 'gmd:pointOfContact')
      : null,
    !brief ? keywords(f) : null,
    !brief ? constraints(f) : null,
  ];
  if (f.isService) {
    const operation = f.links[0];
    return el(
      'gmd:identificationInfo',
      null,
      el(
        'srv:SV_ServiceIdentification',
        null,
        common,
        el('srv:serviceType', null, el('gco:LocalName', null, f.serviceType ?? 'other')),
        f.serviceVersion ? cs('srv:serviceTypeVersion', f.serviceVersion) : null,
        extent(f, 'srv:extent'),
        code('srv:couplingType', 'SV_CouplingType', f.relations.length ? 'tight' : 'loose', 'srv'),
        el(
          'srv:containsOperations',
          null,
          el(
            'srv:SV_OperationMetadata',
            null,
            cs(
              'srv:operationName',
              operation?.name === 'GetCapabilities' ? 'GetCapabilities' : 'Zugang',
            ),
            el(
              'srv:DCP',
              null,
              el(
                'srv:DCPList',
                { codeList: `${CODE_LISTS}#DCPList`, codeListValue: 'WebServices' },
                'WebServices',
              ),
            ),
            operation
              ? el(
                  'srv:connectPoint',
                  null,
                  el(
                    'gmd:CI_OnlineResource',
                    null,
                    el('gmd:linkage', null, el('gmd:URL', null, operation.url)),
                  ),
                )
              : el('srv:connectPoint', { 'gco:nilReason': 'missing' }),
          ),
        ),
        brief ? null : f.relations.map((id) => el('srv:operatesOn', { uuidref: id })),
      ),
    );
  }
  return el(
    'gmd:identificationInfo',
    null,
    el(
      'gmd:MD_DataIdentification',
      null,
      common,
      cs('gmd:language', 'ger'),
      extent(f, 'gmd:extent'),
    ),
  );
}

function distribution(f: RecordFields): XmlContent {
  if (f.links.length === 0 && f.formats.length === 0) return null;
  return el(
    'gmd:distributionInfo',
    null,
    el(
      'gmd:MD_Distribution',
      null,
      f.formats.map((name) =>
        el(
          'gmd:distributionFormat',
          null,
          el(
            'gmd:MD_Format',
            null,
            cs('gmd:name', name),
            el('gmd:version', { 'gco:nilReason': 'unknown' }),
          ),
        ),
      ),
      f.links.length
        ? el(
            'gmd:transferOptions',
            null,
            el(
              'gmd:MD_DigitalTransferOptions',
              null,
              f.links.map((l) =>
                el(
                  'gmd:onLine',
                  null,
                  el(
                    'gmd:CI_OnlineResource',
                    null,
                    el('gmd:linkage', null, el('gmd:URL', null, l.url)),
                    cs('gmd:protocol', l.protocol),
                    cs('gmd:name', l.name),
                  ),
                ),
              ),
            ),
          )
        : null,
    ),
  );
}

/** The lineage says how this document came to be: regenerated, and from which source. */
function lineage(f: RecordFields): XmlElement {
  const omitted =
    f.omittedDocumentBytes > 0
      ? ` Das Originaldokument (${f.omittedDocumentBytes} Bytes) ist größer, als das Inventar ` +
        'überträgt (256 KiB), oder nicht lesbar.'
      : '';
  const statement = f.harvested
    ? `${f.provenance} Dieses ISO-19139-Dokument wurde vom Datenplattform-Inventar aus den ` +
      `übernommenen Feldern neu erzeugt; es ist nicht das Originaldokument des Quellkatalogs.${omitted}`
    : `${f.provenance} ISO-19139-Dokument vom Datenplattform-Inventar erzeugt.`;
  return el(
    'gmd:dataQualityInfo',
    null,
    el(
      'gmd:DQ_DataQuality',
      null,
      el('gmd:scope', null, el('gmd:DQ_Scope', null, code('gmd:level', 'MD_ScopeCode', f.type))),
      el('gmd:lineage', null, el('gmd:LI_Lineage', null, cs('gmd:statement', statement))),
    ),
  );
}

/** gmd:MD_Metadata for one record; brief and summary leave out what pycsw's do, bar what ISO requires. */
export function isoRecord(f: RecordFields, set: ElementSet): XmlElement {
  const brief = set === 'brief';
  return el(
    'gmd:MD_Metadata',
    null,
    cs('gmd:fileIdentifier', f.id),
    brief
      ? null
      : el(
          'gmd:language',
          null,
          el(
            'gmd:LanguageCode',
            { codeList: 'http://www.loc.gov/standards/iso639-2/', codeListValue: 'ger' },
            'ger',
          ),
        ),
    brief
      ? null
      : el(
          'gmd:characterSet',
          null,
          el(
            'gmd:MD_CharacterSetCode',
            { codeList: `${CODE_LISTS}#MD_CharacterSetCode`, codeListValue: 'utf8' },
            'utf8',
          ),
        ),
    code('gmd:hierarchyLevel', 'MD_ScopeCode', f.type),
    // contact and dateStamp are mandatory in ISO 19139: brief keeps them to stay schema-valid.
    party(METADATA_CONTACT, null, 'pointOfContact'),
    date('gmd:dateStamp', f.modified),
    brief ? null : cs('gmd:metadataStandardName', f.isService ? 'ISO 19119' : 'ISO 19115'),
    brief ? null : cs('gmd:metadataStandardVersion', '2005/PDAM 1'),
    identification(f, set),
    brief ? null : distribution(f),
    set === 'full' ? lineage(f) : null,
  );
}
