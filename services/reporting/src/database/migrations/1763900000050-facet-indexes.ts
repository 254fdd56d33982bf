import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns each read model's aggregates count by (aggregates.repository.ts, FACET_SQL). */
const FACET_COLUMNS = {
  platform_item: 'land_code, type, status, themes, standards',
  twin_item: 'land_code, maturity_level, use_cases, formats',
  dataset_item: 'land_code, open_data, themes',
} as const;

/**
 * Covering indexes for the aggregates: each read model's facet queries (full counts per Land,
 * refreshed in the background while changes arrive) read only these columns of live rows, so
 * PostgreSQL answers them with index-only scans instead of reading the wide rows (descriptions,
 * geometries). Measured at 66,000 platform items: 193 → 73 ms per refresh of the platform
 * aggregates, without parallel workers. Each replaces the table's (land_code) index, which it
 * begins with, so a write maintains no extra index.
 */
export class FacetIndexes1763900000050 implements MigrationInterface {
  name = 'FacetIndexes1763900000050';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(FACET_COLUMNS)) {
      await q.query(`CREATE INDEX ${table}_facets_idx ON ${table} (${columns}) WHERE NOT deleted`);
      await q.query(`DROP INDEX ${table}_land_code_idx`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(FACET_COLUMNS)) {
      await q.query(
        `CREATE INDEX ${table}_land_code_idx ON ${table} (land_code) WHERE NOT deleted`,
      );
      await q.query(`DROP INDEX ${table}_facets_idx`);
    }
  }
}
