import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformChange, PlatformFields } from './platform-event';
import { TwinChange, TwinFields } from './twin-event';
import { ReadModelColumn, versionedUpsert } from './versioned-upsert';

const PLATFORM_COLUMNS: readonly ReadModelColumn<PlatformFields>[] = [
  { name: 'land_code', type: 'text', value: (p) => p.landCode, whenDeleted: '' },
  { name: 'name', type: 'text', value: (p) => p.name, whenDeleted: '' },
  { name: 'type', type: 'text', value: (p) => p.type, whenDeleted: '' },
  { name: 'status', type: 'text', value: (p) => p.status, whenDeleted: '' },
  { name: 'source', type: 'text', value: (p) => p.source, whenDeleted: 'manual' },
];

const TWIN_COLUMNS: readonly ReadModelColumn<TwinFields>[] = [
  { name: 'land_code', type: 'text', value: (t) => t.landCode, whenDeleted: null },
  { name: 'name', type: 'text', value: (t) => t.name, whenDeleted: '' },
  { name: 'kind', type: 'text', value: (t) => t.twinKind, whenDeleted: '' },
  { name: 'scope', type: 'text', value: (t) => t.scope, whenDeleted: '' },
  { name: 'maturity_level', type: 'int', value: (t) => t.maturityLevel, whenDeleted: 1 },
];

/** The only code that touches reporting's tables. */
@Injectable()
export class InventoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Applies a batch of platform changes in one statement (versioned, idempotent). */
  applyPlatformChanges(changes: readonly PlatformChange[]): Promise<void> {
    return this.apply(versionedUpsert('platform_item', PLATFORM_COLUMNS, changes));
  }

  /** Same rules as platforms: a change applies only when its version is newer. */
  applyTwinChanges(changes: readonly TwinChange[]): Promise<void> {
    return this.apply(versionedUpsert('twin_item', TWIN_COLUMNS, changes));
  }

  private async apply(statement: { sql: string; params: unknown[][] } | null): Promise<void> {
    if (statement) await this.dataSource.query(statement.sql, statement.params);
  }

  async twinCountsByLand(): Promise<Map<string, number>> {
    const rows: { land_code: string; twins: number }[] = await this.dataSource.query(
      'SELECT land_code, count(*)::int AS twins FROM twin_item WHERE NOT deleted AND land_code IS NOT NULL GROUP BY land_code',
    );
    return new Map(rows.map((r) => [r.land_code, r.twins]));
  }

  async platformCountsByLand(): Promise<Map<string, number>> {
    const rows: { land_code: string; platforms: number }[] = await this.dataSource.query(
      'SELECT land_code, count(*)::int AS platforms FROM platform_item WHERE NOT deleted GROUP BY land_code',
    );
    return new Map(rows.map((r) => [r.land_code, r.platforms]));
  }
}
