/**
 * The survey round's state machine (issue 22), as pure decisions: what a round in a given state
 * accepts at a given time. The repository locks and writes; these functions say what to write.
 *
 *   open ──close──▶ closed        (closing is final: a closed round never reopens)
 *   per record:  open ──confirm──▶ confirmed
 *                open/confirmed ──write (PUT, PATCH, import)──▶ updated
 *                open/confirmed/updated ──delete──▶ withdrawn   (final)
 *
 * Confirmations and writes after the deadline but before the close are accepted and marked late.
 */

export type RoundState = 'open' | 'closed';
export type RoundRecordStatus = 'open' | 'confirmed' | 'updated' | 'withdrawn';

export interface RoundTimes {
  state: RoundState;
  deadline: Date;
}

/** Why a round refuses an action: the caller answers 409 with this text. */
export class RoundRefusal {
  constructor(readonly reason: string) {}
}

/** Whether the round takes confirmations, writes and declarations now, and whether they are late. */
export function decideAction(round: RoundTimes, now: Date): { late: boolean } | RoundRefusal {
  if (round.state === 'closed')
    return new RoundRefusal('the round is closed; its results are frozen');
  return { late: now.getTime() > round.deadline.getTime() };
}

export function decideClose(round: RoundTimes): true | RoundRefusal {
  if (round.state === 'closed') return new RoundRefusal('the round is already closed');
  return true;
}

/** A closed round stays closed: a new survey is a new round. An open one is open already. */
export function decideReopen(round: RoundTimes): RoundRefusal {
  return round.state === 'closed'
    ? new RoundRefusal('a closed round cannot be reopened; open a new round instead')
    : new RoundRefusal('the round is open');
}

/**
 * A record's next status in the round after `action`, or null when the action changes nothing
 * (confirming what was updated or confirmed keeps the status but refreshes who and when; a
 * withdrawn record stays withdrawn and cannot be confirmed).
 */
export function nextRecordStatus(
  current: RoundRecordStatus,
  action: 'confirm' | 'update' | 'withdraw',
): RoundRecordStatus | RoundRefusal {
  if (current === 'withdrawn') return new RoundRefusal('the record was withdrawn in this round');
  switch (action) {
    case 'confirm':
      return current === 'updated' ? 'updated' : 'confirmed';
    case 'update':
      return 'updated';
    case 'withdraw':
      return 'withdrawn';
  }
}

/** The kinds a round can take in scope, as the registry names them, and their tables. */
export const ROUND_KIND_TABLES: Readonly<Record<string, string>> = {
  organisation: 'organisation',
  platform: 'platform',
  'digital-twin': 'digital_twin',
  endpoint: 'endpoint',
  dataset: 'dataset',
};
export const ROUND_KINDS = Object.keys(ROUND_KIND_TABLES);

/**
 * The in-scope records of a kind's table: live, of a Land in scope, entered by a Land (harvested
 * datasets are maintained by their source catalogue and are not the Land editor's to confirm).
 */
export function inScopeCondition(kind: string, alias: string): string {
  const harvested = kind === 'dataset' ? ` AND ${alias}.source <> 'harvested'` : '';
  return `${alias}.deleted_at IS NULL${harvested}`;
}

export interface LandTally {
  inScope: number;
  confirmed: number;
  updated: number;
  withdrawn: number;
  late: number;
  created: number;
}

/** A Land's frozen result: open is what nobody touched. */
export function landResult(t: LandTally) {
  return {
    open: Math.max(0, t.inScope - t.confirmed - t.updated - t.withdrawn),
    confirmed: t.confirmed,
    updated: t.updated,
    withdrawn: t.withdrawn,
    created: t.created,
    late: t.late,
  };
}
