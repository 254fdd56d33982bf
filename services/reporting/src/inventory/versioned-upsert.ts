import { RecordChange } from './record-change';

/** One entity column of a read model: its SQL type, its value in an upsert, and a filler for deletes. */
export interface ReadModelColumn<F> {
  name: string;
  /** PostgreSQL array element type, e.g. `text`, `int`. */
  type: string;
  value: (fields: F) => unknown;
  /** Stored when the first thing seen of a record is its tombstone (NOT NULL columns need one). */
  whenDeleted: unknown;
}

/** Keeps only the newest change per record: one statement may touch each row once. */
export function latestPerRecord<T extends { id: string; version: number }>(
  changes: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const change of changes) {
    const seen = latest.get(change.id);
    if (!seen || seen.version < change.version) latest.set(change.id, change);
  }
  return [...latest.values()];
}

/**
 * One statement applying a batch to a read model table (id, entity columns, version, deleted,
 * updated_at, last_event_id). A row changes only when the event's version is newer than the
 * stored one, so redelivered or older events change nothing; a delete keeps the last state's
 * columns and only marks the row. Table and column names are constants of this service.
 */
export function versionedUpsert<F>(
  table: string,
  columns: readonly ReadModelColumn<F>[],
  changes: readonly RecordChange<F>[],
): { sql: string; params: unknown[][] } | null {
  const latest = latestPerRecord(changes);
  if (latest.length === 0) return null;
  const names = columns.map((c) => c.name);
  const keep = (name: string) =>
    `${name} = CASE WHEN EXCLUDED.deleted THEN ${table}.${name} ELSE EXCLUDED.${name} END`;
  const types = ['uuid', ...columns.map((c) => c.type), 'int', 'boolean', 'timestamptz', 'text'];
  const sql = `INSERT INTO ${table} (id, ${names.join(', ')}, version, deleted, updated_at, last_event_id)
     SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET
       ${[...names.map(keep), 'version = EXCLUDED.version', 'deleted = EXCLUDED.deleted', 'updated_at = EXCLUDED.updated_at', 'last_event_id = EXCLUDED.last_event_id'].join(',\n       ')}
     WHERE ${table}.version < EXCLUDED.version`;
  const params = [
    latest.map((c) => c.id),
    ...columns.map((column) =>
      latest.map((c) => (c.kind === 'upsert' ? column.value(c) : column.whenDeleted)),
    ),
    latest.map((c) => c.version),
    latest.map((c) => c.kind === 'delete'),
    latest.map((c) => c.updatedAt.toISOString()),
    latest.map((c) => c.eventId),
  ];
  return { sql, params };
}
