import { CswError, type HarvestResult } from '@dpi/csw';
import type { HarvestMode } from '../jobs/entities/harvest-job.entity';
import type { JobFields } from '../jobs/jobs.repository';
import type { DeleteDecision } from './delete-policy';
import type { IssueDraft } from './page-screening';
import { errorMessageOf, PAGE_WARNING_CODES, snippetOfError, warning } from './run-state';

/** Why a job was stopped from outside (the abort reason of its signal). */
export type StopRequest =
  | { kind: 'cancelled' }
  | { kind: 'stalled'; idleMs: number }
  | { kind: 'shutdown' }
  | { kind: 'lockLost'; error: string };

/** How a job ends: the fields to set on it and the issues to record with them. */
export interface JobOutcome {
  fields: JobFields;
  issues: IssueDraft[];
}

/** A run that paged to the end; `considerDeletes` says whether vanished records may be withdrawn. */
export interface HarvestedOutcome extends JobOutcome {
  considerDeletes: boolean;
}

const NOTHING_WITHDRAWN = 'no records were withdrawn';

/**
 * The catalogue was paged to the end. The run succeeded if it received every matched record and
 * every record could be harvested; otherwise it partially succeeded and says why. Only a
 * successful full run may withdraw what it did not see (then `withDeletes` decides how much).
 */
export function harvestedOutcome(input: {
  result: Pick<
    HarvestResult,
    'complete' | 'received' | 'numberOfRecordsMatched' | 'stopReason' | 'warnings'
  >;
  /** Records of the run that could not be harvested. */
  failed: number;
  mode: HarvestMode;
}): HarvestedOutcome {
  const { result, failed, mode } = input;
  const issues = result.warnings
    .filter((w) => !PAGE_WARNING_CODES.has(w.code))
    .map((w) => warning(w.code, w.message));
  const problems: string[] = [];
  if (!result.complete) {
    problems.push(
      `received ${result.received} of ${result.numberOfRecordsMatched ?? 'an unknown number of'} matched records (paging stopped: ${result.stopReason})`,
    );
  }
  if (failed > 0) {
    problems.push(`${failed} record(s) could not be harvested (see the job's errors)`);
  }
  const succeeded = problems.length === 0;
  return {
    fields: {
      state: succeeded ? 'succeeded' : 'partiallySucceeded',
      matched: result.numberOfRecordsMatched,
      stopReason: result.stopReason,
      message: succeeded ? '' : `${problems.join('; ')}; ${NOTHING_WITHDRAWN}`,
    },
    issues,
    considerDeletes: succeeded && mode === 'full',
  };
}

/**
 * A harvested outcome with the delete rule's decision applied: held back deletes mark the job
 * and say why (message and a warning); `withdraw` says whether the vanished records go.
 */
export function withDeletes(
  outcome: JobOutcome,
  decision: DeleteDecision,
): JobOutcome & { withdraw: boolean } {
  if (decision.kind === 'holdBack') {
    return {
      fields: { ...outcome.fields, deletesHeldBack: true, message: decision.message },
      issues: [...outcome.issues, warning('DELETES_HELD_BACK', decision.message)],
      withdraw: false,
    };
  }
  return { ...outcome, withdraw: decision.kind === 'delete' };
}

/**
 * The job was stopped from outside (no reason counts as cancelled). Only an operator's cancel
 * ends as cancelled; the others fail the job, and none withdraws anything.
 */
export function stoppedOutcome(request: StopRequest | undefined): JobOutcome {
  const kind = request?.kind ?? 'cancelled';
  const messages: Record<StopRequest['kind'], string> = {
    cancelled: `cancelled by an operator; ${NOTHING_WITHDRAWN}`,
    stalled: `no progress for ${Math.round(((request as { idleMs?: number })?.idleMs ?? 0) / 1000)} s: stopped by the watchdog; ${NOTHING_WITHDRAWN}`,
    shutdown: 'the harvester shut down during the job; the next run repeats it',
    lockLost: `lost the database session holding the source lock (${(request as { error?: string })?.error ?? 'unknown'}); stopped to let another run take over`,
  };
  return {
    fields: { state: kind === 'cancelled' ? 'cancelled' : 'failed', message: messages[kind] },
    issues: [],
  };
}

/**
 * The run failed: a remote failure (CswError) is recorded with its code, anything else as
 * INTERNAL; the message is readable, the snippet shows what the catalogue sent.
 */
export function failedOutcome(error: unknown): JobOutcome {
  const message = errorMessageOf(error);
  return {
    fields: { state: 'failed', message: `${message}; ${NOTHING_WITHDRAWN}` },
    issues: [
      {
        severity: 'error',
        code: error instanceof CswError ? error.code : 'INTERNAL',
        identifier: null,
        message,
        snippet: snippetOfError(error),
      },
    ],
  };
}
