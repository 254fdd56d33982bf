import { appendToOutbox, type OutboxEvent } from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../common/sql';
import {
  vanishedWhere,
  withdrawnVersion,
  type RecordWrite,
  type StoredRecordState,
} from './change-classifier';
import { recordWithdrawnEvent, type RecordEventContext } from './record-events';

interface StoredRow {
  file_identifier: string;
  checksum: string;
  version: number;
  withdrawn_at: Date | null;
  last_seen_job: string;
}

/**
 * The harvester's memory of every record: (source, fileIdentifier) → checksum, version and the
 * last job that saw it. It reads and writes; what to write is decided by change-classifier.ts.
 * Writes go with their outbox events in the caller's transaction, so a record's new checksum is
 * stored if and only if its event will be published.
 */
@Injectable()
export class RecordStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Locks and reads the stored state of a page's identifiers, in sorted order (so parallel pages
   * of one job cannot deadlock).
   */
  async lockStored(
    manager: EntityManager,
    sourceId: string,
    fileIdentifiers: string[],
  ): Promise<StoredRecordState[]> {
    if (fileIdentifiers.length === 0) return [];
    const rows: StoredRow[] = await manager.query(
      `SELECT file_identifier, checksum, version, withdrawn_at, last_seen_job
         FROM harvest_record WHERE source_id = $1 AND file_identifier = ANY($2::text[])
        ORDER BY file_identifier FOR UPDATE`,
      [sourceId, fileIdentifiers],
    );
    return rows.map((r) => ({
      fileIdentifier: r.file_identifier,
      checksum: r.checksum,
      version: r.version,
      withdrawn: r.withdrawn_at !== null,
      lastSeenJob: r.last_seen_job,
    }));
  }

  /**
   * Writes a page as decided (one multi-row upsert, in the given order; every row is marked as
   * seen by the job and made live) and appends its events.
   */
  async writePage(
    manager: EntityManager,
    sourceId: string,
    jobId: string,
    writes: RecordWrite[],
    events: OutboxEvent[],
  ): Promise<void> {
    if (writes.length === 0) return;
    await manager.query(
      `INSERT INTO harvest_record AS r
         (source_id, file_identifier, checksum, version, last_seen_job, first_seen_at, changed_at)
       SELECT $1, t.file_identifier, t.checksum, t.version, $2, now(), now()
         FROM unnest($3::text[], $4::text[], $5::int[]) AS t(file_identifier, checksum, version)
       ON CONFLICT (source_id, file_identifier) DO UPDATE SET
         checksum = EXCLUDED.checksum,
         version = EXCLUDED.version,
         last_seen_job = EXCLUDED.last_seen_job,
         changed_at = CASE WHEN r.version = EXCLUDED.version THEN r.changed_at ELSE now() END,
         withdrawn_at = NULL`,
      [
        sourceId,
        jobId,
        writes.map((w) => w.fileIdentifier),
        writes.map((w) => w.checksum),
        writes.map((w) => w.version),
      ],
    );
    await appendToOutbox(manager, events);
  }

  /** Live records of a source, and how many of them vanished (see isVanished). */
  async liveAndMissing(
    sourceId: string,
    jobId: string,
  ): Promise<{ live: number; missing: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS live,
              count(*) FILTER (WHERE ${vanishedWhere('$2')})::int AS missing
         FROM harvest_record WHERE source_id = $1 AND withdrawn_at IS NULL`,
      [sourceId, jobId],
    );
    return { live: row.live, missing: row.missing };
  }

  /**
   * Withdraws up to `limit` records that vanished (see isVanished: set-based here, the rule's SQL
   * form) and appends their tombstones; returns how many. Called repeatedly until it returns 0.
   */
  async withdrawUnseen(
    manager: EntityManager,
    sourceId: string,
    limit: number,
    context: RecordEventContext,
  ): Promise<number> {
    const rows = await rowsOf<{ file_identifier: string; version: number }>(
      manager,
      `WITH gone AS (
         SELECT file_identifier FROM harvest_record
          WHERE source_id = $1 AND ${vanishedWhere('$2')}
          ORDER BY file_identifier LIMIT $3 FOR UPDATE)
       UPDATE harvest_record r
          SET withdrawn_at = now(), changed_at = now(), version = r.version + 1
         FROM gone
        WHERE r.source_id = $1 AND r.file_identifier = gone.file_identifier
       RETURNING r.file_identifier, r.version`,
      [sourceId, context.jobId, limit],
    );
    await appendToOutbox(
      manager,
      rows.map((r) => recordWithdrawnEvent(sourceId, r.file_identifier, r.version, context)),
    );
    return rows.length;
  }

  /**
   * Withdraws every live record of a source (the source is being deleted) and forgets them all.
   * Tombstones are appended in the caller's transaction.
   */
  async withdrawAll(
    manager: EntityManager,
    sourceId: string,
    context: RecordEventContext,
  ): Promise<number> {
    let withdrawn = 0;
    for (;;) {
      const rows = await rowsOf<{
        file_identifier: string;
        version: number;
        withdrawn_at: Date | null;
      }>(
        manager,
        `WITH gone AS (
           SELECT file_identifier FROM harvest_record WHERE source_id = $1
            ORDER BY file_identifier LIMIT 1000)
         DELETE FROM harvest_record r USING gone
          WHERE r.source_id = $1 AND r.file_identifier = gone.file_identifier
         RETURNING r.file_identifier, r.version, r.withdrawn_at`,
        [sourceId],
      );
      if (rows.length === 0) return withdrawn;
      const live = rows.filter((r) => r.withdrawn_at === null);
      withdrawn += live.length;
      await appendToOutbox(
        manager,
        live.map((r) =>
          recordWithdrawnEvent(sourceId, r.file_identifier, withdrawnVersion(r.version), context),
        ),
      );
    }
  }
}
