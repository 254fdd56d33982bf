import {
  isOpenLicence,
  LICENCE_BASE,
  MACHINE_READABLE_SERVICE_TYPES,
  OPEN_LICENCE_IDS,
  OPEN_THREE_D_FORMATS,
} from '@dpi/domain';
import { dimensionMax, QUALITY_DIMENSIONS, QUALITY_MAX } from '../quality/quality-method';
import { HandlungsbedarfRule, RuleSet } from './rule';

/**
 * The Handlungsbedarfe (gap rules) of the AG Integrierte Datenplattformen, version 1.
 *
 * Declarative: each rule is data (id, German title, severity, rationale, one SELECT over the
 * read models; see rule.ts for the columns it returns). The service evaluates all rules after
 * applied batches (debounced) and once a minute, and keeps their findings in `finding`.
 * A rule whose meaning changes gets a new `version`; a new rule set gets a new file.
 * A typed module rather than YAML: it ships inside dist/ (the images copy nothing else), and the
 * vocabularies come from @dpi/domain instead of being copied.
 */

const list = (values: readonly string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;

/** Platforms that count as existing: in pilot or production (planned ones are evidence). */
const landWithoutPlatformType = (
  id: string,
  type: string,
  title: string,
  severity: HandlungsbedarfRule['severity'],
  rationale: string,
): HandlungsbedarfRule => ({
  id,
  // 2: the evidence names only published planned platforms and counts the others.
  version: 2,
  title,
  severity,
  rationale,
  recordKind: 'platform',
  // Evidence is shown to everyone: it names a planned platform only if the public may see it
  // (not NON_PUBLIC) and counts the others; reviewers find them among the record ids.
  sql: `SELECT l.code AS land_code, l.code AS subject,
      coalesce(array_agg(p.id ORDER BY p.id) FILTER (WHERE p.id IS NOT NULL), '{}')::uuid[] AS record_ids,
      jsonb_build_object('land', l.name, 'platformType', '${type}',
        'planned', coalesce(jsonb_agg(p.name ORDER BY p.name)
          FILTER (WHERE p.id IS NOT NULL AND p.access_rights IS DISTINCT FROM 'NON_PUBLIC'), '[]'::jsonb),
        'plannedNotPublic', count(p.id) FILTER (WHERE p.access_rights = 'NON_PUBLIC')) AS evidence
    FROM land l
    LEFT JOIN platform_item p ON p.land_code = l.code AND NOT p.deleted AND p.type = '${type}'
      AND p.status = 'planned'
    WHERE NOT EXISTS (SELECT 1 FROM platform_item x WHERE x.land_code = l.code AND NOT x.deleted
      AND x.type = '${type}' AND x.status IN ('pilot', 'production'))
    GROUP BY l.code, l.name`,
});

/**
 * Datasets with a gap, one finding per Land (at most 500 record ids; the count is complete). One
 * pass over the datasets plus one for the totals per Land: a subquery per Land scanned all
 * datasets once per Land (3.6 s instead of 0.4 s for 200,000 datasets).
 */
const datasetsPerLand = (predicate: string, extraEvidence = ''): string => `
    SELECT d.land_code, coalesce(d.land_code, 'federal') AS subject,
      (array_agg(d.id ORDER BY d.id))[1:500] AS record_ids,
      jsonb_build_object('datasets', count(*), 'ofDatasets', min(t.datasets)${extraEvidence}) AS evidence
    FROM dataset_item d
    JOIN (SELECT coalesce(land_code, '') AS land, count(*) AS datasets FROM dataset_item
      WHERE NOT deleted GROUP BY 1) t ON t.land = coalesce(d.land_code, '')
    WHERE NOT d.deleted AND ${predicate}
    GROUP BY d.land_code`;

const OPEN_LICENCE_URIS = OPEN_LICENCE_IDS.map((id) => `${LICENCE_BASE}${id}`).filter(
  isOpenLicence,
);

const qualityTotal = QUALITY_DIMENSIONS.join(' + ');
/** Below the MQA's band "good" (221 of 405 points). */
export const QUALITY_THRESHOLD_PERCENT = Math.round((221 / 405) * 1000) / 10;

const RULES: HandlungsbedarfRule[] = [
  landWithoutPlatformType(
    'land-without-open-data-portal',
    'openDataPortal',
    'Land ohne Open-Data-Portal',
    'high',
    'Ohne Open-Data-Portal (Pilot- oder Produktivbetrieb) fehlt dem Land der zentrale Zugang zu seinen offenen Daten; GovData und das EU-Datenportal können seine Daten nicht übernehmen.',
  ),
  landWithoutPlatformType(
    'land-without-urban-data-platform',
    'urbanDataPlatform',
    'Land ohne urbane Datenplattform',
    'medium',
    'Urbane Datenplattformen (DIN SPEC 91357) verbinden Sensor-, Geo- und Fachdaten der Kommunen; ohne sie fehlt die Grundlage für digitale Zwillinge und für die Nachnutzung über Ländergrenzen.',
  ),
  {
    id: 'land-without-digital-twin',
    version: 1,
    title: 'Land ohne digitalen Zwilling',
    severity: 'medium',
    rationale:
      'Die DMK erwartet, dass jedes Land einen digitalen Zwilling (Geobasis-, urbaner oder thematischer Zwilling) aufbaut oder sich an einem beteiligt; für dieses Land ist keiner erfasst.',
    recordKind: 'land',
    sql: `SELECT l.code AS land_code, l.code AS subject, '{}'::uuid[] AS record_ids,
        jsonb_build_object('land', l.name) AS evidence
      FROM land l
      WHERE NOT EXISTS (SELECT 1 FROM twin_item t WHERE t.land_code = l.code AND NOT t.deleted)`,
  },
  {
    id: 'platform-without-machine-readable-interface',
    version: 1,
    title: 'Plattform ohne maschinenlesbare Schnittstelle',
    severity: 'medium',
    rationale:
      'Die Plattform ist mit keinem Endpunkt vom Typ OGC API Features, WFS, SensorThings API oder CSW verknüpft. Ohne solche Schnittstelle können andere Plattformen, Zwillinge und Kataloge ihre Daten nicht automatisiert nutzen.',
    recordKind: 'platform',
    sql: `SELECT p.land_code, p.id::text AS subject, ARRAY[p.id] AS record_ids,
        jsonb_build_object('platform', p.name, 'type', p.type, 'status', p.status,
          'linkedServiceTypes', coalesce((SELECT jsonb_agg(DISTINCT e.service_type)
            FROM endpoint_item e WHERE e.id = ANY (p.endpoint_ids) AND NOT e.deleted), '[]'::jsonb)) AS evidence
      FROM platform_item p
      WHERE NOT p.deleted AND p.status IN ('pilot', 'production')
        AND NOT EXISTS (SELECT 1 FROM endpoint_item e WHERE e.id = ANY (p.endpoint_ids) AND NOT e.deleted
          AND e.service_type = ANY (${list(MACHINE_READABLE_SERVICE_TYPES)}))`,
  },
  {
    id: 'twin-without-open-3d-format',
    version: 1,
    title: 'Digitaler Zwilling ohne offenes 3D-Format',
    severity: 'low',
    rationale:
      'Für den Zwilling ist kein offenes 3D-Format (CityGML, CityJSON, 3D Tiles, I3S, glTF) erfasst. Offene Formate sind Voraussetzung für den Austausch mit dem Digitalen Zwilling Deutschland und zwischen Ländern.',
    recordKind: 'twin',
    sql: `SELECT t.land_code, t.id::text AS subject, ARRAY[t.id] AS record_ids,
        jsonb_build_object('twin', t.name, 'formats', to_jsonb(t.formats)) AS evidence
      FROM twin_item t
      WHERE NOT t.deleted AND NOT (t.formats && ${list(OPEN_THREE_D_FORMATS)})`,
  },
  {
    id: 'dataset-without-open-licence',
    version: 1,
    title: 'Öffentliche Datensätze ohne offene Lizenz',
    severity: 'medium',
    rationale:
      'Öffentlich zugängliche Datensätze ohne offene Lizenz (z. B. Datenlizenz Deutschland 2.0, CC BY 4.0) dürfen rechtssicher nicht weiterverwendet werden; GovData empfiehlt DL-DE 2.0 oder CC BY 4.0.',
    recordKind: 'dataset',
    sql: datasetsPerLand(
      `coalesce(d.access_rights, 'PUBLIC') = 'PUBLIC'
        AND NOT (coalesce(d.licence, '') = ANY (${list(OPEN_LICENCE_URIS)}))`,
      // The licences of exactly the datasets found (the rule's predicate), in one pass.
      `, 'licences', jsonb_agg(DISTINCT coalesce(d.licence, 'keine'))`,
    ),
  },
  {
    id: 'dataset-without-bbox',
    version: 1,
    title: 'Datensätze ohne räumliche Ausdehnung',
    severity: 'low',
    rationale:
      'Geodatensätze ohne Bounding Box sind in Karten- und Raumsuchen (GDI-DE, OGC API Records, Dashboard-Karte) nicht auffindbar.',
    recordKind: 'dataset',
    sql: datasetsPerLand(`d.bbox IS NULL AND d.hierarchy_level IN ('dataset', 'series', 'tile')`),
  },
  {
    id: 'dataset-without-contact',
    version: 1,
    title: 'Datensätze ohne Ansprechpartner',
    severity: 'low',
    rationale:
      'Ohne Kontaktangabe (dcat:contactPoint) können Nutzende Fragen und Fehler nicht melden; DCAT-AP.de empfiehlt die Angabe für jeden Datensatz.',
    recordKind: 'dataset',
    sql: datasetsPerLand(
      'd.contact_name IS NULL AND d.contact_email IS NULL AND d.contact_url IS NULL',
    ),
  },
  {
    id: 'endpoint-registered-by-several-laender',
    version: 1,
    title: 'Endpunkt von mehreren Ländern erfasst (Chance zur gemeinsamen Nutzung)',
    severity: 'info',
    rationale:
      'Derselbe Dienst (gleicher Host und Pfad) ist von mehreren Ländern registriert. Das deutet auf einen gemeinsam genutzten Dienst hin: eine Chance, Betrieb und Pflege abzustimmen und Doppelerfassungen zu bereinigen.',
    recordKind: 'endpoint',
    sql: `WITH shared AS (
        SELECT url_key, array_agg(id ORDER BY id) AS ids,
          jsonb_agg(DISTINCT land_code) AS laender, min(url) AS url
        FROM endpoint_item WHERE NOT deleted AND land_code IS NOT NULL
        GROUP BY url_key HAVING count(DISTINCT land_code) > 1)
      SELECT e.land_code, s.url_key || '@' || e.land_code AS subject, s.ids AS record_ids,
        jsonb_build_object('url', s.url, 'laender', s.laender,
          'names', jsonb_agg(DISTINCT e.name)) AS evidence
      FROM shared s JOIN endpoint_item e ON e.url_key = s.url_key AND NOT e.deleted
        AND e.land_code IS NOT NULL
      GROUP BY s.url_key, s.ids, s.laender, s.url, e.land_code`,
  },
  {
    id: 'harvest-source-stale',
    version: 1,
    title: 'Harvesting-Quelle veraltet',
    severity: 'medium',
    rationale:
      'Der letzte erfolgreiche Harvest-Lauf liegt länger zurück, als der Zeitplan der Quelle vorsieht (mehr als eine Stunde über dem nächsten fälligen Lauf). Die Metadaten im Inventar können veraltet sein.',
    recordKind: 'harvestSource',
    sql: `SELECT s.land_code, s.source_id::text AS subject, ARRAY[s.source_id] AS record_ids,
        jsonb_build_object('source', s.source_name, 'schedule', s.schedule,
          'lastSuccessAt', s.last_success_at, 'nextDueAt', s.next_due_at,
          'latestState', s.latest_state) AS evidence
      FROM harvest_source_status s
      WHERE s.stale`,
  },
  {
    id: 'harvest-source-failing',
    version: 1,
    title: 'Harvesting-Quelle schlägt fehl',
    severity: 'high',
    rationale:
      'Der letzte abgeschlossene Harvest-Lauf der Quelle ist fehlgeschlagen. Neue und geänderte Datensätze des Katalogs erreichen das Inventar nicht.',
    recordKind: 'harvestSource',
    sql: `SELECT s.land_code, s.source_id::text AS subject, ARRAY[s.source_id] AS record_ids,
        jsonb_build_object('source', s.source_name, 'failedAt', s.last_finished_at,
          'message', s.last_message, 'failedJobs', s.failed, 'jobs', s.jobs,
          'lastSuccessAt', s.last_success_at) AS evidence
      FROM harvest_source_status s
      WHERE s.last_finished_state = 'failed'`,
  },
  {
    id: 'land-metadata-quality-low',
    version: 1,
    title: 'Metadatenqualität des Landes unter „gut“',
    severity: 'medium',
    rationale: `Der Metadaten-Qualitätswert des Landes (nach dem Vorbild des MQA im EU-Datenportal: Auffindbarkeit, Zugänglichkeit, Interoperabilität, Wiederverwendbarkeit, Kontext) liegt unter ${QUALITY_THRESHOLD_PERCENT} % (Stufe „gut“ des MQA). Verlinkt sind die Datensätze mit den niedrigsten Werten.`,
    recordKind: 'dataset',
    sql: `SELECT q.land_code, q.land_code AS subject,
        (array_agg(q.id ORDER BY q.total, q.id))[1:50] AS record_ids,
        jsonb_build_object('datasets', count(*),
          'score', round(100 * avg(q.total) / ${QUALITY_MAX}, 1),
          ${QUALITY_DIMENSIONS.map((d) => `'${d}', round(100 * avg(q.${d}) / ${dimensionMax(d)}, 1)`).join(',\n          ')}) AS evidence
      FROM (SELECT *, ${qualityTotal} AS total FROM dataset_quality WHERE land_code IS NOT NULL) q
      GROUP BY q.land_code
      HAVING 100 * avg(q.total) / ${QUALITY_MAX} < ${QUALITY_THRESHOLD_PERCENT}`,
  },
];

export const HANDLUNGSBEDARFE_V1: RuleSet = { version: 1, rules: RULES };
