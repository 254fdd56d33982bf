/**
 * The entry list's state (Erfassung, issue 22 part 4): the Land's records of every kind joined
 * with their state in the current survey round, and which actions the page offers on each. The
 * rule "never offer an action on another Land's record" lives here, once. Pure: no DOM.
 */
import { entryKindOf, roundKindOf, type EntryKind } from './fields';

export type RoundStatus = 'open' | 'confirmed' | 'updated' | 'withdrawn';
/** `new`: created while the round is open (not in the round's snapshot); `none`: no open round. */
export type EntryState = RoundStatus | 'new' | 'none';

export interface RecordSummary {
  id: string;
  kind: EntryKind;
  title: string;
  landCode: string | null;
  accessRights?: string;
  version: number;
  source?: string;
}

export interface RoundRecord {
  id: string;
  kind: string;
  landCode: string;
  status: string;
  late: boolean;
  actedBy: string | null;
  actedAt: string | null;
  reason: string | null;
}

export interface Round {
  id: string;
  title: string;
  referenceDate: string;
  deadline: string;
  kinds: string[];
  state: 'open' | 'closed';
  laender: { landCode: string; completedAt: string | null; completedBy: string | null }[];
}

export interface Principal {
  name: string;
  role: string;
  landCode: string | null;
}

export interface Entry {
  id: string;
  kind: EntryKind;
  title: string;
  landCode: string | null;
  nonPublic: boolean;
  version: number | null;
  state: EntryState;
  late: boolean;
  actedBy: string | null;
  actedAt: string | null;
  reason: string | null;
}

const ROUND_STATUSES: readonly string[] = ['open', 'confirmed', 'updated', 'withdrawn'];

/**
 * One row per record: the live records (lists of the registry) and the round's records (the
 * withdrawn ones are only there). Records of other Länder are dropped even if a list returned
 * them, so the page cannot show what it must not act on.
 */
export function joinEntries(
  records: readonly RecordSummary[],
  roundRecords: readonly RoundRecord[],
  landCode: string,
  round: Round | undefined,
): Entry[] {
  const inRound = new Map(roundRecords.map((r) => [r.id, r]));
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    if (record.landCode !== landCode || seen.has(record.id)) continue;
    seen.add(record.id);
    const state = inRound.get(record.id);
    entries.push({
      id: record.id,
      kind: record.kind,
      title: record.title,
      landCode: record.landCode,
      nonPublic: record.accessRights === 'NON_PUBLIC',
      version: record.version,
      state: !round ? 'none' : state ? statusOf(state.status) : 'new',
      late: state?.late ?? false,
      actedBy: state?.actedBy ?? null,
      actedAt: state?.actedAt ?? null,
      reason: state?.reason ?? null,
    });
  }
  for (const record of roundRecords) {
    const kind = entryKindOf(record.kind);
    if (
      !kind ||
      seen.has(record.id) ||
      record.landCode !== landCode ||
      record.status !== 'withdrawn'
    )
      continue;
    entries.push({
      id: record.id,
      kind,
      title: '',
      landCode: record.landCode,
      nonPublic: false,
      version: null,
      state: 'withdrawn',
      late: record.late,
      actedBy: record.actedBy,
      actedAt: record.actedAt,
      reason: record.reason,
    });
  }
  return entries;
}

function statusOf(status: string): RoundStatus {
  return (ROUND_STATUSES.includes(status) ? status : 'open') as RoundStatus;
}

export interface Actions {
  confirm: boolean;
  edit: boolean;
  withdraw: boolean;
}

const NONE: Actions = { confirm: false, edit: false, withdraw: false };

/** What the page offers on an entry: nothing on another Land's record, nothing on a withdrawn one. */
export function actionsFor(entry: Entry, principal: Principal, round: Round | undefined): Actions {
  if (!mayWrite(principal, entry.landCode) || entry.state === 'withdrawn') return NONE;
  const roundOpen = round?.state === 'open' && round.kinds.includes(roundKindOf(entry.kind));
  return {
    confirm: roundOpen && entry.state === 'open',
    edit: true,
    withdraw: roundOpen && entry.state !== 'new',
  };
}

/** Land editors write their own Land's records; admins all (the registry decides in the end). */
export function mayWrite(principal: Principal, landCode: string | null): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'land-editor' && !!landCode && principal.landCode === landCode;
}

/**
 * The list after a confirmation, from the registry's answer (each confirmed record with its new
 * state), without loading every list again.
 */
export function applyConfirmations(
  entries: readonly Entry[],
  items: readonly Pick<RoundRecord, 'id' | 'status' | 'late' | 'actedBy' | 'actedAt'>[],
): Entry[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return entries.map((entry) => {
    const item = byId.get(entry.id);
    return item
      ? {
          ...entry,
          state: statusOf(item.status),
          late: item.late,
          actedBy: item.actedBy,
          actedAt: item.actedAt,
        }
      : entry;
  });
}

export type Counts = Record<EntryState, number>;

export function countStates(entries: readonly Entry[]): Counts {
  const counts: Counts = { open: 0, confirmed: 0, updated: 0, withdrawn: 0, new: 0, none: 0 };
  for (const entry of entries) counts[entry.state] += 1;
  return counts;
}

/** The ids a bulk confirmation sends, in requests of at most `size` (the registry takes 1,000). */
export function confirmationBatches(
  entries: readonly Entry[],
  selected: ReadonlySet<string>,
  principal: Principal,
  round: Round | undefined,
  size = 1000,
): string[][] {
  const ids = entries
    .filter((e) => selected.has(e.id) && actionsFor(e, principal, round).confirm)
    .map((e) => e.id);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  return batches;
}

/** The current round for a Land: the newest open one that has the Land in scope. */
export function currentRound(rounds: readonly Round[], landCode: string): Round | undefined {
  return rounds.find((r) => r.state === 'open' && r.laender.some((l) => l.landCode === landCode));
}

/** Has the Land declared "nothing more to add" in this round? */
export function completedBy(round: Round | undefined, landCode: string) {
  return round?.laender.find((l) => l.landCode === landCode && l.completedAt) ?? undefined;
}

/** Entries filtered by kind and state ('' = all), sorted by kind, then title. */
export function visibleEntries(
  entries: readonly Entry[],
  filter: { kind: string; state: string },
): Entry[] {
  const order = ['platform', 'twin', 'dataset', 'endpoint', 'organisation'];
  return entries
    .filter(
      (e) =>
        (!filter.kind || e.kind === filter.kind) && (!filter.state || e.state === filter.state),
    )
    .sort(
      (a, b) =>
        order.indexOf(a.kind) - order.indexOf(b.kind) ||
        a.title.localeCompare(b.title, 'de') ||
        a.id.localeCompare(b.id),
    );
}
