import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records only reviewers see: platforms and datasets a Land registered with the access right
 * NON_PUBLIC (see services/reporting/README.md, "Public and reviewer views").
 */
export class UnpublishedRecords1763900000020 implements MigrationInterface {
  name = 'UnpublishedRecords1763900000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW unpublished_record AS
      SELECT id, 'platform'::text AS kind FROM platform_item
        WHERE NOT deleted AND access_rights = 'NON_PUBLIC'
      UNION ALL
      SELECT id, 'dataset' FROM dataset_item WHERE NOT deleted AND access_rights = 'NON_PUBLIC'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW unpublished_record');
  }
}
