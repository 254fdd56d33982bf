import { TOPICS } from '@dpi/contracts';
import { dlqTopic, HEADERS, prefixedTopic } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { Finding, Item, listQueries, Page, startReadModels } from './read-models.test-helper';
import { ReportingUnderTest } from './reporting.test-helper';

// The edges of the read models: repeated, old and undecodable events, paging, filters and invalid
// parameters. Every topic projected, the Handlungsbedarfe and the summaries are in
// read-models.int-spec.ts.
describe('reporting read models, Handlungsbedarfe and API (real PostgreSQL and Kafka)', () => {
  let r: ReportingUnderTest;
  const { items, findings } = listQueries(() => r);

  beforeAll(async () => {
    r = await startReadModels('readmodeledges');
  });
  afterAll(async () => r?.close());

  it('applies only newer versions: repeated, older and out-of-order events change nothing; tombstones delete', async () => {
    const id = randomUUID();
    await r.producer.send([
      r.events.dataset(id, 1, { landCode: 'DE-ST', title: 'eins' }),
      r.events.dataset(id, 3, { landCode: 'DE-ST', title: 'drei' }),
      r.events.dataset(id, 3, { landCode: 'DE-ST', title: 'drei, noch einmal' }),
      r.events.dataset(id, 2, { landCode: 'DE-ST', title: 'zwei' }),
    ]);
    await eventually(async () =>
      expect((await items('landCode=DE-ST&kind=dataset')).items.map((i) => i.title)).toEqual([
        'drei',
      ]),
    );
    const deleted = r.events.dataset(id, 4);
    await r.producer.send([
      r.events.tombstone(deleted, 4),
      r.events.dataset(id, 3, { landCode: 'DE-ST' }),
    ]);
    await eventually(async () => expect((await items('landCode=DE-ST')).total).toBe(0));
    // The stale version 3 after the tombstone has been applied too, and brought nothing back.
    await r.projected();
    expect((await items('landCode=DE-ST')).total).toBe(0);
  });

  it('dead-letters records it cannot apply, per topic, and keeps consuming', async () => {
    const datasetDlq = await new KafkaProbe(
      dlqTopic(prefixedTopic(TOPICS.registryDataset, r.ns.topicPrefix)),
    ).start();
    const endpointDlq = await new KafkaProbe(
      dlqTopic(prefixedTopic(TOPICS.registryEndpoint, r.ns.topicPrefix)),
    ).start();
    try {
      const badBbox = r.events.dataset(randomUUID(), 1, { landCode: 'DE-TH', bbox: [1, 2, 3] });
      const badLand = r.events.endpoint(randomUUID(), 1, { landCode: 'DE-XX' });
      const good = r.events.dataset(randomUUID(), 1, { landCode: 'DE-TH' });
      await r.producer.send([badBbox, badLand, good]);
      await eventually(async () => expect((await items('landCode=DE-TH')).total).toBe(1));
      await eventually(() => {
        expect(datasetDlq.messages.map((m) => m.key)).toEqual([badBbox.key]);
        expect(endpointDlq.messages.map((m) => m.key)).toEqual([badLand.key]);
      });
      expect(datasetDlq.messages[0].headers[HEADERS.error]).toContain('bbox');
      expect(endpointDlq.messages[0].headers[HEADERS.error]).toContain('unknown Land code DE-XX');
    } finally {
      await datasetDlq.stop();
      await endpointDlq.stop();
    }
  });

  it('pages items and findings with cursors, without gaps or repeats', async () => {
    const ids = Array.from({ length: 5 }, randomUUID);
    await r.producer.send(
      ids.map((id, i) => r.events.endpoint(id, 1, { landCode: 'DE-MV', name: `MV ${i}` })),
    );
    await eventually(async () => expect((await items('landCode=DE-MV')).total).toBe(5));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Item> = await items(
        `landCode=DE-MV&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['MV 0', 'MV 1', 'MV 2', 'MV 3', 'MV 4']);

    // The endpoints above cause an evaluation that may change the findings between two reads:
    // retried until the listing and the paging saw the same findings (a gap or a repeat never does).
    await eventually(async () => {
      const all = (await findings('')).items.map((f) => f.id);
      expect(all.length).toBeGreaterThan(7); // more than one page
      const paged: string[] = [];
      let next: string | null = null;
      do {
        const page: Page<Finding> = await r.get(
          `/api/v1/findings?limit=7${next ? `&cursor=${next}` : ''}`,
        );
        paged.push(...page.items.map((f) => f.id));
        next = page.nextCursor;
      } while (next);
      expect(paged).toEqual(all);
    });
  });

  it('filters items by bbox and text', async () => {
    const inside = randomUUID();
    await r.producer.send([
      r.events.dataset(inside, 1, {
        landCode: 'DE-BW',
        title: 'Radwege Stuttgart',
        bbox: [9.0, 48.7, 9.3, 48.9],
      }),
      r.events.dataset(randomUUID(), 1, {
        landCode: 'DE-BW',
        title: 'Radwege Freiburg',
        bbox: [7.7, 47.9, 7.9, 48.1],
      }),
    ]);
    await eventually(async () => expect((await items('landCode=DE-BW')).total).toBe(2));
    const boxed = await items('landCode=DE-BW&bbox=9.1,48.75,9.2,48.8');
    expect(boxed.items.map((i) => i.id)).toEqual([inside]);
    const text = await items('landCode=DE-BW&q=freiburg');
    expect(text.items.map((i) => i.title)).toEqual(['Radwege Freiburg']);
  });

  it('rejects invalid parameters with RFC 9457 problems naming the field', async () => {
    for (const [url, field] of [
      ['/api/v1/items?landCode=DE-XX', 'landCode'],
      ['/api/v1/items?maturity=7', 'maturity'],
      ['/api/v1/items?openData=ja', 'openData'],
      ['/api/v1/items?bbox=10,50,9,49', 'bbox'],
      ['/api/v1/items?cursor=bm9wZQ', 'cursor'],
      ['/api/v1/items?unknown=1', 'unknown'],
      ['/api/v1/coverage?dimension=colour', 'dimension'],
      ['/api/v1/findings?severity=urgent', 'severity'],
    ] as const) {
      const response = await r.app.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const missing = await r.app.inject({ method: 'GET', url: '/api/v1/laender/DE-XX' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toContain('DE-XX');
  });
});
