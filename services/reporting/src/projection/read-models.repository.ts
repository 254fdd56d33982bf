import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NonPublicRecord } from '../changes/read-models-changed';
import { READ_MODELS, ReadModelName } from './read-models';
import { RecordChange } from './record-change';
import { historyUpsert } from './record-history';
import { ReadModelColumn, versionedUpsert } from './versioned-upsert';

/** The only code that writes reporting's read-model tables. */
@Injectable()
export class ReadModelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Applies a batch of one read model in one statement (versioned, idempotent); returns the ids
   * of the rows that changed (empty when everything was redelivered or out of date).
   */
  applyChanges(model: ReadModelName, changes: readonly RecordChange<object>[]): Promise<string[]> {
    return this.upsert(this.dataSource.manager, model, changes);
  }

  /**
   * As applyChanges, and in the same transaction `announce` what changed: the ids of the rows
   * and the NON_PUBLIC records among them (nothing is announced when nothing changed).
   */
  async applyAndAnnounce(
    model: ReadModelName,
    changes: readonly RecordChange<object>[],
    announce: (
      applied: { ids: string[]; nonPublic: NonPublicRecord[] },
      manager: EntityManager,
    ) => Promise<void>,
  ): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.upsert(manager, model, changes);
      if (ids.length > 0)
        await announce({ ids, nonPublic: await this.nonPublicAmong(manager, model, ids) }, manager);
      return ids;
    });
  }

  private async upsert(
    manager: EntityManager,
    model: ReadModelName,
    changes: readonly RecordChange<object>[],
  ): Promise<string[]> {
    const spec = READ_MODELS[model];
    const statement = versionedUpsert(
      spec.table,
      spec.columns as readonly ReadModelColumn<object>[],
      changes,
    );
    if (!statement) return [];
    const rows: { id: string }[] = await manager.query(statement.sql, statement.params);
    // The trends' history (issue 21) beside the read model; without a transaction of the
    // caller's (applyChanges, the rebuild) a crash between the two repeats the batch, which both
    // statements absorb (versioned).
    const history = historyUpsert(model, changes);
    if (history) await manager.query(history.sql, history.params);
    return rows.map((r) => r.id);
  }

  /**
   * Which of `ids` (just applied to `model`) are NON_PUBLIC records, with their Land, deleted ones
   * included: a tombstone keeps the last state, so a withdrawn NON_PUBLIC record stays unnamed to
   * the public. A record first seen as its tombstone (registered and withdrawn in one batch, or
   * its registration compacted away) has no known state and may have been NON_PUBLIC: it counts
   * as one, of no Land, so only reviewers are told of it.
   */
  private async nonPublicAmong(
    manager: EntityManager,
    model: ReadModelName,
    ids: readonly string[],
  ): Promise<NonPublicRecord[]> {
    const spec = READ_MODELS[model];
    if (ids.length === 0 || !spec.columns.some((c) => c.name === 'access_rights')) return [];
    return manager.query(
      `SELECT id::text AS id, land_code AS "landCode" FROM ${spec.table}
       WHERE id = ANY ($1::uuid[])
         AND (access_rights = 'NON_PUBLIC'
              OR (deleted AND access_rights IS NULL AND coalesce(land_code, '') = ''))`,
      [ids],
    );
  }
}
