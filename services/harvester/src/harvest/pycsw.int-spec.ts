import { eventually } from '@dpi/testing';
import { decodeRecord, HarvesterUnderTest, startHarvester } from '../harvester.test-helper';
import { PycswServer } from '../testing/pycsw.test-helper';

/**
 * Against a CSW server no one here wrote: pycsw 2.6.2 from PyPI (the venv of
 * deploy/local/python.mjs), loaded with the real fixture records by pycsw's own admin tool.
 */
describe('harvester against a real pycsw server (real PostgreSQL and Kafka)', () => {
  let h: HarvesterUnderTest;
  const pycsw = new PycswServer();
  let sourceId: string;
  let loaded: string[];

  beforeAll(async () => {
    await pycsw.start();
    loaded = pycsw.identifiers();
    h = await startHarvester('pycsw');
    sourceId = (
      await h.createSource({
        name: 'pycsw (fixture records)',
        landCode: 'DE-BY',
        url: pycsw.url,
        pageSize: 3,
      })
    ).id;
  }, 900_000);

  afterAll(async () => {
    await h?.close();
    await pycsw.stop();
  });

  it('pycsw holds the fixture records (its loader rejects what it cannot read)', async () => {
    expect(loaded.length).toBeGreaterThanOrEqual(8);
    expect(await pycsw.hits()).toBe(loaded.length);
    expect(loaded).toEqual(
      expect.arrayContaining([
        '142d56bb-108b-4e6a-96a6-8239b80af77e',
        '256a7a13-2bc7-462c-8353-4d09f6c3f8a8',
        'f1950cd0-de59-413c-93fd-b669af06c863',
        '01ef8e6a-df59-4c2d-8468-79da95046705',
        'test-dataset-1',
      ]),
    );
  });

  it('a full harvest publishes every record once, mapped', async () => {
    const job = await h.runToEnd(sourceId, 'full', 60_000);
    expect(job).toMatchObject({
      state: 'succeeded',
      counts: expect.objectContaining({
        matched: loaded.length,
        received: loaded.length,
        created: loaded.length,
        failed: 0,
      }),
    });
    await h.published();
    const messages = h.recordMessages(sourceId);
    expect(messages.map((m) => m.key.slice(sourceId.length + 1)).sort()).toEqual(
      [...loaded].sort(),
    );
    const gn250 = messages
      .map((m) => decodeRecord(m).record)
      .find((r) => r?.fileIdentifier === '142d56bb-108b-4e6a-96a6-8239b80af77e');
    expect(gn250).toMatchObject({
      title: 'INSPIRE Geographical Names GN250',
      landCode: 'DE-BY',
      licenceUri: 'http://dcat-ap.de/def/licenses/geoNutz/20130319',
      themes: ['REGI'],
      openData: true,
    });
  });

  it('the next run is incremental (Modified >= the day before the last run) and changes nothing', async () => {
    const job = await h.runToEnd(sourceId, 'incremental', 60_000);
    expect(job).toMatchObject({
      state: 'succeeded',
      mode: 'incremental',
      modifiedSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      counts: expect.objectContaining({ created: 0, updated: 0, deleted: 0, failed: 0 }),
    });
    // A full run finds every record unchanged as well.
    const full = await h.runToEnd(sourceId, 'full', 60_000);
    expect(full).toMatchObject({
      state: 'succeeded',
      counts: expect.objectContaining({ unchanged: loaded.length, created: 0, updated: 0 }),
    });
    await h.published();
    expect(h.recordMessages(sourceId)).toHaveLength(loaded.length);
  });

  it('a record removed from pycsw is withdrawn by the next full run (tombstone)', async () => {
    const removed = 'test-dataset-1';
    await pycsw.remove([removed]);
    const job = await h.runToEnd(sourceId, 'full', 60_000);
    expect(job.message).toBe('');
    expect(job).toMatchObject({
      state: 'succeeded',
      deletesHeldBack: false,
      counts: expect.objectContaining({ received: loaded.length - 1, deleted: 1 }),
    });
    const tombstone = await eventually(() => {
      const found = h.recordMessages(sourceId).filter((m) => m.key === `${sourceId}/${removed}`);
      expect(found).toHaveLength(2);
      return found[1];
    });
    expect(tombstone.value).toBeNull();
  });

  it('when most records vanish from pycsw, the deletes are held back', async () => {
    const remaining = pycsw.identifiers();
    await pycsw.remove(remaining.slice(0, remaining.length - 2));
    await h.published();
    const published = h.recordMessages(sourceId).length;
    const job = await h.runToEnd(sourceId, 'full', 60_000);
    expect(job.message).toContain('deletes held back');
    expect(job).toMatchObject({
      state: 'succeeded',
      deletesHeldBack: true,
      counts: expect.objectContaining({ received: 2, deleted: 0 }),
    });
    expect(job.message).toContain('deletes held back');
    await h.published();
    expect(h.recordMessages(sourceId)).toHaveLength(published);
  });
});
