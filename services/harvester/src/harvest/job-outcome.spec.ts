import { CswTimeoutError, HttpStatusError, XmlSyntaxError, type HarvestResult } from '@dpi/csw';
import { decideDeletes } from './delete-policy';
import {
  failedOutcome,
  harvestedOutcome,
  stoppedOutcome,
  withDeletes,
  type JobOutcome,
} from './job-outcome';

type Paged = Parameters<typeof harvestedOutcome>[0]['result'];
const paged = (fields: Partial<HarvestResult> = {}): Paged => ({
  complete: true,
  received: 10,
  numberOfRecordsMatched: 10,
  stopReason: 'nextRecordZero',
  warnings: [],
  ...fields,
});

describe('harvestedOutcome', () => {
  it('succeeds a complete run without failed records, with no message, and a full run considers deletes', () => {
    expect(harvestedOutcome({ result: paged(), failed: 0, mode: 'full' })).toEqual({
      fields: { state: 'succeeded', matched: 10, stopReason: 'nextRecordZero', message: '' },
      issues: [],
      considerDeletes: true,
    });
  });

  it('never considers deletes in an incremental run, even a successful one', () => {
    const outcome = harvestedOutcome({ result: paged(), failed: 0, mode: 'incremental' });
    expect(outcome.fields.state).toBe('succeeded');
    expect(outcome.considerDeletes).toBe(false);
  });

  it('partially succeeds an incomplete run and says how far paging got and why it stopped', () => {
    const outcome = harvestedOutcome({
      result: paged({ complete: false, received: 7, stopReason: 'emptyPage' }),
      failed: 0,
      mode: 'full',
    });
    expect(outcome.fields).toEqual({
      state: 'partiallySucceeded',
      matched: 10,
      stopReason: 'emptyPage',
      message:
        'received 7 of 10 matched records (paging stopped: emptyPage); no records were withdrawn',
    });
    expect(outcome.considerDeletes).toBe(false);
  });

  it('says "an unknown number of" when the catalogue announced no count', () => {
    const outcome = harvestedOutcome({
      result: paged({ complete: false, received: 7, numberOfRecordsMatched: null }),
      failed: 0,
      mode: 'full',
    });
    expect(outcome.fields.matched).toBeNull();
    expect(outcome.fields.message).toMatch(/^received 7 of an unknown number of matched records/);
  });

  it('partially succeeds a complete run with failed records', () => {
    const outcome = harvestedOutcome({ result: paged(), failed: 3, mode: 'full' });
    expect(outcome.fields.state).toBe('partiallySucceeded');
    expect(outcome.fields.message).toBe(
      "3 record(s) could not be harvested (see the job's errors); no records were withdrawn",
    );
    expect(outcome.considerDeletes).toBe(false);
  });

  it('names both problems, paging first', () => {
    const outcome = harvestedOutcome({
      result: paged({ complete: false, received: 9 }),
      failed: 1,
      mode: 'incremental',
    });
    expect(outcome.fields.message).toBe(
      "received 9 of 10 matched records (paging stopped: nextRecordZero); 1 record(s) could not be harvested (see the job's errors); no records were withdrawn",
    );
  });

  it('records the paging warnings not already recorded page by page, in order', () => {
    const outcome = harvestedOutcome({
      result: paged({
        warnings: [
          { code: 'PAGE_WARNING', message: 'recorded with its page' },
          { code: 'NEXT_RECORD_MISSING', message: 'first' },
          { code: 'FEWER_RECORDS_THAN_ANNOUNCED', message: 'recorded with its page' },
          { code: 'NEXT_RECORD_INCONSISTENT', message: 'second' },
        ],
      }),
      failed: 0,
      mode: 'full',
    });
    expect(outcome.issues).toEqual([
      {
        severity: 'warning',
        code: 'NEXT_RECORD_MISSING',
        identifier: null,
        message: 'first',
        snippet: null,
      },
      {
        severity: 'warning',
        code: 'NEXT_RECORD_INCONSISTENT',
        identifier: null,
        message: 'second',
        snippet: null,
      },
    ]);
    expect(outcome.fields.state).toBe('succeeded');
  });
});

describe('withDeletes', () => {
  const succeeded = (): JobOutcome => {
    const { fields, issues } = harvestedOutcome({ result: paged(), failed: 0, mode: 'full' });
    return { fields, issues };
  };

  it('withdraws when the rule says delete, leaving the outcome as it was', () => {
    const outcome = withDeletes(
      succeeded(),
      decideDeletes({ live: 10, missing: 1, threshold: 0.2 }),
    );
    expect(outcome).toEqual({ ...succeeded(), withdraw: true });
  });

  it('withdraws nothing when nothing vanished', () => {
    const outcome = withDeletes(
      succeeded(),
      decideDeletes({ live: 10, missing: 0, threshold: 0.2 }),
    );
    expect(outcome).toEqual({ ...succeeded(), withdraw: false });
  });

  it('holds deletes back: the job is marked, the message says why, a warning is recorded', () => {
    const decision = decideDeletes({ live: 10, missing: 5, threshold: 0.2 });
    if (decision.kind !== 'holdBack') throw new Error('expected holdBack');
    const outcome = withDeletes(succeeded(), decision);
    expect(outcome.withdraw).toBe(false);
    expect(outcome.fields).toEqual({
      ...succeeded().fields,
      state: 'succeeded',
      deletesHeldBack: true,
      message: decision.message,
    });
    expect(outcome.fields.message).toMatch(/^deletes held back: 5 of 10 records \(50 %\)/);
    expect(outcome.issues).toEqual([
      {
        severity: 'warning',
        code: 'DELETES_HELD_BACK',
        identifier: null,
        message: decision.message,
        snippet: null,
      },
    ]);
  });

  it('keeps the earlier issues before the hold-back warning', () => {
    const earlier: JobOutcome = {
      fields: { state: 'succeeded' },
      issues: [{ severity: 'warning', code: 'X', identifier: null, message: 'x', snippet: null }],
    };
    const outcome = withDeletes(earlier, decideDeletes({ live: 2, missing: 2, threshold: 0.2 }));
    expect(outcome.issues.map((i) => i.code)).toEqual(['X', 'DELETES_HELD_BACK']);
  });
});

describe('stoppedOutcome', () => {
  it('an operator cancel ends as cancelled', () => {
    expect(stoppedOutcome({ kind: 'cancelled' })).toEqual({
      fields: {
        state: 'cancelled',
        message: 'cancelled by an operator; no records were withdrawn',
      },
      issues: [],
    });
  });

  it('no reason counts as a cancel', () => {
    expect(stoppedOutcome(undefined)).toEqual(stoppedOutcome({ kind: 'cancelled' }));
  });

  it('the watchdog fails the job and says how long it was idle, in whole seconds', () => {
    expect(stoppedOutcome({ kind: 'stalled', idleMs: 61_600 }).fields).toEqual({
      state: 'failed',
      message: 'no progress for 62 s: stopped by the watchdog; no records were withdrawn',
    });
  });

  it('a shutdown fails the job; the next run repeats it', () => {
    expect(stoppedOutcome({ kind: 'shutdown' }).fields).toEqual({
      state: 'failed',
      message: 'the harvester shut down during the job; the next run repeats it',
    });
  });

  it('a lost lock fails the job and names the error', () => {
    expect(stoppedOutcome({ kind: 'lockLost', error: 'connection reset' }).fields).toEqual({
      state: 'failed',
      message:
        'lost the database session holding the source lock (connection reset); stopped to let another run take over',
    });
  });
});

describe('failedOutcome', () => {
  it('a remote failure keeps its code and snippet', () => {
    const error = new HttpStatusError(
      502,
      'Bad Gateway',
      'http://csw.example/',
      '<html>proxy</html>',
    );
    expect(failedOutcome(error)).toEqual({
      fields: { state: 'failed', message: `${error.message}; no records were withdrawn` },
      issues: [
        {
          severity: 'error',
          code: 'HTTP_STATUS',
          identifier: null,
          message: error.message,
          snippet: '<html>proxy</html>',
        },
      ],
    });
  });

  it('an XML syntax error points at its line and column', () => {
    const [issue] = failedOutcome(new XmlSyntaxError('unclosed tag', 3, 14)).issues;
    expect(issue).toMatchObject({
      code: 'XML_SYNTAX',
      message: 'unclosed tag',
      snippet: 'line 3, column 14',
    });
  });

  it('a time-out has no snippet', () => {
    const [issue] = failedOutcome(new CswTimeoutError(5000, 'http://csw.example/')).issues;
    expect(issue).toMatchObject({ code: 'TIMEOUT', snippet: null });
  });

  it('anything else is an internal error, said so', () => {
    expect(failedOutcome(new TypeError('x is undefined'))).toEqual({
      fields: {
        state: 'failed',
        message: 'internal error: x is undefined; no records were withdrawn',
      },
      issues: [
        {
          severity: 'error',
          code: 'INTERNAL',
          identifier: null,
          message: 'internal error: x is undefined',
          snippet: null,
        },
      ],
    });
  });
});
