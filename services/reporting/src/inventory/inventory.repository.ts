import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { latestPerRecord, PlatformChange } from './platform-event';
import { TwinChange } from './twin-event';

/** The only code that touches reporting's tables. */
@Injectable()
export class InventoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Applies a batch in one statement. A row changes only when the event's version is newer than
   * the stored one, so a redelivered or older event changes nothing (idempotent, order-safe).
   */
  async applyPlatformChanges(changes: readonly PlatformChange[]): Promise<void> {
    const latest = latestPerRecord(changes);
    if (latest.length === 0) return;
    const col = <T>(pick: (c: PlatformChange) => T) => latest.map(pick);
    const upsert = (c: PlatformChange) => (c.kind === 'upsert' ? c : null);
    await this.dataSource.query(
      `INSERT INTO platform_item (id, land_code, name, type, status, source, version, deleted, updated_at, last_event_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
                            $8::boolean[], $9::timestamptz[], $10::text[])
       ON CONFLICT (id) DO UPDATE SET
         land_code = CASE WHEN EXCLUDED.deleted THEN platform_item.land_code ELSE EXCLUDED.land_code END,
         name = CASE WHEN EXCLUDED.deleted THEN platform_item.name ELSE EXCLUDED.name END,
         type = CASE WHEN EXCLUDED.deleted THEN platform_item.type ELSE EXCLUDED.type END,
         status = CASE WHEN EXCLUDED.deleted THEN platform_item.status ELSE EXCLUDED.status END,
         source = CASE WHEN EXCLUDED.deleted THEN platform_item.source ELSE EXCLUDED.source END,
         version = EXCLUDED.version,
         deleted = EXCLUDED.deleted,
         updated_at = EXCLUDED.updated_at,
         last_event_id = EXCLUDED.last_event_id
       WHERE platform_item.version < EXCLUDED.version`,
      [
        col((c) => c.id),
        col((c) => upsert(c)?.landCode ?? ''),
        col((c) => upsert(c)?.name ?? ''),
        col((c) => upsert(c)?.type ?? ''),
        col((c) => upsert(c)?.status ?? ''),
        col((c) => upsert(c)?.source ?? 'manual'),
        col((c) => c.version),
        col((c) => c.kind === 'delete'),
        col((c) => c.updatedAt.toISOString()),
        col((c) => c.eventId),
      ],
    );
  }

  /** Same rules as platforms: a change applies only when its version is newer. */
  async applyTwinChanges(changes: readonly TwinChange[]): Promise<void> {
    const latest = latestPerRecord(changes);
    if (latest.length === 0) return;
    const col = <T>(pick: (c: TwinChange) => T) => latest.map(pick);
    const upsert = (c: TwinChange) => (c.kind === 'upsert' ? c : null);
    await this.dataSource.query(
      `INSERT INTO twin_item (id, land_code, name, kind, scope, maturity_level, version, deleted, updated_at, last_event_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[],
                            $8::boolean[], $9::timestamptz[], $10::text[])
       ON CONFLICT (id) DO UPDATE SET
         land_code = CASE WHEN EXCLUDED.deleted THEN twin_item.land_code ELSE EXCLUDED.land_code END,
         name = CASE WHEN EXCLUDED.deleted THEN twin_item.name ELSE EXCLUDED.name END,
         kind = CASE WHEN EXCLUDED.deleted THEN twin_item.kind ELSE EXCLUDED.kind END,
         scope = CASE WHEN EXCLUDED.deleted THEN twin_item.scope ELSE EXCLUDED.scope END,
         maturity_level = CASE WHEN EXCLUDED.deleted THEN twin_item.maturity_level ELSE EXCLUDED.maturity_level END,
         version = EXCLUDED.version,
         deleted = EXCLUDED.deleted,
         updated_at = EXCLUDED.updated_at,
         last_event_id = EXCLUDED.last_event_id
       WHERE twin_item.version < EXCLUDED.version`,
      [
        col((c) => c.id),
        col((c) => upsert(c)?.landCode ?? null),
        col((c) => upsert(c)?.name ?? ''),
        col((c) => upsert(c)?.twinKind ?? ''),
        col((c) => upsert(c)?.scope ?? ''),
        col((c) => upsert(c)?.maturityLevel ?? 1),
        col((c) => c.version),
        col((c) => c.kind === 'delete'),
        col((c) => c.updatedAt.toISOString()),
        col((c) => c.eventId),
      ],
    );
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
