import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { READ_MODELS, ReadModelName } from './read-models';
import { RecordChange } from './record-change';
import { ReadModelColumn, versionedUpsert } from './versioned-upsert';

/** The only code that writes reporting's read-model tables. */
@Injectable()
export class ReadModelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Applies a batch of one read model in one statement (versioned, idempotent); returns the ids
   * of the rows that changed (empty when everything was redelivered or out of date).
   */
  async applyChanges(
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
    const rows: { id: string }[] = await this.dataSource.query(statement.sql, statement.params);
    return rows.map((r) => r.id);
  }

  /**
   * Which of `ids` (just applied to `model`) are NON_PUBLIC records, with their Land, deleted ones
   * included: a tombstone keeps the last state, so a withdrawn NON_PUBLIC record stays unnamed to
   * the public.
   */
  async nonPublicAmong(
    model: ReadModelName,
    ids: readonly string[],
  ): Promise<{ id: string; landCode: string | null }[]> {
    const spec = READ_MODELS[model];
    if (ids.length === 0 || !spec.columns.some((c) => c.name === 'access_rights')) return [];
    return this.dataSource.query(
      `SELECT id::text AS id, land_code AS "landCode" FROM ${spec.table}
       WHERE id = ANY ($1::uuid[]) AND access_rights = 'NON_PUBLIC'`,
      [ids],
    );
  }
}
