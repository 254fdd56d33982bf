/** What a finished full run may do with the records it did not see. */
export type DeleteDecision =
  | { kind: 'none' }
  | { kind: 'delete'; count: number }
  | { kind: 'holdBack'; count: number; share: number; message: string };

export interface DeleteInput {
  /** Live records of the source before the run (not yet withdrawn). */
  live: number;
  /** Of those, the ones the run did not deliver. */
  missing: number;
  /** Largest share (0–1) that may vanish in one run. */
  threshold: number;
}

/**
 * The delete rule: records missing after a successful full run are withdrawn, unless more than
 * `threshold` of the live records would vanish at once; then nothing is withdrawn and the job says
 * why (a catalogue that suddenly returns a fraction of its records is broken far more often than
 * emptied). Only successful full runs call this: failed, partial and cancelled runs never delete.
 */
export function decideDeletes({ live, missing, threshold }: DeleteInput): DeleteDecision {
  if (missing <= 0 || live <= 0) return { kind: 'none' };
  const share = missing / live;
  if (share > threshold) {
    return {
      kind: 'holdBack',
      count: missing,
      share,
      message:
        `deletes held back: ${missing} of ${live} records (${percent(share)}) were not delivered, ` +
        `more than the allowed ${percent(threshold)}; check the catalogue, then run a full harvest ` +
        'again or raise HARVEST_DELETE_THRESHOLD',
    };
  }
  return { kind: 'delete', count: missing };
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString()} %`;
}
