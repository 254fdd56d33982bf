import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fills `record_history` (migration 1763900000090) from the read models a deployment already has,
 * so its trends count the existing inventory without waiting for `npm run rebuild:reporting`.
 * The read models keep no registration time: each row counts as first seen at its current version
 * and time, so a row past version 1 puts `recordedSince` at its last change (history before is
 * unknown) and is counted in the inventory from before the first bucket. A fresh schema (the
 * rebuild's) has no rows here, and the projection fills the history as it replays.
 */
export class RecordHistoryBackfill1763900000130 implements MigrationInterface {
  name = 'RecordHistoryBackfill1763900000130';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, kind, accessRights] of [
      ['platform_item', 'platform', 'access_rights'],
      ['twin_item', 'twin', 'NULL'],
      ['dataset_item', 'dataset', 'access_rights'],
      ['endpoint_item', 'endpoint', 'NULL'],
    ] as const)
      await q.query(`INSERT INTO record_history
          (id, kind, land_code, source, access_rights, registered_at, withdrawn_at, first_version,
           first_seen_at, version)
        SELECT id, '${kind}', nullif(land_code, ''), source, ${accessRights}, NULL,
          CASE WHEN deleted THEN updated_at END, version, updated_at, version
        FROM ${table}
        ON CONFLICT (id) DO NOTHING`);
  }

  async down(): Promise<void> {
    // The rows are indistinguishable from projected ones; the table goes with 1763900000090.
  }
}
