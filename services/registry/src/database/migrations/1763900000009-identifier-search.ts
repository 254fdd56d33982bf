import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `q` finds a dataset by its identifiers (issue 20): the ISO fileIdentifier of a harvested one and
 * the resource identifier, exactly and case-insensitively. Index-backed like the full text (GIN on
 * `search`) and the id (primary key), so the OR of the three is a BitmapOr of index scans.
 */
export class IdentifierSearch1763900000009 implements MigrationInterface {
  name = 'IdentifierSearch1763900000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX dataset_file_identifier_idx ON dataset (lower(harvest_file_identifier))
      WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX dataset_resource_identifier_idx ON dataset (lower(resource_identifier))
      WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dataset_resource_identifier_idx');
    await q.query('DROP INDEX dataset_file_identifier_idx');
  }
}
