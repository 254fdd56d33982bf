import { MigrationInterface, QueryRunner } from 'typeorm';

/** Digital twins (DIN SPEC 91607 maturity 1–4); federal twins have no Land. */
export class DigitalTwins1763900000004 implements MigrationInterface {
  name = 'DigitalTwins1763900000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE digital_twin (
      id uuid PRIMARY KEY,
      land_code text REFERENCES land (code),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      scope text NOT NULL,
      kind text NOT NULL,
      maturity_level integer NOT NULL CHECK (maturity_level BETWEEN 1 AND 4),
      capabilities text[] NOT NULL DEFAULT '{}',
      use_cases text[] NOT NULL DEFAULT '{}',
      data_basis text[] NOT NULL DEFAULT '{}',
      formats text[] NOT NULL DEFAULT '{}',
      real_time boolean NOT NULL DEFAULT false,
      simulation boolean NOT NULL DEFAULT false,
      digiz_de text NOT NULL DEFAULT 'none',
      homepage text,
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'harvested')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      deleted_at timestamptz
    )`);
    await q.query(
      'CREATE INDEX digital_twin_land_code_idx ON digital_twin (land_code) WHERE deleted_at IS NULL',
    );
    await q.query('CREATE INDEX digital_twin_created_at_id_idx ON digital_twin (created_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE digital_twin');
  }
}
