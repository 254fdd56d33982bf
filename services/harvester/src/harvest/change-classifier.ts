/**
 * The harvester's change rules, as pure functions: which records of a page are new, changed,
 * unchanged or repeated, which version each gets, and which records vanished. The record store
 * only reads and writes what these decide.
 */

/** What the store holds of one record (read under lock before the page is written). */
export interface StoredRecordState {
  fileIdentifier: string;
  checksum: string;
  version: number;
  withdrawn: boolean;
  /** The last job that delivered the record. */
  lastSeenJob: string;
}

/** A record of a page, as far as change detection needs it. */
export interface ClassifiableCandidate {
  fileIdentifier: string;
  /** Published checksum (see publishedChecksum). */
  checksum: string;
}

export interface PageOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Identifiers this job had already stored from an earlier page. */
  repeated: string[];
}

/** One row to write: every candidate of the page is written (it was seen by this job). */
export interface RecordWrite {
  fileIdentifier: string;
  checksum: string;
  version: number;
}

export interface PagePlan<C extends ClassifiableCandidate> {
  outcome: PageOutcome;
  /** Every candidate, sorted by fileIdentifier (the lock and write order). */
  writes: RecordWrite[];
  /** New or changed candidates with their new version, in write order: each gets an event. */
  changed: { candidate: C; version: number }[];
}

/** Sorted by fileIdentifier (code-unit order), so parallel pages of one job lock in one order. */
export function sortByIdentifier<C extends ClassifiableCandidate>(candidates: readonly C[]): C[] {
  return [...candidates].sort((a, b) =>
    a.fileIdentifier < b.fileIdentifier ? -1 : a.fileIdentifier > b.fileIdentifier ? 1 : 0,
  );
}

/**
 * Classifies a page against what is stored for its identifiers:
 * - created: never stored, or stored but withdrawn (it came back) — the version goes up by one;
 * - updated: live with another checksum — the version goes up by one;
 * - unchanged: live with the same checksum — the version stays, no event;
 * - repeated (in addition to one of the above): this job already stored it from an earlier page.
 */
export function classifyPage<C extends ClassifiableCandidate>(
  stored: readonly StoredRecordState[],
  candidates: readonly C[],
  jobId: string,
): PagePlan<C> {
  const outcome: PageOutcome = { created: 0, updated: 0, unchanged: 0, repeated: [] };
  const previous = new Map(stored.map((s) => [s.fileIdentifier, s]));
  const writes: RecordWrite[] = [];
  const changed: PagePlan<C>['changed'] = [];
  for (const candidate of sortByIdentifier(candidates)) {
    const before = previous.get(candidate.fileIdentifier);
    if (before?.lastSeenJob === jobId) outcome.repeated.push(candidate.fileIdentifier);
    let version: number;
    if (!before || before.withdrawn) {
      version = (before?.version ?? 0) + 1;
      outcome.created++;
      changed.push({ candidate, version });
    } else if (before.checksum !== candidate.checksum) {
      version = before.version + 1;
      outcome.updated++;
      changed.push({ candidate, version });
    } else {
      version = before.version;
      outcome.unchanged++;
    }
    writes.push({
      fileIdentifier: candidate.fileIdentifier,
      checksum: candidate.checksum,
      version,
    });
  }
  return { outcome, writes, changed };
}

/**
 * The vanished rule: a live (not withdrawn) record that the job did not deliver. A withdrawal
 * raises the version by one. The store applies it set-based, with the SQL below.
 */
export function isVanished(state: StoredRecordState, jobId: string): boolean {
  return !state.withdrawn && state.lastSeenJob !== jobId;
}

/** `isVanished` over harvest_record, with the job id as the parameter `jobParam` (e.g. `$2`). */
export function vanishedWhere(jobParam: string): string {
  return `withdrawn_at IS NULL AND last_seen_job <> ${jobParam}`;
}

/** The version a record gets when it is withdrawn. */
export const withdrawnVersion = (version: number): number => version + 1;
