import { RecordChange } from './record-change';

/** One entity column of a read model: its SQL type, its value in an upsert, and a filler for deletes. */
export interface ReadModelColumn<F> {
  name: string;
  /** PostgreSQL type of the value as it travels in the batch's JSON, e.g. `text`, `int`, `text[]`. */
  type: string;
  value: (fields: F) => unknown;
  /** Stored when the first thing seen of a record is its tombstone (NOT NULL columns need one). */
  whenDeleted: unknown;
  /** SQL turning the travelling value `r.<name>` into the stored one (e.g. GeoJSON → geometry). */
  select?: string;
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
 * updated_at, last_event_id). The batch travels as one JSON array (`jsonb_to_recordset`), so
 * array and geometry columns need no per-row statements. A row changes only when the event's
 * version is newer than the stored one, so redelivered or older events change nothing; a delete
 * keeps the last state's columns and only marks the row. Table and column names are constants
 * of this service.
 */
export function versionedUpsert<F>(
  table: string,
  columns: readonly ReadModelColumn<F>[],
  changes: readonly RecordChange<F>[],
): { sql: string; params: unknown[] } | null {
  const latest = latestPerRecord(changes);
  if (latest.length === 0) return null;
  const names = columns.map((c) => c.name);
  const keep = (name: string) =>
    `${name} = CASE WHEN EXCLUDED.deleted THEN ${table}.${name} ELSE EXCLUDED.${name} END`;
  const recordType = [
    'id uuid',
    ...columns.map((c) => `${c.name} ${c.type}`),
    'version int',
    'deleted boolean',
    'updated_at timestamptz',
    'last_event_id text',
  ].join(', ');
  const selected = [
    'r.id',
    ...columns.map((c) => c.select ?? `r.${c.name}`),
    'r.version',
    'r.deleted',
    'r.updated_at',
    'r.last_event_id',
  ].join(', ');
  const sql = `INSERT INTO ${table} (id, ${names.join(', ')}, version, deleted, updated_at, last_event_id)
     SELECT ${selected} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})
     ON CONFLICT (id) DO UPDATE SET
       ${[...names.map(keep), 'version = EXCLUDED.version', 'deleted = EXCLUDED.deleted', 'updated_at = EXCLUDED.updated_at', 'last_event_id = EXCLUDED.last_event_id'].join(',\n       ')}
     WHERE ${table}.version < EXCLUDED.version
     RETURNING id`;
  const rows = latest.map((change) => {
    const row: Record<string, unknown> = { id: change.id };
    for (const column of columns)
      row[column.name] = change.kind === 'upsert' ? column.value(change) : column.whenDeleted;
    row.version = change.version;
    row.deleted = change.kind === 'delete';
    row.updated_at = change.updatedAt.toISOString();
    row.last_event_id = change.eventId;
    return row;
  });
  return { sql, params: [JSON.stringify(rows)] };
}
