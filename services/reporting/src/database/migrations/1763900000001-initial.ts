import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of platforms, built only from dpi.registry.platform.v1. */
export class Initial1763900000001 implements MigrationInterface {
  name = 'Initial1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE platform_item (
      id uuid PRIMARY KEY,
      land_code text NOT NULL,
      name text NOT NULL,
      type text NOT NULL,
      status text NOT NULL,
      source text NOT NULL,
      version integer NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      last_event_id text NOT NULL
    )`);
    await q.query(
      'CREATE INDEX platform_item_land_code_idx ON platform_item (land_code) WHERE NOT deleted',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE platform_item');
  }
}
