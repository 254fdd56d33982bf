import { LAENDER } from '@dpi/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  KNOWN_FORMATS,
  MACHINE_READABLE_FORMATS,
  NON_PROPRIETARY_FORMATS,
  QUALITY_POINTS as P,
} from '../../quality/quality-method.v1';

const sqlList = (values: readonly string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;

/**
 * The first definition of the view `inventory_item` (replaced by migration 1763900000030, whose
 * down() restores this one).
 */
export const INVENTORY_ITEM_VIEW_V1 = `CREATE VIEW inventory_item AS
      SELECT i.*, l.name AS land_name FROM (
        SELECT 'platform'::text AS kind, p.id, p.land_code, p.name AS title, p.description,
          p.type, p.status, p.themes, NULL::integer AS maturity_level, NULL::boolean AS open_data,
          p.homepage AS url, p.geometry,
          jsonb_build_object('endpointIds', to_jsonb(p.endpoint_ids), 'datasetIds', to_jsonb(p.dataset_ids),
            'operatorOrganisationId', p.operator_organisation_id,
            'operatorOrganisationName', (SELECT o.name FROM organisation_item o
              WHERE o.id = p.operator_organisation_id AND NOT o.deleted)) AS links,
          jsonb_build_object('standards', to_jsonb(p.standards), 'components', to_jsonb(p.components),
            'openSource', p.open_source, 'reusability', p.reusability, 'accessRights', p.access_rights,
            'administrativeLevel', p.administrative_level) AS detail,
          p.source, p.updated_at
        FROM platform_item p WHERE NOT p.deleted
        UNION ALL
        SELECT 'twin', t.id, t.land_code, t.name, t.description, t.kind, NULL, t.use_cases,
          t.maturity_level, NULL, t.homepage, t.geometry,
          jsonb_build_object('platformIds', to_jsonb(t.platform_ids), 'datasetIds', to_jsonb(t.dataset_ids)),
          jsonb_build_object('scope', t.scope, 'capabilities', to_jsonb(t.capabilities),
            'formats', to_jsonb(t.formats), 'dataBasis', to_jsonb(t.data_basis), 'realTime', t.real_time,
            'simulation', t.simulation, 'digizDe', t.digiz_de),
          t.source, t.updated_at
        FROM twin_item t WHERE NOT t.deleted
        UNION ALL
        SELECT 'dataset', d.id, d.land_code, d.title, d.description, d.hierarchy_level, NULL, d.themes,
          NULL, d.open_data, NULL, d.bbox,
          jsonb_build_object('endpointIds', to_jsonb(d.endpoint_ids), 'harvestSourceId', d.harvest_source_id),
          jsonb_build_object('licence', d.licence, 'accessRights', d.access_rights, 'publisher', d.publisher,
            'keywords', to_jsonb(d.keywords), 'inspire', d.inspire,
            'formats', (SELECT coalesce(jsonb_agg(DISTINCT e->>'format'), '[]'::jsonb)
              FROM jsonb_array_elements(d.distributions) e)),
          d.source, d.updated_at
        FROM dataset_item d WHERE NOT d.deleted
        UNION ALL
        SELECT 'endpoint', e.id, e.land_code, e.name, '', e.service_type, NULL, '{}'::text[], NULL, NULL,
          e.url, NULL::geometry, '{}'::jsonb,
          jsonb_build_object('serviceVersion', e.service_version, 'authentication', e.authentication,
            'capabilitiesUrl', e.capabilities_url, 'crs', to_jsonb(e.crs)),
          e.source, e.updated_at
        FROM endpoint_item e WHERE NOT e.deleted
      ) i LEFT JOIN land l ON l.code = i.land_code`;

/**
 * Read models of every registry topic and of dpi.harvest.job.v1, the 16 Länder as reference
 * data, the findings of the Handlungsbedarfe rules, and the views the API reads.
 */
export class ReadModels1763900000010 implements MigrationInterface {
  name = 'ReadModels1763900000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public');
    await q.query(`CREATE TABLE land (
      code text PRIMARY KEY,
      key text NOT NULL UNIQUE,
      abbr text NOT NULL,
      name text NOT NULL
    )`);
    for (const land of LAENDER) {
      await q.query('INSERT INTO land (code, key, abbr, name) VALUES ($1, $2, $3, $4)', [
        land.code,
        land.key,
        land.abbr,
        land.name,
      ]);
    }

    await q.query(`ALTER TABLE platform_item
      ADD COLUMN description text NOT NULL DEFAULT '',
      ADD COLUMN homepage text,
      ADD COLUMN operator_organisation_id uuid,
      ADD COLUMN administrative_level text,
      ADD COLUMN themes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN standards text[] NOT NULL DEFAULT '{}',
      ADD COLUMN open_source boolean NOT NULL DEFAULT false,
      ADD COLUMN components text[] NOT NULL DEFAULT '{}',
      ADD COLUMN reusability text,
      ADD COLUMN access_rights text,
      ADD COLUMN geometry geometry(Geometry, 4326),
      ADD COLUMN endpoint_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN dataset_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE twin_item
      ADD COLUMN description text NOT NULL DEFAULT '',
      ADD COLUMN capabilities text[] NOT NULL DEFAULT '{}',
      ADD COLUMN use_cases text[] NOT NULL DEFAULT '{}',
      ADD COLUMN data_basis text[] NOT NULL DEFAULT '{}',
      ADD COLUMN formats text[] NOT NULL DEFAULT '{}',
      ADD COLUMN real_time boolean NOT NULL DEFAULT false,
      ADD COLUMN simulation boolean NOT NULL DEFAULT false,
      ADD COLUMN digiz_de text,
      ADD COLUMN homepage text,
      ADD COLUMN source text NOT NULL DEFAULT 'manual',
      ADD COLUMN geometry geometry(Geometry, 4326),
      ADD COLUMN platform_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN dataset_ids uuid[] NOT NULL DEFAULT '{}'`);

    const versioned = `version integer NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      last_event_id text NOT NULL`;
    await q.query(`CREATE TABLE organisation_item (
      id uuid PRIMARY KEY,
      land_code text,
      name text NOT NULL,
      short_name text,
      level text,
      organisation_type text,
      homepage text,
      contact_name text,
      contact_email text,
      networks text[] NOT NULL,
      source text NOT NULL,
      ${versioned}
    )`);
    await q.query(`CREATE TABLE endpoint_item (
      id uuid PRIMARY KEY,
      land_code text,
      name text NOT NULL,
      service_type text NOT NULL,
      service_version text,
      url text NOT NULL,
      url_key text NOT NULL,
      capabilities_url text,
      authentication text,
      crs text[] NOT NULL,
      source text NOT NULL,
      ${versioned}
    )`);
    await q.query(`CREATE TABLE dataset_item (
      id uuid PRIMARY KEY,
      land_code text,
      title text NOT NULL,
      description text NOT NULL,
      publisher text,
      contact_name text,
      contact_email text,
      contact_url text,
      themes text[] NOT NULL,
      keywords text[] NOT NULL,
      licence text,
      access_rights text,
      accrual_periodicity text,
      issued text,
      modified text,
      temporal_start text,
      temporal_end text,
      bbox geometry(Polygon, 4326),
      political_geocoding_uri text,
      political_geocoding_level text,
      conforms_to text[] NOT NULL,
      distributions jsonb NOT NULL,
      open_data boolean NOT NULL,
      inspire boolean NOT NULL,
      hierarchy_level text NOT NULL,
      endpoint_ids uuid[] NOT NULL,
      harvest_source_id text,
      harvest_source_name text,
      source text NOT NULL,
      ${versioned}
    )`);
    await q.query(`CREATE TABLE harvest_job_item (
      id uuid PRIMARY KEY,
      source_id uuid NOT NULL,
      source_name text NOT NULL,
      land_code text,
      mode text NOT NULL,
      state text NOT NULL,
      matched integer NOT NULL,
      received integer NOT NULL,
      created integer NOT NULL,
      updated integer NOT NULL,
      unchanged integer NOT NULL,
      deleted_records integer NOT NULL,
      failed integer NOT NULL,
      warnings integer NOT NULL,
      queued_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      message text,
      deletes_held_back boolean NOT NULL,
      schedule text,
      next_due_at timestamptz,
      ${versioned}
    )`);
    for (const sql of [
      'CREATE INDEX platform_item_geometry_idx ON platform_item USING gist (geometry) WHERE NOT deleted',
      'CREATE INDEX platform_item_endpoints_idx ON platform_item USING gin (endpoint_ids) WHERE NOT deleted',
      'CREATE INDEX twin_item_geometry_idx ON twin_item USING gist (geometry) WHERE NOT deleted',
      'CREATE INDEX organisation_item_land_code_idx ON organisation_item (land_code) WHERE NOT deleted',
      'CREATE INDEX endpoint_item_land_code_idx ON endpoint_item (land_code) WHERE NOT deleted',
      'CREATE INDEX endpoint_item_url_key_idx ON endpoint_item (url_key) WHERE NOT deleted',
      'CREATE INDEX dataset_item_land_code_idx ON dataset_item (land_code) WHERE NOT deleted',
      'CREATE INDEX dataset_item_bbox_idx ON dataset_item USING gist (bbox) WHERE NOT deleted',
      'CREATE INDEX dataset_item_title_idx ON dataset_item (lower(title), id) WHERE NOT deleted',
      'CREATE INDEX harvest_job_item_source_idx ON harvest_job_item (source_id) WHERE NOT deleted',
    ])
      await q.query(sql);

    await q.query(`CREATE TABLE finding (
      id text PRIMARY KEY,
      rule_id text NOT NULL,
      rule_version integer NOT NULL,
      severity text NOT NULL,
      land_code text REFERENCES land (code),
      subject text NOT NULL,
      record_kind text NOT NULL,
      record_ids uuid[] NOT NULL,
      evidence jsonb NOT NULL,
      first_seen_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX finding_land_code_idx ON finding (land_code)');
    await q.query('CREATE INDEX finding_rule_id_idx ON finding (rule_id)');
    await q.query(`CREATE TABLE rule_evaluation (
      rule_id text PRIMARY KEY,
      rule_version integer NOT NULL,
      evaluated_at timestamptz NOT NULL,
      findings integer NOT NULL,
      duration_ms integer NOT NULL,
      error text
    )`);

    await q.query(INVENTORY_ITEM_VIEW_V1);

    await q.query(`CREATE VIEW dataset_quality AS
      SELECT d.id, d.land_code,
        (CASE WHEN cardinality(d.keywords) > 0 THEN ${P.findability.keywords} ELSE 0 END
          + CASE WHEN cardinality(d.themes) > 0 THEN ${P.findability.themes} ELSE 0 END
          + CASE WHEN d.bbox IS NOT NULL OR d.political_geocoding_uri IS NOT NULL THEN ${P.findability.spatial} ELSE 0 END
          + CASE WHEN d.temporal_start IS NOT NULL OR d.temporal_end IS NOT NULL THEN ${P.findability.temporal} ELSE 0 END
        )::numeric AS findability,
        (CASE WHEN x.with_access > 0 THEN ${P.accessibility.accessUrl} ELSE 0 END
          + CASE WHEN x.with_download > 0 THEN ${P.accessibility.downloadUrl} ELSE 0 END
        )::numeric AS accessibility,
        (CASE WHEN x.n = 0 THEN 0 ELSE (${P.interoperability.format} * x.with_format
          + ${P.interoperability.mediaType} * x.with_media_type
          + ${P.interoperability.knownFormat} * x.known
          + ${P.interoperability.nonProprietary} * x.non_proprietary
          + ${P.interoperability.machineReadable} * x.machine_readable)::numeric / x.n END
          + CASE WHEN cardinality(d.endpoint_ids) > 0 OR x.with_service > 0 THEN ${P.interoperability.serviceInterface} ELSE 0 END
        )::numeric AS interoperability,
        (CASE WHEN d.licence IS NOT NULL THEN ${P.reusability.licence} ELSE 0 END
          + CASE WHEN d.licence LIKE 'http://dcat-ap.de/def/licenses/%' THEN ${P.reusability.licenceVocabulary} ELSE 0 END
          + CASE WHEN d.access_rights IN ('PUBLIC', 'RESTRICTED', 'NON_PUBLIC') THEN ${P.reusability.accessRights} ELSE 0 END
          + CASE WHEN coalesce(d.contact_name, d.contact_email, d.contact_url) IS NOT NULL THEN ${P.reusability.contactPoint} ELSE 0 END
          + CASE WHEN d.publisher IS NOT NULL THEN ${P.reusability.publisher} ELSE 0 END
        )::numeric AS reusability,
        (CASE WHEN d.description <> '' THEN ${P.contextuality.description} ELSE 0 END
          + CASE WHEN d.accrual_periodicity IS NOT NULL THEN ${P.contextuality.accrualPeriodicity} ELSE 0 END
          + CASE WHEN d.issued IS NOT NULL THEN ${P.contextuality.issued} ELSE 0 END
          + CASE WHEN d.modified IS NOT NULL THEN ${P.contextuality.modified} ELSE 0 END
        )::numeric AS contextuality
      FROM dataset_item d
      CROSS JOIN LATERAL (
        SELECT count(*) AS n,
          count(*) FILTER (WHERE coalesce(e->>'accessUrl', '') <> '') AS with_access,
          count(*) FILTER (WHERE coalesce(e->>'downloadUrl', '') <> '') AS with_download,
          count(*) FILTER (WHERE coalesce(e->>'format', '') <> '') AS with_format,
          count(*) FILTER (WHERE coalesce(e->>'mediaType', '') <> '') AS with_media_type,
          count(*) FILTER (WHERE coalesce(e->>'accessServiceId', '') <> '') AS with_service,
          count(*) FILTER (WHERE upper(e->>'format') = ANY (${sqlList(KNOWN_FORMATS)})) AS known,
          count(*) FILTER (WHERE upper(e->>'format') = ANY (${sqlList(NON_PROPRIETARY_FORMATS)})) AS non_proprietary,
          count(*) FILTER (WHERE upper(e->>'format') = ANY (${sqlList(MACHINE_READABLE_FORMATS)})) AS machine_readable
        FROM jsonb_array_elements(d.distributions) e
      ) x
      WHERE NOT d.deleted`);

    await q.query(`CREATE VIEW harvest_source_status AS
      WITH jobs AS (SELECT * FROM harvest_job_item WHERE NOT deleted),
      latest AS (
        SELECT DISTINCT ON (source_id) * FROM jobs
        ORDER BY source_id, coalesce(queued_at, started_at, updated_at) DESC, id),
      latest_finished AS (
        SELECT DISTINCT ON (source_id) * FROM jobs WHERE finished_at IS NOT NULL
        ORDER BY source_id, finished_at DESC, id),
      last_success AS (
        SELECT DISTINCT ON (source_id) * FROM jobs WHERE state IN ('succeeded', 'partiallySucceeded')
        ORDER BY source_id, finished_at DESC NULLS LAST, id),
      stats AS (
        SELECT source_id, count(*)::integer AS jobs,
          count(*) FILTER (WHERE state IN ('succeeded', 'partiallySucceeded'))::integer AS succeeded,
          count(*) FILTER (WHERE state = 'failed')::integer AS failed
        FROM jobs GROUP BY source_id)
      SELECT l.source_id, l.source_name, l.land_code,
        l.id AS latest_job_id, l.state AS latest_state, l.mode AS latest_mode,
        l.matched AS latest_matched, l.received AS latest_received, l.failed AS latest_failed_records,
        l.started_at AS latest_started_at,
        lf.state AS last_finished_state, lf.finished_at AS last_finished_at, lf.message AS last_message,
        ls.id AS last_success_job_id, ls.finished_at AS last_success_at, ls.schedule, ls.next_due_at,
        s.jobs, s.succeeded, s.failed,
        (ls.next_due_at IS NOT NULL AND ls.next_due_at + interval '1 hour' < now()) AS stale
      FROM latest l
      JOIN stats s ON s.source_id = l.source_id
      LEFT JOIN latest_finished lf ON lf.source_id = l.source_id
      LEFT JOIN last_success ls ON ls.source_id = l.source_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of ['harvest_source_status', 'dataset_quality', 'inventory_item'])
      await q.query(`DROP VIEW ${view}`);
    for (const table of [
      'rule_evaluation',
      'finding',
      'harvest_job_item',
      'dataset_item',
      'endpoint_item',
      'organisation_item',
    ])
      await q.query(`DROP TABLE ${table}`);
    await q.query(`ALTER TABLE twin_item
      DROP COLUMN description, DROP COLUMN capabilities, DROP COLUMN use_cases, DROP COLUMN data_basis,
      DROP COLUMN formats, DROP COLUMN real_time, DROP COLUMN simulation, DROP COLUMN digiz_de,
      DROP COLUMN homepage, DROP COLUMN source, DROP COLUMN geometry, DROP COLUMN platform_ids,
      DROP COLUMN dataset_ids`);
    await q.query(`ALTER TABLE platform_item
      DROP COLUMN description, DROP COLUMN homepage, DROP COLUMN operator_organisation_id,
      DROP COLUMN administrative_level, DROP COLUMN themes, DROP COLUMN standards,
      DROP COLUMN open_source, DROP COLUMN components, DROP COLUMN reusability,
      DROP COLUMN access_rights, DROP COLUMN geometry, DROP COLUMN endpoint_ids, DROP COLUMN dataset_ids`);
    await q.query('DROP TABLE land');
  }
}
