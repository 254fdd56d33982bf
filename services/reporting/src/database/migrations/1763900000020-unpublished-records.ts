import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records only reviewers see: platforms and datasets a Land registered with the access right
 * NON_PUBLIC (see services/reporting/README.md, "Public and reviewer views").
 */
export class UnpublishedRecords1763900000020 implements MigrationInterface {
  name = 'UnpublishedRecords1763900000020';

  async up(q: QueryRunner): Promise<void> {
    // Every public read subtracts this view: partial indexes keep it to the few such records
    // instead of a scan of all datasets (150 ms at 200,000) per request.
    await q.query(`CREATE INDEX platform_item_unpublished_idx ON platform_item (id)
      WHERE NOT deleted AND access_rights = 'NON_PUBLIC'`);
    await q.query(`CREATE INDEX dataset_item_unpublished_idx ON dataset_item (id)
      WHERE NOT deleted AND access_rights = 'NON_PUBLIC'`);
    await q.query(`CREATE VIEW unpublished_record AS
      SELECT id, 'platform'::text AS kind FROM platform_item
        WHERE NOT deleted AND access_rights = 'NON_PUBLIC'
      UNION ALL
      SELECT id, 'dataset' FROM dataset_item WHERE NOT deleted AND access_rights = 'NON_PUBLIC'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW unpublished_record');
    await q.query('DROP INDEX dataset_item_unpublished_idx');
    await q.query('DROP INDEX platform_item_unpublished_idx');
  }
}
