import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of digital twins, built only from dpi.registry.digital-twin.v1. */
export class TwinItems1763900000006 implements MigrationInterface {
  name = 'TwinItems1763900000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE twin_item (
      id uuid PRIMARY KEY,
      land_code text,
      name text NOT NULL,
      kind text NOT NULL,
      scope text NOT NULL,
      maturity_level integer NOT NULL,
      version integer NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      last_event_id text NOT NULL
    )`);
    await q.query(
      'CREATE INDEX twin_item_land_code_idx ON twin_item (land_code) WHERE NOT deleted',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE twin_item');
  }
}
