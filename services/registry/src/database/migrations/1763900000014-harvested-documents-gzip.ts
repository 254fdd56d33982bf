import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Harvested ISO documents arrive gzip-compressed since the harvester compresses each one once
 * (`iso_document_gzip`, issue 20 follow-up): the registry stores those bytes as they came and
 * passes them on in its dataset events, never decompressing them. `document_gzip` holds them;
 * `document` (text) only what events from before brought. Storage EXTERNAL: out of line and not
 * compressed again (gzip's output does not compress; PostgreSQL would try it on every write).
 */
export class HarvestedDocumentsGzip1763900000014 implements MigrationInterface {
  name = 'HarvestedDocumentsGzip1763900000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE harvested_dataset_document ADD COLUMN document_gzip bytea');
    await q.query(
      'ALTER TABLE harvested_dataset_document ALTER COLUMN document_gzip SET STORAGE EXTERNAL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE harvested_dataset_document DROP COLUMN document_gzip');
  }
}
