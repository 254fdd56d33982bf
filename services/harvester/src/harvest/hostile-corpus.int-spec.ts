import { HarvesterUnderTest, startHarvester } from '../harvester.test-helper';
import { gdkFixtureRecords, TestCatalogue, variant } from '../testing/test-catalogue.test-helper';
import { CASES, MAX_RESPONSE_BYTES, pages, recordsOf } from './hostile-corpus.test-helper';

// The cases (one hostile catalogue behaviour each, and how the job must end) are in
// hostile-corpus.test-helper.ts. The tests run in order against one harvester: every case must
// leave the records of the first harvest untouched, and the checks after them read what all did.
const fixtures = gdkFixtureRecords();
const ids = Array.from({ length: 6 }, (_, i) => `de.hostile.record-${i + 1}`);

describe('harvester: a hostile corpus (loopback CSW server, real PostgreSQL and Kafka)', () => {
  let h: HarvesterUnderTest;
  const catalogue = new TestCatalogue();
  let sourceId: string;

  const snapshot = async () =>
    (
      await h.db.query(
        `SELECT file_identifier, checksum, version, withdrawn_at FROM ${h.schema}.harvest_record
          WHERE source_id = $1 ORDER BY file_identifier`,
        [sourceId],
      )
    ).rows;

  let baseline: unknown[];
  let published: number;

  beforeAll(async () => {
    await catalogue.start();
    ids.forEach((id, i) => catalogue.put(id, variant(fixtures[i % fixtures.length].xml, { id })));
    h = await startHarvester('hostile', {
      HARVEST_MAX_RESPONSE_BYTES: String(MAX_RESPONSE_BYTES),
    });
    sourceId = (
      await h.createSource({
        name: 'Hostile CSW',
        url: catalogue.url,
        pageSize: 3,
        timeoutMs: 1500,
        retry: { maxAttempts: 2, backoffMs: 50, maxBackoffMs: 100 },
      })
    ).id;
    const first = await h.runToEnd(sourceId, 'full');
    expect(first).toMatchObject({
      state: 'succeeded',
      counts: expect.objectContaining({ created: 6 }),
    });
    baseline = await snapshot();
    expect(baseline).toHaveLength(6);
    await h.published();
    published = h.recordMessages(sourceId).length;
    expect(published).toBe(6);
  });

  afterAll(async () => {
    await h?.close();
    await catalogue.stop();
  });

  afterEach(() => {
    catalogue.behaviour = null;
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: the job ends with a readable error or warning; earlier records stay untouched',
    async (_name, hostile) => {
      catalogue.behaviour = hostile.behaviour(catalogue);
      const job = await h.runToEnd(sourceId, 'full', 30_000);
      expect(job.state).toBe(hostile.state);
      expect(job.message).toMatch(hostile.message);
      const issues = await h.issues(job.id);
      if (hostile.errorCode) {
        const error = issues.find((i) => i.severity === 'error');
        expect(error).toMatchObject({ code: hostile.errorCode, identifier: null });
        expect(error?.message.length).toBeGreaterThan(10);
        expect(job.message).toContain(error?.message);
      }
      for (const code of hostile.warningCodes ?? []) {
        expect(issues).toContainEqual(expect.objectContaining({ severity: 'warning', code }));
      }
      expect(job.counts.deleted).toBe(0);
      expect(await snapshot()).toEqual(baseline);
      await h.published();
      expect(h.recordMessages(sourceId)).toHaveLength(published);
      expect((await h.request('GET', '/health/live')).statusCode).toBe(200);
    },
  );

  it('never follows an external entity, and leaks no file content into messages', async () => {
    // The catalogue saw the harvests (the DOCTYPE cases among them), never the entity's URL.
    expect(catalogue.requests.length).toBeGreaterThan(CASES.length);
    expect(catalogue.requests.some((r) => r.path.endsWith('/evil'))).toBe(false);
    const jobs = (await h.request('GET', `/api/v1/sources/${sourceId}/jobs?limit=100`)).json()
      .items;
    expect(JSON.stringify(jobs)).not.toMatch(/root:x:0:0/);
  });

  it('reads records in other namespace spellings (other prefix, default namespace) as the same records', async () => {
    // A faithful respelling: the QNames in xsi:type values (gmd:DQ_…_Type) follow the prefix.
    catalogue.behaviour = pages((request, catalogue) => {
      const records = recordsOf(request, catalogue).map((xml, i) =>
        i % 2 === 0
          ? xml
              .replace(/<(\/?)gmd:/g, '<$1iso:')
              .replace(/xmlns:gmd=/g, 'xmlns:iso=')
              .replace(/xsi:type="gmd:/g, 'xsi:type="iso:')
          : xml
              .replace(/<(\/?)gmd:/g, '<$1')
              .replace(/xmlns:gmd=/g, 'xmlns=')
              .replace(/xsi:type="gmd:/g, 'xsi:type="'),
      );
      return catalogue.response(
        6,
        records.length,
        request.start + records.length,
        records.join('\n'),
      );
    });
    const job = await h.runToEnd(sourceId, 'full');
    expect(job).toMatchObject({
      state: 'succeeded',
      counts: expect.objectContaining({ received: 6, unchanged: 6, created: 0, updated: 0 }),
    });
    expect(await snapshot()).toEqual(baseline);
  });

  it('after all of it, a normal run succeeds and changes nothing', async () => {
    const job = await h.runToEnd(sourceId, 'full');
    expect(job).toMatchObject({
      state: 'succeeded',
      counts: expect.objectContaining({ received: 6, unchanged: 6, deleted: 0 }),
    });
    expect(await snapshot()).toEqual(baseline);
  });
});
