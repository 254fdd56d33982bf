import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tokens with the role `operator` (issue 17): they manage the harvester's sources and jobs and
 * write no records. Like every role but `land-editor`, without a Land (the second CHECK stays).
 * The roles are written out here: a migration pins what it changes, it never imports live code.
 */
export class OperatorRole1763900000007 implements MigrationInterface {
  name = 'OperatorRole1763900000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_client DROP CONSTRAINT api_client_role_check');
    await q.query(`ALTER TABLE api_client ADD CONSTRAINT api_client_role_check
      CHECK (role IN ('admin', 'land-editor', 'reviewer', 'operator'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Operator tokens cannot exist before this migration: they are revoked by deletion.
    await q.query(`DELETE FROM api_client WHERE role = 'operator'`);
    await q.query('ALTER TABLE api_client DROP CONSTRAINT api_client_role_check');
    await q.query(`ALTER TABLE api_client ADD CONSTRAINT api_client_role_check
      CHECK (role IN ('admin', 'land-editor', 'reviewer'))`);
  }
}
