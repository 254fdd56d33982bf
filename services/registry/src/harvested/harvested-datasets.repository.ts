import { ChangeKind } from '@dpi/contracts';
import { oneStatement, OutboxEvent, outboxInsert } from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DATASET_KIND } from '../datasets/dataset.kind';
import { DatasetEntity } from '../datasets/entities/dataset.entity';
import {
  DatasetRemoval,
  lockRecordsLinkingDatasets,
  unlinkDatasets,
} from '../datasets/unlink-datasets';
import { ChangeLogEntity } from '../history/entities/change-log.entity';
import { diffFields } from '../history/field-diff';
import { changeEntry, changesInsert } from '../history/history';
import { JsonRows, jsonRowsOf } from '../records/json-rows';
import { changedEvent, deletedEvent } from '../records/record-events';
import {
  datasetKindWithDocument,
  documentOf,
  documentWrites,
  type HarvestedDocument,
} from './harvested-document';
import { HarvestChange, harvestedFields } from './harvested-record';

export interface HarvestApplyStats {
  created: number;
  updated: number;
  withdrawn: number;
  unchanged: number;
  /** Platforms and twins that linked a withdrawn dataset and no longer do. */
  unlinked: number;
}

/**
 * Upserts harvested datasets by (harvest source, fileIdentifier): one transaction per batch, in
 * which the affected rows are read and locked (one statement) and rows, history and outbox events
 * are written together (one statement, each part one json or array parameter). A record with the
 * stored checksum changes nothing, so redelivered or repeated messages are harmless.
 *
 * A withdrawn dataset is also unlinked from the platforms and twins linking it, in the same
 * transaction (unlinkDatasets: new versions, history, events). Only batches with withdrawals pay
 * for it: a locking read per linking table before the datasets are locked, and after the datasets'
 * write one read and one write for all linking records.
 */
@Injectable()
export class HarvestedDatasetsRepository {
  private rowsOfDatasets: JsonRows<DatasetEntity> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get rows(): JsonRows<DatasetEntity> {
    return (this.rowsOfDatasets ??= jsonRowsOf(this.dataSource, DatasetEntity));
  }

  async apply(changes: readonly HarvestChange[]): Promise<HarvestApplyStats> {
    const stats: HarvestApplyStats = {
      created: 0,
      updated: 0,
      withdrawn: 0,
      unchanged: 0,
      unlinked: 0,
    };
    if (changes.length === 0) return stats;
    const tombstones = changes.filter((c) => c.record === null);
    await this.dataSource.transaction(async (manager) => {
      const rows = this.rows;
      // Records linking a dataset about to be withdrawn are locked before the datasets, in the
      // order a concurrent PATCH of one of them locks (see lockRecordsLinkingDatasets).
      if (tombstones.length > 0)
        await lockRecordsLinkingDatasets(manager, {
          text: `SELECT d.id FROM ${rows.table} d
            WHERE (d.harvest_source_id, d.harvest_file_identifier) IN
              (SELECT * FROM unnest($1::uuid[], $2::text[])) AND d.deleted_at IS NULL`,
          values: [tombstones.map((c) => c.sourceId), tombstones.map((c) => c.fileIdentifier)],
        });
      // Lock the affected rows: two consumers (a rebalance in flight) never interleave on one.
      const found: Record<string, unknown>[] = await manager.query(
        `SELECT ${rows.select} FROM ${rows.table} r
         WHERE (r.harvest_source_id, r.harvest_file_identifier) IN
           (SELECT * FROM unnest($1::uuid[], $2::text[]))
         FOR UPDATE`,
        [changes.map((c) => c.sourceId), changes.map((c) => c.fileIdentifier)],
      );
      const existing = found.map((row) => rows.revive(row));
      const byKey = new Map(
        existing.map((d) => [`${d.harvestSourceId}/${d.harvestFileIdentifier}`, d]),
      );

      const written: DatasetEntity[] = [];
      const history: Omit<ChangeLogEntity, 'id'>[] = [];
      const events: OutboxEvent[] = [];
      const removals: DatasetRemoval[] = [];
      /** Per written dataset: the ISO document its record brought (null: none, or withdrawn). */
      const documents = new Map<string, HarvestedDocument | null>();
      const now = new Date();
      for (const change of changes) {
        const current = byKey.get(`${change.sourceId}/${change.fileIdentifier}`);
        const context = {
          correlationId: change.record?.jobId || change.eventId,
          causationId: change.eventId,
        };
        const changedBy = `harvester:${change.record?.sourceName || change.sourceId}`;
        if (change.record === null) {
          if (!current || current.deletedAt) {
            stats.unchanged++;
            continue;
          }
          const next = Object.assign(new DatasetEntity(), current, {
            version: current.version + 1,
            updatedAt: now,
            deletedAt: now,
          });
          written.push(next);
          documents.set(next.id, null);
          history.push(this.entry(next, 'delete', current, null, changedBy, context.correlationId));
          events.push(deletedEvent(DATASET_KIND, next, context));
          removals.push({
            datasetId: next.id,
            changedBy,
            correlationId: context.correlationId,
            causationId: context.causationId,
          });
          stats.withdrawn++;
          continue;
        }
        const fields = harvestedFields(change.record);
        const harvestedAt = change.record.harvestedAt
          ? new Date(Number(change.record.harvestedAt.seconds) * 1000)
          : now;
        if (current && !current.deletedAt && current.harvestChecksum === fields.harvestChecksum) {
          stats.unchanged++;
          continue;
        }
        const next = Object.assign(new DatasetEntity(), current ?? {}, fields, {
          id: current?.id ?? randomUUID(),
          createdBy: current?.createdBy ?? changedBy,
          createdAt: current?.createdAt ?? now,
          updatedAt: now,
          harvestedAt,
          version: (current?.version ?? 0) + 1,
          deletedAt: null,
        });
        written.push(next);
        const document = documentOf(next.id, change.record, fields.harvestChecksum);
        documents.set(next.id, document);
        const kind = datasetKindWithDocument(document);
        if (current) {
          history.push(
            this.entry(
              next,
              'update',
              current.deletedAt ? null : current,
              next,
              changedBy,
              context.correlationId,
            ),
          );
          events.push(changedEvent(kind, next, ChangeKind.UPDATED, context));
          stats.updated++;
        } else {
          history.push(this.entry(next, 'create', null, next, changedBy, context.correlationId));
          events.push(changedEvent(kind, next, ChangeKind.CREATED, context));
          stats.created++;
        }
        byKey.set(`${change.sourceId}/${change.fileIdentifier}`, next);
      }
      if (written.length === 0) return;
      // Every written row is locked above (or new), so an update takes the ON CONFLICT path.
      const statement = oneStatement([
        rows.upsert(written),
        ...documentWrites(documents),
        changesInsert(history),
        outboxInsert(events),
      ]);
      await manager.query(statement.text, statement.values);
      stats.unlinked = await unlinkDatasets(manager, removals, { at: now });
    });
    return stats;
  }

  private entry(
    record: DatasetEntity,
    operation: 'create' | 'update' | 'delete',
    before: DatasetEntity | null,
    after: DatasetEntity | null,
    changedBy: string,
    correlationId: string,
  ): Omit<ChangeLogEntity, 'id'> {
    const changes = diffFields(
      before && DATASET_KIND.writableOf(before),
      after && DATASET_KIND.writableOf(after),
      DATASET_KIND.writable,
    );
    return changeEntry(DATASET_KIND.name, record, operation, changes, { changedBy, correlationId });
  }
}
