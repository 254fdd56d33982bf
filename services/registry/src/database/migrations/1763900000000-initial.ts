import { OUTBOX_DOWN_SQL, OUTBOX_UP_SQL } from '@dpi/db';
import { LAENDER, stateKeyUri } from '@dpi/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Länder reference rows, platforms, and the outbox. */
export class Initial1763900000000 implements MigrationInterface {
  name = 'Initial1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public');
    await q.query(`CREATE TABLE land (
      code text PRIMARY KEY,
      key text NOT NULL UNIQUE,
      abbr text NOT NULL UNIQUE,
      name text NOT NULL,
      capital text NOT NULL,
      state_key_uri text NOT NULL
    )`);
    for (const land of LAENDER) {
      await q.query(
        'INSERT INTO land (code, key, abbr, name, capital, state_key_uri) VALUES ($1, $2, $3, $4, $5, $6)',
        [land.code, land.key, land.abbr, land.name, land.capital, stateKeyUri(land)],
      );
    }
    await q.query(`CREATE TABLE platform (
      id uuid PRIMARY KEY,
      land_code text NOT NULL REFERENCES land (code),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      homepage text,
      type text NOT NULL,
      status text NOT NULL,
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'harvested')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      deleted_at timestamptz
    )`);
    await q.query(
      'CREATE INDEX platform_land_code_idx ON platform (land_code) WHERE deleted_at IS NULL',
    );
    await q.query('CREATE INDEX platform_created_at_id_idx ON platform (created_at, id)');
    for (const sql of OUTBOX_UP_SQL) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of OUTBOX_DOWN_SQL) await q.query(sql);
    await q.query('DROP TABLE platform');
    await q.query('DROP TABLE land');
  }
}
