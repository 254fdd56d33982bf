import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each harvested record's event carries its canonical ISO document (~45 KB of XML, issue 20), so
 * every outbox row is compressed on insert; PostgreSQL's default pglz spends several times the
 * CPU of lz4 on it for about the same size. Only where the server was built with lz4
 * (PostgreSQL 14+, as the Debian/official images are); elsewhere the column keeps pglz.
 */
export class OutboxLz41764100000002 implements MigrationInterface {
  name = 'OutboxLz41764100000002';

  async up(q: QueryRunner): Promise<void> {
    if (await lz4Available(q))
      await q.query('ALTER TABLE outbox ALTER COLUMN value SET COMPRESSION lz4');
  }

  async down(q: QueryRunner): Promise<void> {
    if (await lz4Available(q))
      await q.query('ALTER TABLE outbox ALTER COLUMN value SET COMPRESSION pglz');
  }
}

async function lz4Available(q: QueryRunner): Promise<boolean> {
  const rows: unknown[] = await q.query(
    `SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)`,
  );
  return rows.length > 0;
}
