import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bearer tokens (stored hashed) and the change history of every entity. */
export class ApiClientsAndHistory1763900000002 implements MigrationInterface {
  name = 'ApiClientsAndHistory1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE api_client (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('admin', 'land-editor', 'reviewer')),
      land_code text REFERENCES land (code),
      token_sha256 bytea NOT NULL UNIQUE,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      revoked_at timestamptz,
      CHECK ((role = 'land-editor') = (land_code IS NOT NULL))
    )`);
    await q.query(`CREATE TABLE change_log (
      id bigserial PRIMARY KEY,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      version integer NOT NULL,
      operation text NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL,
      changes jsonb NOT NULL,
      correlation_id text NOT NULL,
      UNIQUE (entity_type, entity_id, version)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE change_log');
    await q.query('DROP TABLE api_client');
  }
}
