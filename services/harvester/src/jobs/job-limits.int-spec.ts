import { eventually } from '@dpi/testing';
import { HarvesterUnderTest, startHarvester } from '../harvester.test-helper';
import {
  gdkFixtureRecords,
  heldPages,
  TestCatalogue,
  variant,
} from '../testing/test-catalogue.test-helper';

const fixtures = gdkFixtureRecords();

describe('harvester: parallel job limit and parallel paging (real PostgreSQL and Kafka)', () => {
  let h: HarvesterUnderTest;
  const catalogue = new TestCatalogue();

  beforeAll(async () => {
    await catalogue.start();
    for (let i = 1; i <= 23; i++) {
      const id = `de.limits.record-${String(i).padStart(2, '0')}`;
      catalogue.put(id, variant(fixtures[i % fixtures.length].xml, { id }));
    }
    h = await startHarvester('limits', {
      // No watchdog in the way (watchdog.int-spec.ts tests it): at 3 s a job queued behind a
      // held one was failed as stalled on a loaded CI machine (stop 27).
      HARVEST_STALL_TIMEOUT_MS: '600000',
      HARVEST_MAX_PARALLEL_JOBS: '1',
    });
  });

  afterAll(async () => {
    await h?.close();
    await catalogue.stop();
  });

  afterEach(() => {
    catalogue.behaviour = null;
  });

  it('jobs beyond HARVEST_MAX_PARALLEL_JOBS wait as queued and run afterwards', async () => {
    const slow = await h.createSource({ name: 'Slow CSW', url: catalogue.url, pageSize: 10 });
    const other = await h.createSource({ name: 'Other CSW', url: catalogue.url, pageSize: 10 });
    // The first job cannot finish before its pages are released: the second waits for its slot.
    const held = heldPages();
    catalogue.behaviour = held.behaviour;
    try {
      const first = (await h.request('POST', `/api/v1/sources/${slow.id}/run`)).json();
      const second = (await h.request('POST', `/api/v1/sources/${other.id}/run`)).json();
      expect(second.state).toBe('queued');
      await eventually(async () =>
        expect((await h.request('GET', `/api/v1/jobs/${first.id}`)).json().state).toBe('running'),
      );
      expect((await h.request('GET', `/api/v1/jobs/${second.id}`)).json().state).toBe('queued');
      held.release();
      expect((await h.waitForJob(first.id)).state).toBe('succeeded');
      expect((await h.waitForJob(second.id)).state).toBe('succeeded');
    } finally {
      held.release();
    }
  });

  it('pages with several pagers at once (concurrency) and still gets every record exactly once', async () => {
    const source = await h.createSource({
      name: 'Parallel CSW',
      url: catalogue.url,
      pageSize: 5,
      concurrency: 3,
    });
    const before = catalogue.requests.length;
    const job = await h.runToEnd(source.id, 'full');
    expect(job).toMatchObject({
      state: 'succeeded',
      counts: expect.objectContaining({ matched: 23, received: 23, created: 23, failed: 0 }),
      warnings: 0,
    });
    const starts = catalogue.requests
      .slice(before)
      .filter((r) => r.resultType === 'results')
      .map((r) => r.start)
      .sort((a, b) => a - b);
    expect(starts).toEqual([1, 6, 11, 16, 21]);
    await h.published();
    const keys = h.recordMessages(source.id).map((m) => m.key);
    expect(keys).toHaveLength(23);
    expect(new Set(keys).size).toBe(23);
  });

  it('respects the request rate limit of a source', async () => {
    const source = await h.createSource({
      name: 'Polite CSW',
      url: catalogue.url,
      pageSize: 5,
      maxRequestsPerSecond: 5,
    });
    const started = Date.now();
    const job = await h.runToEnd(source.id, 'full');
    expect(job.state).toBe('succeeded');
    // hits + 5 pages = 6 requests at most 5 per second: at least 1 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});
