import { HarvesterUnderTest, startHarvester } from '../harvester.test-helper';
import { TestCatalogue } from '../testing/test-catalogue.test-helper';

describe('harvester: the watchdog (real PostgreSQL and Kafka)', () => {
  let h: HarvesterUnderTest;
  const catalogue = new TestCatalogue();

  beforeAll(async () => {
    await catalogue.start();
    // The stall deadline short, for this test alone: job-limits.int-spec.ts runs with a long one.
    h = await startHarvester('watchdog', {
      HARVEST_STALL_TIMEOUT_MS: '3000',
      HARVEST_WATCHDOG_INTERVAL_MS: '200',
    });
  });

  afterAll(async () => {
    await h?.close();
    await catalogue.stop();
  });

  it('the watchdog fails a job that makes no progress, with a message saying so', async () => {
    const source = await h.createSource({
      name: 'Stalling CSW',
      url: catalogue.url,
      timeoutMs: 60000,
    });
    catalogue.behaviour = (request) => (request.resultType === 'results' ? { body: 'hang' } : null);
    const job = await h.runToEnd(source.id, 'full', 15_000);
    expect(job).toMatchObject({ state: 'failed' });
    expect(job.message).toMatch(
      /^no progress for \d+ s: stopped by the watchdog; no records were withdrawn$/,
    );
  });
});
