import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `unpublished_record` says each record's Land: the editors of that Land read its NON_PUBLIC
 * records too (issue 17), so "hidden from this reader" is the view's rows of other Länder.
 */
export class UnpublishedRecordLand1763900000060 implements MigrationInterface {
  name = 'UnpublishedRecordLand1763900000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE VIEW unpublished_record AS
      SELECT id, 'platform'::text AS kind, land_code FROM platform_item
        WHERE NOT deleted AND access_rights = 'NON_PUBLIC'
      UNION ALL
      SELECT id, 'dataset', land_code FROM dataset_item
        WHERE NOT deleted AND access_rights = 'NON_PUBLIC'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW unpublished_record');
    await q.query(`CREATE VIEW unpublished_record AS
      SELECT id, 'platform'::text AS kind FROM platform_item
        WHERE NOT deleted AND access_rights = 'NON_PUBLIC'
      UNION ALL
      SELECT id, 'dataset' FROM dataset_item WHERE NOT deleted AND access_rights = 'NON_PUBLIC'`);
  }
}
