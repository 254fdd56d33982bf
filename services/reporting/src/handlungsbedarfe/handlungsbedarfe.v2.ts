import { HANDLUNGSBEDARFE_V1 } from './handlungsbedarfe.v1';
import { HandlungsbedarfRule, RuleSet } from './rule';

/**
 * The Handlungsbedarfe, version 2 (issue 21): version 1 with one rule changed, deliberately.
 *
 * "Plattform ohne maschinenlesbare Schnittstelle" (v1) counted only OGC API Features, WFS,
 * SensorThings and CSW. Every open data portal was flagged, although an open data portal's
 * machine-readable interface is its DCAT catalogue or CKAN API: that is how GovData and the EU
 * data portal harvest the Länder's portals. Version 2 of the rule also counts
 * - a linked endpoint of type DCAT (`dcatRdf`), CKAN API (`ckanApi`) or OGC API Records
 *   (`ogcApiRecords`, the successor of CSW, which already counted), and
 * - a platform that declares the standard DCAT-AP.de: a DCAT-AP.de catalogue is machine-readable
 *   by definition (RDF), and the Länder portals are harvested by GovData that way even where the
 *   catalogue's address is not registered as an endpoint.
 * WMS, WMTS, 3D Tiles, Atom feeds and other REST APIs still do not count: they deliver pictures,
 * tiles or downloads, not data a machine can query.
 *
 * Version 1 stays as it was (history: findings record the rule version they were found by);
 * the lists below are frozen here rather than read from @dpi/domain's live vocabulary, so a
 * change of the vocabulary cannot change this version's meaning.
 */

/** Service types (libs/domain SERVICE_TYPES) that count as a machine-readable interface. */
export const MACHINE_READABLE_SERVICE_TYPES_V2 = [
  'ogcApiFeatures',
  'wfs',
  'sensorThings',
  'csw',
  'ogcApiRecords',
  'dcatRdf',
  'ckanApi',
] as const;

/** Standards (libs/domain STANDARDS codes) whose declaration counts as such an interface. */
export const MACHINE_READABLE_STANDARDS_V2 = ['dcat-ap-de'] as const;

const list = (values: readonly string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;

const PLATFORM_WITHOUT_INTERFACE_V2: HandlungsbedarfRule = {
  id: 'platform-without-machine-readable-interface',
  version: 2,
  title: 'Plattform ohne maschinenlesbare Schnittstelle',
  severity: 'medium',
  rationale:
    'Die Plattform ist mit keinem Endpunkt vom Typ OGC API Features, WFS, SensorThings API, CSW, OGC API Records, DCAT oder CKAN-API verknüpft und erklärt kein DCAT-AP.de. Ohne solche Schnittstelle können andere Plattformen, Zwillinge und Kataloge ihre Daten nicht automatisiert nutzen.',
  recordKind: 'platform',
  sql: `SELECT p.land_code, p.id::text AS subject, ARRAY[p.id] AS record_ids,
      jsonb_build_object('platform', p.name, 'type', p.type, 'status', p.status,
        'standards', to_jsonb(p.standards),
        'linkedServiceTypes', coalesce((SELECT jsonb_agg(DISTINCT e.service_type)
          FROM endpoint_item e WHERE e.id = ANY (p.endpoint_ids) AND NOT e.deleted), '[]'::jsonb)) AS evidence
    FROM platform_item p
    WHERE NOT p.deleted AND p.status IN ('pilot', 'production')
      AND NOT (p.standards && ${list(MACHINE_READABLE_STANDARDS_V2)})
      AND NOT EXISTS (SELECT 1 FROM endpoint_item e WHERE e.id = ANY (p.endpoint_ids) AND NOT e.deleted
        AND e.service_type = ANY (${list(MACHINE_READABLE_SERVICE_TYPES_V2)}))`,
};

export const HANDLUNGSBEDARFE_V2: RuleSet = {
  version: 2,
  rules: HANDLUNGSBEDARFE_V1.rules.map((rule) =>
    rule.id === PLATFORM_WITHOUT_INTERFACE_V2.id ? PLATFORM_WITHOUT_INTERFACE_V2 : rule,
  ),
};
