import {
  AGGREGATE_PARTS,
  AggregatePart,
  AggregateSnapshot,
  FacetRow,
  PartAggregates,
} from './aggregate-snapshot';
import { RefreshingSnapshot } from './refreshing-snapshot';

/** A computation the test finishes (or fails) when it wants. */
interface Pending {
  resolve: (value: number) => void;
  reject: (error: unknown) => void;
}

function controlled(gapMs = 100) {
  const pending: Pending[] = [];
  let running = 0;
  let maxRunning = 0;
  const startedAt: number[] = [];
  const errors: unknown[] = [];
  const snapshot = new RefreshingSnapshot<number>({
    compute: () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      startedAt.push(Date.now());
      return new Promise<number>((resolve, reject) =>
        pending.push({
          resolve: (value) => {
            running--;
            resolve(value);
          },
          reject: (error) => {
            running--;
            reject(error);
          },
        }),
      );
    },
    gapMs,
    gapPerRunTime: 1,
    retryMs: 1000,
    onError: (error) => errors.push(error),
  });
  return {
    snapshot,
    pending,
    startedAt,
    errors,
    runs: () => startedAt.length,
    maxRunning: () => maxRunning,
  };
}

describe('RefreshingSnapshot (single-flight, throttled refresh)', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('makes the first readers wait for the first snapshot, later ones read it at once', async () => {
    const t = controlled();
    let read: number | undefined;
    void t.snapshot.current().then((value) => (read = value));
    await jest.advanceTimersByTimeAsync(0);
    expect(t.runs()).toBe(1);
    expect(read).toBeUndefined();
    t.pending[0].resolve(7);
    await jest.advanceTimersByTimeAsync(0);
    expect(read).toBe(7);
    await expect(t.snapshot.current()).resolves.toBe(7);
    expect(t.runs()).toBe(1);
    await t.snapshot.close();
  });

  it('never computes twice at once; requests during a computation cause exactly one more', async () => {
    const t = controlled();
    t.snapshot.request();
    await jest.advanceTimersByTimeAsync(0);
    expect(t.runs()).toBe(1);
    for (let i = 0; i < 5; i++) t.snapshot.request();
    await jest.advanceTimersByTimeAsync(500);
    expect(t.runs()).toBe(1); // still running: the requests wait
    t.pending[0].resolve(1);
    await jest.advanceTimersByTimeAsync(0);
    expect(t.runs()).toBe(1);
    // The gap after a run is at least its duration (500 ms here).
    await jest.advanceTimersByTimeAsync(499);
    expect(t.runs()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(t.runs()).toBe(2);
    t.pending[1].resolve(2);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(t.runs()).toBe(2);
    expect(t.maxRunning()).toBe(1);
    await expect(t.snapshot.current()).resolves.toBe(2);
    await t.snapshot.close();
  });

  it('starts at once after a quiet spell; a stream of requests gets one run per gap and one after the last', async () => {
    const t = controlled(100);
    const finishRuns = setInterval(() => t.pending.splice(0).forEach((p) => p.resolve(0)), 5);
    t.snapshot.request();
    await jest.advanceTimersByTimeAsync(0);
    expect(t.runs()).toBe(1); // at once
    for (let ms = 0; ms < 1000; ms += 10) {
      t.snapshot.request();
      await jest.advanceTimersByTimeAsync(10);
    }
    const lastRequestAt = Date.now();
    await jest.advanceTimersByTimeAsync(1000);
    clearInterval(finishRuns);
    // ~1 s of requests, at most one run per 100 ms gap (plus the runs' own few ms)
    expect(t.runs()).toBeGreaterThanOrEqual(8);
    expect(t.runs()).toBeLessThanOrEqual(12);
    const gaps = t.startedAt.slice(1).map((at, i) => at - t.startedAt[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(t.startedAt[t.startedAt.length - 1]).toBeGreaterThanOrEqual(lastRequestAt - 10);
    expect(t.maxRunning()).toBe(1);
    await t.snapshot.close();
  });

  it('rejects first readers with the failure, retries, and keeps an existing snapshot', async () => {
    const t = controlled();
    const first = t.snapshot.current();
    await jest.advanceTimersByTimeAsync(0);
    const busy = new Error('timeout exceeded when trying to connect');
    t.pending[0].reject(busy);
    await expect(first).rejects.toBe(busy);
    expect(t.errors).toEqual([busy]);
    await jest.advanceTimersByTimeAsync(999);
    expect(t.runs()).toBe(1);
    await jest.advanceTimersByTimeAsync(10);
    expect(t.runs()).toBe(2); // the retry
    t.pending[1].resolve(3);
    await jest.advanceTimersByTimeAsync(0);
    await expect(t.snapshot.current()).resolves.toBe(3);
    t.snapshot.request();
    await jest.advanceTimersByTimeAsync(1000);
    t.pending[2].reject(new Error('boom'));
    await jest.advanceTimersByTimeAsync(0);
    await expect(t.snapshot.current()).resolves.toBe(3);
    await t.snapshot.close();
  });
});

const part = (facets: Omit<FacetRow, 'n'>[], n = 1): PartAggregates => ({
  facets: facets.map((f) => ({ ...f, n })),
});
const empty = () =>
  new Map<AggregatePart, PartAggregates>(AGGREGATE_PARTS.map((p) => [p, { facets: [] }]));

describe('AggregateSnapshot', () => {
  it('sums totals per Land and overall, merges EU themes of platforms and datasets', () => {
    const parts = empty();
    parts.set(
      'platform',
      part([
        { land_code: 'DE-HH', facet: 'platformTypes', value: 'geoportal' },
        { land_code: 'DE-HH', facet: 'platformTypes', value: 'openDataPortal' },
        { land_code: 'DE-BY', facet: 'platformTypes', value: 'geoportal' },
        { land_code: 'DE-HH', facet: 'platformThemes', value: 'TRAN' },
      ]),
    );
    parts.set(
      'dataset',
      part(
        [
          { land_code: 'DE-HH', facet: 'datasetThemes', value: 'TRAN' },
          { land_code: null, facet: 'datasets', value: null },
        ],
        5,
      ),
    );
    const snapshot = AggregateSnapshot.from('2026-01-01T00:00:00.000Z', null, parts);
    expect(snapshot.total('platforms')).toBe(3);
    expect(snapshot.total('platforms', 'DE-HH')).toBe(2);
    expect(snapshot.total('datasets', null)).toBe(5);
    expect(snapshot.laenderWith('platforms').sort()).toEqual(['DE-BY', 'DE-HH']);
    expect(snapshot.laenderWith('datasets')).toEqual([]);
    expect(snapshot.rows('euThemes')).toEqual([{ land_code: 'DE-HH', value: 'TRAN', n: 6 }]);
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.rows('platformTypes'))).toBe(true);
  });

  it('replaces only the parts computed, and needs all of them at first', () => {
    const first = empty();
    first.set('twin', part([{ land_code: 'DE-NW', facet: 'maturity', value: '3' }]));
    const previous = AggregateSnapshot.from('2026-01-01T00:00:00.000Z', null, first);
    const next = AggregateSnapshot.from(
      '2026-01-01T00:00:01.000Z',
      previous,
      new Map([
        ['organisation', part([{ land_code: 'DE-NW', facet: 'organisations', value: null }])],
      ]),
    );
    expect(next.total('twins', 'DE-NW')).toBe(1);
    expect(next.total('organisations', 'DE-NW')).toBe(1);
    expect(previous.total('organisations')).toBe(0);
    expect(() =>
      AggregateSnapshot.from('2026-01-01T00:00:00.000Z', null, new Map([['twin', part([])]])),
    ).toThrow('missing');
  });
});
