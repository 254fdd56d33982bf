import type { ReadModelName } from './read-models';
import type { RecordChange } from './record-change';

/** The read models whose records the trends follow (issue 21). */
export const HISTORY_KINDS = {
  platform: 'platform',
  twin: 'twin',
  dataset: 'dataset',
  endpoint: 'endpoint',
} as const satisfies Partial<Record<ReadModelName, string>>;

type HistoryModel = keyof typeof HISTORY_KINDS;
export const hasHistory = (model: ReadModelName): model is HistoryModel => model in HISTORY_KINDS;

/** What a change may carry that the history keeps (every followed kind has a Land and a source). */
interface HistoryFields {
  landCode?: string | null;
  source?: string;
  accessRights?: string | null;
}

/**
 * One statement recording a batch of one read model in `record_history`: per record its Land,
 * source and access rights (a withdrawal keeps the last state's), when it
 * was registered (the state's `created_at`), when it was withdrawn (the tombstone's time, cleared
 * if the record comes back), and the first version and time the projection saw of it: a first
 * version above 1 means Kafka's compaction had dropped what came before. Versioned like the read
 * models, so redelivered and older events change nothing.
 */
export function historyUpsert(
  model: ReadModelName,
  changes: readonly RecordChange<object>[],
): { sql: string; params: unknown[] } | null {
  if (!hasHistory(model) || changes.length === 0) return null;
  const byId = new Map<
    string,
    { latest: RecordChange<object>; first: RecordChange<object>; state?: RecordChange<object> }
  >();
  for (const change of changes) {
    const seen = byId.get(change.id) ?? { latest: change, first: change };
    if (change.version >= seen.latest.version) seen.latest = change;
    if (change.version < seen.first.version) seen.first = change;
    // The newest state in the batch: a record registered and withdrawn in one batch keeps it.
    if (change.kind === 'upsert' && (!seen.state || change.version > seen.state.version))
      seen.state = change;
    byId.set(change.id, seen);
  }
  const rows = [...byId.values()].map(({ latest, first, state }) => {
    const fields = (state ?? {}) as HistoryFields & { registeredAt?: Date | null };
    return {
      id: latest.id,
      land_code: fields.landCode || null,
      source: fields.source ?? null,
      access_rights: fields.accessRights ?? null,
      registered_at: fields.registeredAt?.toISOString() ?? null,
      withdrawn_at: latest.kind === 'delete' ? latest.updatedAt.toISOString() : null,
      first_version: first.version,
      first_seen_at: first.updatedAt.toISOString(),
      version: latest.version,
    };
  });
  // A withdrawal keeps the stored state unless its batch brought a newer one.
  const keep = (name: string) =>
    `${name} = CASE WHEN EXCLUDED.withdrawn_at IS NOT NULL THEN coalesce(EXCLUDED.${name}, record_history.${name}) ELSE EXCLUDED.${name} END`;
  const sql = `INSERT INTO record_history
      (id, kind, land_code, source, access_rights, registered_at, withdrawn_at, first_version, first_seen_at, version)
    SELECT r.id, $2, r.land_code, r.source, r.access_rights, r.registered_at, r.withdrawn_at,
      r.first_version, r.first_seen_at, r.version
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, land_code text, source text, access_rights text,
      registered_at timestamptz, withdrawn_at timestamptz, first_version int, first_seen_at timestamptz,
      version int)
    ON CONFLICT (id) DO UPDATE SET
      ${keep('land_code')}, ${keep('source')}, ${keep('access_rights')},
      registered_at = coalesce(EXCLUDED.registered_at, record_history.registered_at),
      withdrawn_at = EXCLUDED.withdrawn_at,
      first_version = least(record_history.first_version, EXCLUDED.first_version),
      first_seen_at = least(record_history.first_seen_at, EXCLUDED.first_seen_at),
      version = EXCLUDED.version
    WHERE record_history.version < EXCLUDED.version`;
  return { sql, params: [JSON.stringify(rows), HISTORY_KINDS[model]] };
}
