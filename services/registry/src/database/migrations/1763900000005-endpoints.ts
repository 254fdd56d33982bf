import { MigrationInterface, QueryRunner } from 'typeorm';

/** Service endpoints (CSW, WMS, OGC API …) of the Länder; federal ones have no Land. */
export class Endpoints1763900000005 implements MigrationInterface {
  name = 'Endpoints1763900000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE endpoint (
      id uuid PRIMARY KEY,
      land_code text REFERENCES land (code),
      name text NOT NULL,
      service_type text NOT NULL,
      service_version text NOT NULL DEFAULT '',
      url text NOT NULL,
      capabilities_url text,
      authentication text NOT NULL DEFAULT 'none',
      crs text[] NOT NULL DEFAULT '{}',
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'harvested')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      deleted_at timestamptz
    )`);
    await q.query(
      'CREATE INDEX endpoint_land_code_idx ON endpoint (land_code) WHERE deleted_at IS NULL',
    );
    await q.query('CREATE INDEX endpoint_url_idx ON endpoint (url) WHERE deleted_at IS NULL');
    await q.query('CREATE INDEX endpoint_created_at_id_idx ON endpoint (created_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE endpoint');
  }
}
