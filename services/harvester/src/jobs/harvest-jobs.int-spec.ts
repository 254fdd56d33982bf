import { HarvestMode, JobState } from '@dpi/contracts';
import { createServiceApp } from '@dpi/service-kit';
import { eventually } from '@dpi/testing';
import {
  decodeJob,
  decodeRecord,
  HarvesterUnderTest,
  startHarvester,
} from '../harvester.test-helper';
import { SERVICE_OPTIONS } from '../service-options';
import {
  gdkFixtureRecords,
  heldPages,
  TestCatalogue,
  variant,
} from '../testing/test-catalogue.test-helper';

const TODAY = new Date().toISOString().slice(0, 10);
const ids = Array.from(
  { length: 12 },
  (_, i) => `de.test.record-${String(i + 1).padStart(2, '0')}`,
);
const fixtures = gdkFixtureRecords();
const xmlOf = (id: string, title?: string) =>
  variant(fixtures[ids.indexOf(id) % fixtures.length].xml, { id, title, dateStamp: '2026-01-01' });

describe('harvester: jobs, change detection, deletes (real PostgreSQL, Kafka and a loopback CSW)', () => {
  let h: HarvesterUnderTest;
  const catalogue = new TestCatalogue();
  let sourceId: string;

  const liveRecords = async () =>
    Number(
      (
        await h.db.query(
          `SELECT count(*) AS n FROM ${h.schema}.harvest_record WHERE source_id = $1 AND withdrawn_at IS NULL`,
          [sourceId],
        )
      ).rows[0].n,
    );

  beforeAll(async () => {
    await catalogue.start();
    for (const id of ids) catalogue.put(id, xmlOf(id));
    h = await startHarvester('jobs', { HARVEST_WATCHDOG_INTERVAL_MS: '300' });
    const source = await h.createSource({
      name: 'Loopback CSW',
      landCode: 'DE-HE',
      url: catalogue.url,
      pageSize: 5,
      retry: { maxAttempts: 1 },
      timeoutMs: 5000,
    });
    sourceId = source.id;
  });

  afterAll(async () => {
    await h?.close();
    await catalogue.stop();
  });

  it('a full run harvests every record page by page and publishes each once, keyed source/fileIdentifier', async () => {
    const job = await h.runToEnd(sourceId, 'full');
    expect(job).toMatchObject({
      state: 'succeeded',
      mode: 'full',
      counts: {
        matched: 12,
        received: 12,
        created: 12,
        updated: 0,
        unchanged: 0,
        deleted: 0,
        failed: 0,
      },
      pages: 3,
      message: '',
      deletesHeldBack: false,
      stopReason: expect.any(String),
    });
    await h.published();
    const messages = h.recordMessages(sourceId);
    expect(messages.map((m) => m.key).sort()).toEqual(ids.map((id) => `${sourceId}/${id}`));
    const { envelope, record } = decodeRecord(messages[0]);
    expect(envelope).toMatchObject({
      producer: 'harvester',
      schema: 'dpi.harvest.v1.HarvestRecordChanged',
      entityVersion: 1,
      causationId: job.id,
    });
    expect(record).toMatchObject({
      sourceId,
      landCode: 'DE-HE',
      jobId: job.id,
      sourceName: 'Loopback CSW',
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(record?.title).toBeTruthy();
    expect(await liveRecords()).toBe(12);
    // Paging went through POST with SortBy identifier, pages of 5.
    const results = catalogue.requests.filter((r) => r.resultType === 'results');
    expect(results.map((r) => [r.method, r.start, r.max, r.sortBy])).toEqual([
      ['POST', 1, 5, true],
      ['POST', 6, 5, true],
      ['POST', 11, 5, true],
    ]);
  });

  it('publishes the job on dpi.harvest.job.v1: queued, running, progress, succeeded, versions growing', async () => {
    const [first] = (await h.request('GET', `/api/v1/sources/${sourceId}/jobs`)).json().items;
    const events = await eventually(() => {
      const found = h.jobEvents.messages.filter((m) => m.key === first.id).map(decodeJob);
      expect(found.at(-1)?.job?.state).toBe(JobState.SUCCEEDED);
      return found;
    });
    expect(events.map((e) => e.envelope.entityVersion)).toEqual(events.map((_, i) => i + 1));
    expect(events[0].job?.state).toBe(JobState.QUEUED);
    expect(events.map((e) => e.job?.state)).toContain(JobState.RUNNING);
    const last = events.at(-1)?.job;
    expect(last).toMatchObject({
      sourceId,
      sourceName: 'Loopback CSW',
      landCode: 'DE-HE',
      mode: HarvestMode.FULL,
    });
    expect(last?.counts).toMatchObject({ matched: 12n, received: 12n, created: 12n });
  });

  it('a second run publishes nothing: every checksum is unchanged', async () => {
    const job = await h.runToEnd(sourceId, 'full');
    expect(job).toMatchObject({
      state: 'succeeded',
      counts: expect.objectContaining({
        received: 12,
        created: 0,
        updated: 0,
        unchanged: 12,
        deleted: 0,
      }),
    });
    await h.published();
    expect(h.recordMessages(sourceId)).toHaveLength(12);
  });

  it('an incremental run asks for Modified >= the day before the last successful start and publishes the changed record only', async () => {
    const changed = ids[3];
    catalogue.put(
      changed,
      variant(xmlOf(changed, 'Geänderter Titel'), { dateStamp: TODAY }),
      TODAY,
    );
    const before = catalogue.requests.length;
    const job = await h.runToEnd(sourceId, 'incremental');
    const lastStart = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect(job).toMatchObject({
      state: 'succeeded',
      mode: 'incremental',
      modifiedSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      counts: expect.objectContaining({
        matched: 1,
        received: 1,
        updated: 1,
        created: 0,
        deleted: 0,
      }),
    });
    expect(String(job.modifiedSince) <= lastStart).toBe(true);
    const requests = catalogue.requests.slice(before);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.since !== job.modifiedSince)).toEqual([]);
    const update = await eventually(() => {
      const found = h.recordMessages(sourceId).filter((m) => m.key.endsWith(changed));
      expect(found).toHaveLength(2);
      return decodeRecord(found[1]);
    });
    expect(update.envelope.entityVersion).toBe(2);
    expect(update.record?.title).toBe('Geänderter Titel');
  });

  it('a full run withdraws a record the catalogue no longer has (tombstone, next version)', async () => {
    const gone = ids[0];
    catalogue.records.delete(gone);
    const job = await h.runToEnd(sourceId, 'full');
    expect(job).toMatchObject({
      state: 'succeeded',
      deletesHeldBack: false,
      counts: expect.objectContaining({ received: 11, deleted: 1, created: 0, updated: 0 }),
    });
    const tombstone = await eventually(() => {
      const found = h.recordMessages(sourceId).filter((m) => m.key === `${sourceId}/${gone}`);
      expect(found).toHaveLength(2);
      return found[1];
    });
    expect(tombstone.value).toBeNull();
    expect(tombstone.headers['dpi-entity-version']).toBe('2');
    expect(await liveRecords()).toBe(11);
  });

  it('holds deletes back when more than 20 % would vanish, and says so in the job', async () => {
    for (const id of ids.slice(4, 10)) catalogue.records.delete(id);
    await h.published();
    const published = h.recordMessages(sourceId).length;
    const job = await h.runToEnd(sourceId, 'full');
    expect(job).toMatchObject({
      state: 'succeeded',
      deletesHeldBack: true,
      counts: expect.objectContaining({ received: 5, deleted: 0 }),
    });
    expect(job.message).toBe(
      'deletes held back: 6 of 11 records (54.5 %) were not delivered, more than the allowed 20 %; ' +
        'check the catalogue, then run a full harvest again or raise HARVEST_DELETE_THRESHOLD',
    );
    const issues = await h.issues(job.id);
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'DELETES_HELD_BACK' }),
    );
    await h.published();
    expect(h.recordMessages(sourceId)).toHaveLength(published);
    expect(await liveRecords()).toBe(11);
  });

  it('a record that comes back is published again, with a higher version', async () => {
    for (const id of [ids[0], ...ids.slice(4, 10)]) catalogue.put(id, xmlOf(id));
    const job = await h.runToEnd(sourceId, 'full');
    expect(job).toMatchObject({
      state: 'succeeded',
      counts: expect.objectContaining({ received: 12, created: 1, unchanged: 11, deleted: 0 }),
    });
    const back = await eventually(() => {
      const found = h.recordMessages(sourceId).filter((m) => m.key.endsWith(`/${ids[0]}`));
      expect(found).toHaveLength(3);
      return decodeRecord(found[2]);
    });
    expect(back.envelope.entityVersion).toBe(3);
  });

  it('two runs of one source at once: one is accepted, the other refused with 409', async () => {
    const held = heldPages();
    catalogue.behaviour = held.behaviour;
    try {
      const [a, b] = await Promise.all([
        h.request('POST', `/api/v1/sources/${sourceId}/run`),
        h.request('POST', `/api/v1/sources/${sourceId}/run`),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
      const accepted = a.statusCode === 202 ? a : b;
      const refused = a.statusCode === 202 ? b : a;
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().detail).toContain(`already has an active job ${accepted.json().id}`);
      held.release();
      expect((await h.waitForJob(accepted.json().id)).state).toBe('succeeded');
    } finally {
      held.release();
      catalogue.behaviour = null;
    }
  });

  it('across replicas too: a second app instance on the same schema is refused while the first runs', async () => {
    const held = heldPages();
    catalogue.behaviour = held.behaviour;
    const { AppModule } = await import('../app.module');
    const replica = await createServiceApp(AppModule, SERVICE_OPTIONS);
    await replica.init();
    try {
      const first = await h.request('POST', `/api/v1/sources/${sourceId}/run`);
      expect(first.statusCode).toBe(202);
      const second = await replica.inject({
        method: 'POST',
        url: `/api/v1/sources/${sourceId}/run`,
        headers: { authorization: `Bearer ${process.env.DPI_ADMIN_TOKEN}` },
      });
      expect(second.statusCode).toBe(409);
      held.release();
      expect((await h.waitForJob(first.json().id)).state).toBe('succeeded');
      // Once the lock is free, the replica may run the source.
      const third = await replica.inject({
        method: 'POST',
        url: `/api/v1/sources/${sourceId}/run`,
        headers: { authorization: `Bearer ${process.env.DPI_ADMIN_TOKEN}` },
      });
      expect(third.statusCode).toBe(202);
      expect((await h.waitForJob(third.json().id)).state).toBe('succeeded');
    } finally {
      held.release();
      catalogue.behaviour = null;
      await replica.close();
    }
  });

  it('cancels a running job; cancelling it again is a 409', async () => {
    catalogue.behaviour = (request) => (request.resultType === 'results' ? { body: 'hang' } : null);
    try {
      const started = await h.request('POST', `/api/v1/sources/${sourceId}/run`);
      const jobId = started.json().id;
      await eventually(async () =>
        expect((await h.request('GET', `/api/v1/jobs/${jobId}`)).json().state).toBe('running'),
      );
      const cancel = await h.request('POST', `/api/v1/jobs/${jobId}/cancel`);
      expect(cancel.statusCode).toBe(202);
      expect(cancel.json().cancelRequested).toBe(true);
      const job = await h.waitForJob(jobId);
      expect(job).toMatchObject({
        state: 'cancelled',
        message: 'cancelled by an operator; no records were withdrawn',
      });
      expect((await h.request('POST', `/api/v1/jobs/${jobId}/cancel`)).statusCode).toBe(409);
      expect(await liveRecords()).toBe(12);
    } finally {
      catalogue.behaviour = null;
    }
  });

  it('fails a job left "running" by a dead process (its lock is free), then runs normally', async () => {
    const orphan = '0b0e7f3e-1d7c-4f1e-9a4e-3c2b1a0f9e8d';
    await h.db.query(
      `INSERT INTO ${h.schema}.harvest_job (id, source_id, mode, trigger, state, requested_by,
         correlation_id, queued_at, started_at, progress_at, event_version)
       VALUES ($1, $2, 'full', 'manual', 'running', 'admin', $3, now(), now(), now(), 2)`,
      [orphan, sourceId, orphan],
    );
    const job = await eventually(
      async () => {
        const found = (await h.request('GET', `/api/v1/jobs/${orphan}`)).json();
        expect(found.state).toBe('failed');
        return found;
      },
      { timeoutMs: 10_000 },
    );
    expect(job.message).toContain('process running this job ended');
    expect((await h.runToEnd(sourceId, 'full')).state).toBe('succeeded');
  });

  it('pages jobs newest first with a cursor, and rejects a forged cursor', async () => {
    const first = await h.request('GET', `/api/v1/sources/${sourceId}/jobs?limit=3`);
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = (
      await h.request('GET', `/api/v1/sources/${sourceId}/jobs?limit=3&cursor=${page.nextCursor}`)
    ).json();
    const all = [...page.items, ...next.items].map((j: { queuedAt: string }) => j.queuedAt);
    expect(all).toEqual([...all].sort().reverse());
    expect(
      (await h.request('GET', `/api/v1/sources/${sourceId}/jobs?cursor=AAAA`)).statusCode,
    ).toBe(400);
    expect((await h.request('GET', `/api/v1/jobs?state=bogus`)).statusCode).toBe(400);
    const succeeded = (await h.request('GET', '/api/v1/jobs?state=succeeded&limit=500')).json()
      .items as { state: string }[];
    expect(succeeded.length).toBeGreaterThan(0);
    expect(succeeded.filter((j) => j.state !== 'succeeded')).toEqual([]);
  });

  it('deleting the source is refused while a job runs, then withdraws every record it harvested', async () => {
    catalogue.behaviour = (request) => (request.resultType === 'results' ? { body: 'hang' } : null);
    const started = await h.request('POST', `/api/v1/sources/${sourceId}/run`);
    const refused = await h.request('DELETE', `/api/v1/sources/${sourceId}`, {
      headers: { 'if-match': '*' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('has an active job');
    await h.request('POST', `/api/v1/jobs/${started.json().id}/cancel`);
    await h.waitForJob(started.json().id);
    catalogue.behaviour = null;

    const live = await liveRecords();
    expect(live).toBeGreaterThan(0);
    await h.published();
    const before = h.recordMessages(sourceId).length;
    expect(
      (await h.request('DELETE', `/api/v1/sources/${sourceId}`, { headers: { 'if-match': '*' } }))
        .statusCode,
    ).toBe(204);
    const tombstones = await eventually(() => {
      const found = h.recordMessages(sourceId).slice(before);
      expect(found).toHaveLength(live);
      return found;
    });
    expect(tombstones.every((m) => m.value === null)).toBe(true);
    expect(new Set(tombstones.map((m) => m.key)).size).toBe(live);
    const rows = await h.db.query(
      `SELECT count(*)::int AS n FROM ${h.schema}.harvest_record WHERE source_id = $1`,
      [sourceId],
    );
    expect(rows.rows[0].n).toBe(0);
    // Its jobs stay readable.
    expect(
      (await h.request('GET', `/api/v1/sources/${sourceId}/jobs`)).json().items.length,
    ).toBeGreaterThan(5);
  });
});
