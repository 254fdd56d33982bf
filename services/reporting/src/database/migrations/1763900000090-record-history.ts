import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inventory's history for the trends (issue 21): one row per platform, twin, dataset and
 * endpoint ever projected, with when it was registered (the state's `created_at`), when it was
 * withdrawn (the tombstone's time) and what the projection saw first of it (`first_version`,
 * `first_seen_at`), which tells whether Kafka's compaction had dropped earlier events: the
 * trends start where the history is complete (`recordedSince`). Written by the projection beside
 * each read model, so a rebuild from offset 0 fills it like the others. An existing deployment
 * fills it for the records it has with `npm run rebuild:reporting`.
 */
export class RecordHistory1763900000090 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE record_history (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      land_code text,
      source text,
      access_rights text,
      registered_at timestamptz,
      withdrawn_at timestamptz,
      first_version integer NOT NULL,
      first_seen_at timestamptz NOT NULL,
      version integer NOT NULL
    )`);
    await q.query('CREATE INDEX record_history_land ON record_history (land_code, kind)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE record_history');
  }
}
