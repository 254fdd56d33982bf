import {
  classifyPage,
  isVanished,
  vanishedWhere,
  withdrawnVersion,
  type StoredRecordState,
} from './change-classifier';

const JOB = 'job-2';
const stored = (
  fileIdentifier: string,
  fields: Partial<StoredRecordState> = {},
): StoredRecordState => ({
  fileIdentifier,
  checksum: `sum-${fileIdentifier}`,
  version: 3,
  withdrawn: false,
  lastSeenJob: 'job-1',
  ...fields,
});
const candidate = (fileIdentifier: string, checksum = `sum-${fileIdentifier}`) => ({
  fileIdentifier,
  checksum,
});

describe('classifyPage', () => {
  it('creates a record never stored, at version 1, with an event', () => {
    const plan = classifyPage([], [candidate('a')], JOB);
    expect(plan.outcome).toEqual({ created: 1, updated: 0, unchanged: 0, repeated: [] });
    expect(plan.writes).toEqual([{ fileIdentifier: 'a', checksum: 'sum-a', version: 1 }]);
    expect(plan.changed).toEqual([{ candidate: candidate('a'), version: 1 }]);
  });

  it('creates a withdrawn record that came back, one version above the tombstone', () => {
    const plan = classifyPage(
      [stored('a', { withdrawn: true, version: 4 })],
      [candidate('a')],
      JOB,
    );
    expect(plan.outcome.created).toBe(1);
    expect(plan.outcome.unchanged).toBe(0);
    expect(plan.writes[0].version).toBe(5);
    expect(plan.changed).toHaveLength(1);
  });

  it('updates a live record with another checksum: version + 1 and an event', () => {
    const plan = classifyPage([stored('a')], [candidate('a', 'other')], JOB);
    expect(plan.outcome).toEqual({ created: 0, updated: 1, unchanged: 0, repeated: [] });
    expect(plan.writes).toEqual([{ fileIdentifier: 'a', checksum: 'other', version: 4 }]);
    expect(plan.changed).toEqual([{ candidate: candidate('a', 'other'), version: 4 }]);
  });

  it('leaves a live record with the same checksum unchanged: still written, same version, no event', () => {
    const plan = classifyPage([stored('a')], [candidate('a')], JOB);
    expect(plan.outcome).toEqual({ created: 0, updated: 0, unchanged: 1, repeated: [] });
    expect(plan.writes).toEqual([{ fileIdentifier: 'a', checksum: 'sum-a', version: 3 }]);
    expect(plan.changed).toEqual([]);
  });

  it('reports identifiers this job already stored from an earlier page, whatever their class', () => {
    const plan = classifyPage(
      [
        stored('same', { lastSeenJob: JOB }),
        stored('changed', { lastSeenJob: JOB }),
        stored('older'),
        stored('back', { lastSeenJob: JOB, withdrawn: true }),
      ],
      [candidate('same'), candidate('changed', 'x'), candidate('older'), candidate('back')],
      JOB,
    );
    expect(plan.outcome.repeated).toEqual(['back', 'changed', 'same']);
    expect(plan.outcome).toMatchObject({ created: 1, updated: 1, unchanged: 2 });
  });

  it('writes every candidate in identifier order (the lock order), events in the same order', () => {
    const plan = classifyPage(
      [stored('b')],
      [candidate('c'), candidate('B'), candidate('b', 'new'), candidate('a')],
      JOB,
    );
    expect(plan.writes.map((w) => w.fileIdentifier)).toEqual(['B', 'a', 'b', 'c']);
    expect(plan.changed.map((c) => c.candidate.fileIdentifier)).toEqual(['B', 'a', 'b', 'c']);
    expect(plan.outcome).toEqual({ created: 3, updated: 1, unchanged: 0, repeated: [] });
  });

  it('keeps the candidate object for the event builder and ignores stored rows not on the page', () => {
    const mine = { ...candidate('a'), build: () => 'message' };
    const plan = classifyPage([stored('z')], [mine], JOB);
    expect(plan.changed[0].candidate).toBe(mine);
    expect(plan.writes).toHaveLength(1);
  });

  it('plans nothing for an empty page', () => {
    expect(classifyPage([stored('a')], [], JOB)).toEqual({
      outcome: { created: 0, updated: 0, unchanged: 0, repeated: [] },
      writes: [],
      changed: [],
    });
  });
});

describe('the vanished rule', () => {
  it('is a live record the job did not deliver', () => {
    expect(isVanished(stored('a'), JOB)).toBe(true);
    expect(isVanished(stored('a', { lastSeenJob: JOB }), JOB)).toBe(false);
    expect(isVanished(stored('a', { withdrawn: true }), JOB)).toBe(false);
  });

  it('says the same in SQL, for the set-based withdrawal', () => {
    expect(vanishedWhere('$2')).toBe('withdrawn_at IS NULL AND last_seen_job <> $2');
  });

  it('raises the version by one on withdrawal', () => {
    expect(withdrawnVersion(3)).toBe(4);
  });
});
