import {
  createTestNamespace,
  eventually,
  freePort,
  issueToken,
  ServiceProcess,
  migrateService,
} from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';
import { readEvents, type SseEvent } from './sse.test-helper';

/**
 * Issue 17: the ids of NON_PUBLIC records reach reviewers (and their own Land's editors, see
 * visibility-matrix.int-spec.ts) only, in the live stream and in the links of /items. Tokens are
 * checked by a real registry (built from dist/, as in production).
 */
const ADMIN_TOKEN = 'reporting-visibility-admin-0123456789';

const idsIn = (events: readonly SseEvent[]) =>
  events.flatMap((e) => (Array.isArray(e.data.ids) ? (e.data.ids as string[]) : []));

describe('reporting: NON_PUBLIC ids reach reviewers only (SSE, /items links; issue 17)', () => {
  let registry: ServiceProcess;
  let r: ReportingUnderTest;
  let base: string;
  let reviewer: string;
  let editor: string;

  const items = async (kind: string, token?: string) => {
    const response = await r.app.inject({
      method: 'GET',
      url: `/api/v1/items?kind=${kind}&limit=500`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: { id: string; links: Record<string, unknown> }[] }).items;
  };

  beforeAll(async () => {
    const ns = await createTestNamespace('visibility-registry');
    const env = ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN });
    migrateService('registry', env);
    registry = new ServiceProcess('registry', env, await freePort());
    await registry.start();
    reviewer = await issueToken(registry.url, ADMIN_TOKEN, {
      name: 'ag-reviewer',
      role: 'reviewer',
    });
    // Another Land's editor: the records below are Hamburg's, whose own editors read them.
    editor = await issueToken(registry.url, ADMIN_TOKEN, {
      name: 'be-editor',
      role: 'land-editor',
      landCode: 'DE-BE',
    });
    r = await startReporting('visibility', { REGISTRY_URL: registry.url });
    base = await r.serve();
  }, 180_000);

  afterAll(async () => {
    await r?.close();
    await registry?.stop();
  });

  it("streams the ids of NON_PUBLIC records to reviewers, not to the public or another Land's editor", async () => {
    const abort = new AbortController();
    const streams = {
      public: [] as SseEvent[],
      editor: [] as SseEvent[],
      reviewer: [] as SseEvent[],
    };
    try {
      for (const [who, token] of [
        ['public', undefined],
        ['editor', editor],
        ['reviewer', reviewer],
      ] as const) {
        const response = await readEvents(
          `${base}/api/v1/events`,
          abort.signal,
          streams[who],
          token,
        );
        expect(response.status).toBe(200);
      }
      const published = randomUUID();
      const hidden = randomUUID();
      const hiddenPlatform = randomUUID();
      await r.producer.send([
        r.events.dataset(published, 1),
        r.events.dataset(hidden, 1, { accessRights: 'NON_PUBLIC' }),
        r.events.platform(hiddenPlatform, 1, { accessRights: 'NON_PUBLIC' }),
      ]);
      // Once the reviewer has an event, the other streams have been sent theirs: a change sent
      // afterwards arrives behind anything they were sent for it.
      const settled = async (expected: string[]) => {
        await eventually(() =>
          expect(idsIn(streams.reviewer)).toEqual(expect.arrayContaining(expected)),
        );
        const sentinel = randomUUID();
        await r.producer.send([r.events.dataset(sentinel, 1)]);
        await eventually(() => {
          expect(idsIn(streams.public)).toContain(sentinel);
          expect(idsIn(streams.editor)).toContain(sentinel);
        });
      };
      const leaks = (who: 'public' | 'editor') => {
        const text = JSON.stringify(streams[who]);
        return { who, leaks: [hidden, hiddenPlatform].filter((id) => text.includes(id)) };
      };
      await settled([published, hidden, hiddenPlatform]);
      for (const who of ['public', 'editor'] as const) {
        expect(idsIn(streams[who])).toContain(published);
        expect(leaks(who)).toEqual({ who, leaks: [] });
      }
      // Withdrawing a NON_PUBLIC record does not name it to the public either.
      const before = idsIn(streams.reviewer).filter((id) => id === hidden).length;
      await r.producer.send([
        r.events.tombstone(r.events.dataset(hidden, 1, { accessRights: 'NON_PUBLIC' }), 2),
      ]);
      await eventually(() =>
        expect(idsIn(streams.reviewer).filter((id) => id === hidden).length).toBe(before + 1),
      );
      await settled([]);
      for (const who of ['public', 'editor'] as const)
        expect(leaks(who)).toEqual({ who, leaks: [] });

      // A record first seen as its tombstone (registered and withdrawn in one batch, or its
      // registration compacted away) may have been NON_PUBLIC: named to reviewers only.
      const unseenDataset = randomUUID();
      const unseenPlatform = randomUUID();
      await r.producer.send([
        r.events.tombstone(r.events.dataset(unseenDataset, 1, { accessRights: 'NON_PUBLIC' }), 2),
        r.events.tombstone(r.events.platform(unseenPlatform, 1, { accessRights: 'NON_PUBLIC' }), 2),
      ]);
      await settled([unseenDataset, unseenPlatform]);
      for (const who of ['public', 'editor'] as const) {
        const text = JSON.stringify(streams[who]);
        expect({
          who,
          leaks: [unseenDataset, unseenPlatform].filter((id) => text.includes(id)),
        }).toEqual({
          who,
          leaks: [],
        });
      }
    } finally {
      abort.abort();
    }
  });

  it('drops the ids of NON_PUBLIC records from the links of public items', async () => {
    const hiddenDataset = randomUUID();
    const publicDataset = randomUUID();
    const hiddenPlatform = randomUUID();
    const publicPlatform = randomUUID();
    const twin = randomUUID();
    await r.producer.send([
      r.events.dataset(hiddenDataset, 1, { accessRights: 'NON_PUBLIC' }),
      r.events.dataset(publicDataset, 1),
      r.events.platform(hiddenPlatform, 1, { accessRights: 'NON_PUBLIC' }),
      r.events.platform(publicPlatform, 1, { datasetIds: [hiddenDataset, publicDataset] }),
      r.events.twin(twin, 1, {
        platformIds: [hiddenPlatform, publicPlatform],
        datasetIds: [hiddenDataset, publicDataset],
      }),
    ]);
    const linksOf = async (kind: string, id: string, token?: string) => {
      const found = (await items(kind, token)).find((i) => i.id === id);
      if (!found) throw new Error(`${kind} ${id} not in /items yet`);
      return found.links;
    };
    // Reviewers see every link (and so know everything has been projected).
    await eventually(async () => {
      expect(await linksOf('platform', publicPlatform, reviewer)).toMatchObject({
        datasetIds: expect.arrayContaining([hiddenDataset, publicDataset]),
      });
      expect(await linksOf('twin', twin, reviewer)).toMatchObject({
        platformIds: expect.arrayContaining([hiddenPlatform, publicPlatform]),
        datasetIds: expect.arrayContaining([hiddenDataset, publicDataset]),
      });
    });
    for (const token of [undefined, editor]) {
      expect(await linksOf('platform', publicPlatform, token)).toMatchObject({
        datasetIds: [publicDataset],
      });
      expect(await linksOf('twin', twin, token)).toMatchObject({
        platformIds: [publicPlatform],
        datasetIds: [publicDataset],
      });
    }
  });
});
