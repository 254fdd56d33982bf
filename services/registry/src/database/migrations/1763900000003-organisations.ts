import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations: federal ones have no Land (level federal ⇔ land_code NULL). */
export class Organisations1763900000003 implements MigrationInterface {
  name = 'Organisations1763900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisation (
      id uuid PRIMARY KEY,
      land_code text REFERENCES land (code),
      name text NOT NULL,
      short_name text NOT NULL DEFAULT '',
      level text NOT NULL,
      type text NOT NULL,
      homepage text,
      contact jsonb,
      networks text[] NOT NULL DEFAULT '{}',
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'harvested')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      deleted_at timestamptz,
      CHECK ((level = 'federal') = (land_code IS NULL))
    )`);
    await q.query(
      'CREATE INDEX organisation_land_code_idx ON organisation (land_code) WHERE deleted_at IS NULL',
    );
    await q.query('CREATE INDEX organisation_created_at_id_idx ON organisation (created_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisation');
  }
}
