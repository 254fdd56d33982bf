import { MigrationInterface, QueryRunner } from 'typeorm';
import { STANDARDS_V1 } from './standards.v1';

/**
 * The full model of issue 3: the standards reference list, the complete platform profile, links
 * between records (uuid arrays on the linking record, GIN-indexed for the reverse look-up),
 * datasets, coverage geometries (PostGIS, WGS84, GiST) and German full-text search vectors.
 */
export class FullModel1763900000006 implements MigrationInterface {
  name = 'FullModel1763900000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE standard (
      code text PRIMARY KEY,
      title text NOT NULL,
      body text NOT NULL,
      version text NOT NULL DEFAULT '',
      category text NOT NULL,
      url text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    for (const s of STANDARDS_V1) {
      await q.query(
        'INSERT INTO standard (code, title, body, version, category, url) VALUES ($1, $2, $3, $4, $5, $6)',
        [s.code, s.title, s.body, s.version, s.category, s.url],
      );
    }

    await q.query(`ALTER TABLE platform
      ADD COLUMN operator_organisation_id uuid,
      ADD COLUMN administrative_level text,
      ADD COLUMN themes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN standards text[] NOT NULL DEFAULT '{}',
      ADD COLUMN open_source boolean NOT NULL DEFAULT false,
      ADD COLUMN repository_url text,
      ADD COLUMN components text[] NOT NULL DEFAULT '{}',
      ADD COLUMN reusability text NOT NULL DEFAULT 'none',
      ADD COLUMN funding text[] NOT NULL DEFAULT '{}',
      ADD COLUMN access_rights text NOT NULL DEFAULT 'PUBLIC',
      ADD COLUMN geometry geometry(Geometry, 4326),
      ADD COLUMN endpoint_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN dataset_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german', name), 'A') ||
        setweight(to_tsvector('german', description), 'B')
      ) STORED`);

    await q.query(`ALTER TABLE digital_twin
      ADD COLUMN geometry geometry(Geometry, 4326),
      ADD COLUMN platform_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN dataset_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german', name), 'A') ||
        setweight(to_tsvector('german', description), 'B')
      ) STORED`);

    await q.query(`CREATE TABLE dataset (
      id uuid PRIMARY KEY,
      land_code text REFERENCES land (code),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      publisher text,
      contact_name text,
      contact_email text,
      contact_url text,
      themes text[] NOT NULL DEFAULT '{}',
      keywords text[] NOT NULL DEFAULT '{}',
      licence text,
      licence_text text,
      access_rights text NOT NULL DEFAULT 'PUBLIC',
      accrual_periodicity text,
      issued text,
      modified text,
      temporal_start text,
      temporal_end text,
      bbox double precision[],
      geometry geometry(Geometry, 4326),
      political_geocoding_uri text,
      political_geocoding_level text,
      conforms_to text[] NOT NULL DEFAULT '{}',
      distributions jsonb NOT NULL DEFAULT '[]',
      open_data boolean NOT NULL DEFAULT false,
      inspire boolean NOT NULL DEFAULT false,
      resource_identifier text,
      hierarchy_level text NOT NULL DEFAULT 'dataset',
      endpoint_ids uuid[] NOT NULL DEFAULT '{}',
      harvest_source_id uuid,
      harvest_source_name text,
      harvest_file_identifier text,
      harvest_job_id uuid,
      harvest_checksum text,
      harvested_at timestamptz,
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'harvested')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      deleted_at timestamptz,
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german', title), 'A') ||
        setweight(to_tsvector('german', description), 'B')
      ) STORED,
      CHECK ((source = 'harvested') = (harvest_source_id IS NOT NULL))
    )`);
    await q.query(
      `CREATE UNIQUE INDEX dataset_harvest_key_idx ON dataset (harvest_source_id, harvest_file_identifier)
       WHERE harvest_source_id IS NOT NULL`,
    );

    for (const table of ['platform', 'digital_twin', 'dataset', 'endpoint', 'organisation']) {
      await q.query(`CREATE INDEX ${table}_updated_at_id_idx ON ${table} (updated_at, id)`);
    }
    for (const table of ['platform', 'digital_twin', 'dataset']) {
      await q.query(`CREATE INDEX ${table}_search_idx ON ${table} USING gin (search)`);
      await q.query(`CREATE INDEX ${table}_geometry_idx ON ${table} USING gist (geometry)`);
      await q.query(
        `CREATE INDEX ${table}_name_id_idx ON ${table} (${table === 'dataset' ? 'title' : 'name'}, id)`,
      );
    }
    await q.query(
      'CREATE INDEX dataset_land_code_idx ON dataset (land_code) WHERE deleted_at IS NULL',
    );
    await q.query('CREATE INDEX dataset_created_at_id_idx ON dataset (created_at, id)');
    await q.query('CREATE INDEX platform_themes_idx ON platform USING gin (themes)');
    await q.query('CREATE INDEX platform_standards_idx ON platform USING gin (standards)');
    await q.query('CREATE INDEX dataset_themes_idx ON dataset USING gin (themes)');
    // Reverse look-ups of links (who still points at a record that is to be deleted).
    await q.query('CREATE INDEX platform_endpoint_ids_idx ON platform USING gin (endpoint_ids)');
    await q.query('CREATE INDEX platform_dataset_ids_idx ON platform USING gin (dataset_ids)');
    await q.query(
      'CREATE INDEX platform_operator_idx ON platform (operator_organisation_id) WHERE operator_organisation_id IS NOT NULL',
    );
    await q.query(
      'CREATE INDEX digital_twin_platform_ids_idx ON digital_twin USING gin (platform_ids)',
    );
    await q.query(
      'CREATE INDEX digital_twin_dataset_ids_idx ON digital_twin USING gin (dataset_ids)',
    );
    await q.query('CREATE INDEX dataset_endpoint_ids_idx ON dataset USING gin (endpoint_ids)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dataset');
    await q.query(`ALTER TABLE digital_twin DROP COLUMN geometry, DROP COLUMN platform_ids,
      DROP COLUMN dataset_ids, DROP COLUMN search`);
    await q.query(`ALTER TABLE platform DROP COLUMN operator_organisation_id,
      DROP COLUMN administrative_level, DROP COLUMN themes, DROP COLUMN standards,
      DROP COLUMN open_source, DROP COLUMN repository_url, DROP COLUMN components,
      DROP COLUMN reusability, DROP COLUMN funding, DROP COLUMN access_rights, DROP COLUMN geometry,
      DROP COLUMN endpoint_ids, DROP COLUMN dataset_ids, DROP COLUMN search`);
    for (const table of ['endpoint', 'organisation']) {
      await q.query(`DROP INDEX ${table}_updated_at_id_idx`);
    }
    await q.query('DROP TABLE standard');
  }
}
