import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Harvested ISO documents (issue 20 follow-up) are written twice per harvested record, ~45 KB of
 * XML each: into harvested_dataset_document and, inside the dataset event, into the outbox.
 * PostgreSQL compresses such values with pglz by default, which cost the registry's PostgreSQL
 * most of its extra CPU per record in the harvest benchmark; lz4 compresses XML nearly as well at
 * a fraction of the CPU. Only where the server was built with lz4 (PostgreSQL 14+, as the
 * Debian/official images are); elsewhere the columns keep pglz. Values already stored keep theirs.
 */
export class HarvestedDocumentsLz41763900000013 implements MigrationInterface {
  name = 'HarvestedDocumentsLz41763900000013';

  async up(q: QueryRunner): Promise<void> {
    if (!(await lz4Available(q))) return;
    await q.query(
      'ALTER TABLE harvested_dataset_document ALTER COLUMN document SET COMPRESSION lz4',
    );
    await q.query('ALTER TABLE outbox ALTER COLUMN value SET COMPRESSION lz4');
  }

  async down(q: QueryRunner): Promise<void> {
    if (!(await lz4Available(q))) return;
    await q.query('ALTER TABLE outbox ALTER COLUMN value SET COMPRESSION pglz');
    await q.query(
      'ALTER TABLE harvested_dataset_document ALTER COLUMN document SET COMPRESSION pglz',
    );
  }
}

async function lz4Available(q: QueryRunner): Promise<boolean> {
  const rows: unknown[] = await q.query(
    `SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)`,
  );
  return rows.length > 0;
}
