import { OUTBOX_DOWN_SQL, OUTBOX_UP_SQL } from '@dpi/db';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Harvest sources, jobs with their per-record issues, the last checksum of every harvested record,
 * and the outbox that publishes record and job events in commit order.
 */
export class HarvestTables1764100000000 implements MigrationInterface {
  name = 'HarvestTables1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE harvest_source (
      id uuid PRIMARY KEY,
      name text NOT NULL CHECK (name <> ''),
      land_code text CHECK (land_code ~ '^DE-[A-Z]{2}$'),
      url text NOT NULL,
      protocol text NOT NULL CHECK (protocol IN ('csw-2.0.2')),
      output_schema text NOT NULL,
      type_names text NOT NULL,
      constraint_language text CHECK (constraint_language IN ('FILTER', 'CQL_TEXT')),
      constraint_text text,
      page_size integer NOT NULL CHECK (page_size BETWEEN 1 AND 1000),
      concurrency integer NOT NULL CHECK (concurrency BETWEEN 1 AND 16),
      timeout_ms integer NOT NULL CHECK (timeout_ms > 0),
      retry_max_attempts integer NOT NULL CHECK (retry_max_attempts >= 1),
      retry_backoff_ms integer NOT NULL CHECK (retry_backoff_ms >= 0),
      retry_max_backoff_ms integer NOT NULL CHECK (retry_max_backoff_ms >= 0),
      max_requests_per_second double precision CHECK (max_requests_per_second > 0),
      incremental_schedule text,
      full_schedule text,
      enabled boolean NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      deleted_at timestamptz,
      CHECK ((constraint_language IS NULL) = (constraint_text IS NULL))
    )`);
    await q.query(
      'CREATE UNIQUE INDEX harvest_source_name_idx ON harvest_source (lower(name)) WHERE deleted_at IS NULL',
    );
    await q.query(
      'CREATE INDEX harvest_source_created_at_id_idx ON harvest_source (created_at, id)',
    );

    await q.query(`CREATE TABLE harvest_job (
      id uuid PRIMARY KEY,
      source_id uuid NOT NULL REFERENCES harvest_source (id),
      mode text NOT NULL CHECK (mode IN ('full', 'incremental')),
      trigger text NOT NULL CHECK (trigger IN ('manual', 'schedule')),
      scheduled_for timestamptz,
      state text NOT NULL CHECK (state IN
        ('queued', 'running', 'succeeded', 'partiallySucceeded', 'failed', 'cancelled')),
      matched bigint,
      received bigint NOT NULL DEFAULT 0,
      created bigint NOT NULL DEFAULT 0,
      updated bigint NOT NULL DEFAULT 0,
      unchanged bigint NOT NULL DEFAULT 0,
      deleted bigint NOT NULL DEFAULT 0,
      failed bigint NOT NULL DEFAULT 0,
      warnings bigint NOT NULL DEFAULT 0,
      pages integer NOT NULL DEFAULT 0,
      message text NOT NULL DEFAULT '',
      deletes_held_back boolean NOT NULL DEFAULT false,
      modified_since text,
      stop_reason text,
      requested_by text NOT NULL,
      correlation_id text NOT NULL,
      cancel_requested_at timestamptz,
      queued_at timestamptz NOT NULL,
      started_at timestamptz,
      progress_at timestamptz,
      finished_at timestamptz,
      event_version integer NOT NULL DEFAULT 0
    )`);
    // One active job per source (the advisory lock guarantees it; this index makes a bug loud).
    await q.query(
      `CREATE UNIQUE INDEX harvest_job_active_idx ON harvest_job (source_id)
       WHERE state IN ('queued', 'running')`,
    );
    // One job per cron tick, however many replicas fire it.
    await q.query(
      `CREATE UNIQUE INDEX harvest_job_tick_idx ON harvest_job (source_id, mode, scheduled_for)
       WHERE scheduled_for IS NOT NULL`,
    );
    await q.query(
      'CREATE INDEX harvest_job_source_idx ON harvest_job (source_id, queued_at DESC, id DESC)',
    );
    await q.query(
      `CREATE INDEX harvest_job_unfinished_idx ON harvest_job (state)
       WHERE state IN ('queued', 'running')`,
    );

    await q.query(`CREATE TABLE harvest_job_issue (
      id bigserial PRIMARY KEY,
      job_id uuid NOT NULL REFERENCES harvest_job (id) ON DELETE CASCADE,
      severity text NOT NULL CHECK (severity IN ('error', 'warning')),
      code text NOT NULL,
      identifier text,
      message text NOT NULL,
      snippet text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX harvest_job_issue_job_idx ON harvest_job_issue (job_id, id)');

    // The last version of every record a source delivered: what change detection compares with.
    await q.query(`CREATE TABLE harvest_record (
      source_id uuid NOT NULL REFERENCES harvest_source (id),
      file_identifier text NOT NULL,
      checksum text NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      last_seen_job uuid NOT NULL,
      first_seen_at timestamptz NOT NULL,
      changed_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      PRIMARY KEY (source_id, file_identifier)
    )`);
    await q.query(
      `CREATE INDEX harvest_record_live_idx ON harvest_record (source_id, last_seen_job)
       WHERE withdrawn_at IS NULL`,
    );

    for (const sql of OUTBOX_UP_SQL) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of OUTBOX_DOWN_SQL) await q.query(sql);
    await q.query('DROP TABLE harvest_record');
    await q.query('DROP TABLE harvest_job_issue');
    await q.query('DROP TABLE harvest_job');
    await q.query('DROP TABLE harvest_source');
  }
}
