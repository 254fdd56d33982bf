import { TOPICS } from '@dpi/contracts';
import { createKafka, prefixedTopic } from '@dpi/kafka';
import { eventually, kafkaBrokers, partitionEnds } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';
import { readEvents, type SseEvent } from './sse.test-helper';

const PUBLIC_PLATFORMS = 60;
const NON_PUBLIC_PLATFORMS = 6;

/** The ids of `changed` platform events in the order a client received them (repeats kept). */
const platformIdsIn = (events: readonly SseEvent[]) =>
  events
    .filter((e) => e.event === 'changed' && e.data.model === 'platform')
    .flatMap((e) => e.data.ids as string[]);

/**
 * Issue 18: two reporting replicas share the consumer group, so each applies the events of its
 * partitions only; yet an SSE client on either replica must receive every change, as with one
 * replica, and still no id of a NON_PUBLIC record (public clients here).
 */
describe('reporting: two replicas, each SSE client sees every change (issue 18)', () => {
  let a: ReportingUnderTest;
  let b: ReportingUnderTest;
  let groupId: string;
  const urls: Record<'a' | 'b', string> = { a: '', b: '' };

  beforeAll(async () => {
    a = await startReporting('replicas');
    b = await startReporting('replicas', {}, { namespace: a.ns });
    urls.a = await a.serve();
    urls.b = await b.serve();
    groupId = `${a.ns.topicPrefix}dpi-reporting`;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('streams every registration to the clients of both replicas, each id once', async () => {
    const admin = createKafka(
      { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' },
      'replicas-admin',
    ).admin();
    await admin.connect();
    const platformTopic = prefixedTopic(TOPICS.registryPlatform, a.ns.topicPrefix);
    // Both replicas are members of the group and own some of the platform topic's partitions.
    await eventually(
      async () => {
        const [group] = (await admin.describeGroups([groupId])).groups;
        expect(group.state).toBe('Stable');
        expect(group.members).toHaveLength(2);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await admin.disconnect();

    const abort = new AbortController();
    const seen = { a: [] as SseEvent[], b: [] as SseEvent[] };
    try {
      for (const name of ['a', 'b'] as const) {
        const response = await readEvents(`${urls[name]}/api/v1/events`, abort.signal, seen[name]);
        expect(response.status).toBe(200);
      }
      const before = await partitionEnds([platformTopic]);
      const publicIds = Array.from({ length: PUBLIC_PLATFORMS }, (): string => randomUUID());
      const nonPublicIds = Array.from({ length: NON_PUBLIC_PLATFORMS }, (): string => randomUUID());
      await a.producer.send([
        ...publicIds.map((id) => a.events.platform(id, 1, { landCode: 'DE-HH' })),
        ...nonPublicIds.map((id) =>
          a.events.platform(id, 1, { landCode: 'DE-HH', accessRights: 'NON_PUBLIC' }),
        ),
      ]);
      // The keys (record ids) spread over several partitions, so both replicas applied some.
      const after = await partitionEnds([platformTopic]);
      const written = after.filter(
        (end) => end.high > (before.find((e) => e.partition === end.partition)?.high ?? 0n),
      );
      expect(written.length).toBeGreaterThan(1);

      // Every registration was applied (by one replica or the other) ...
      await b.projected();
      await eventually(
        async () => {
          const { items } = await a.get<{ items: { id: string }[] }>(
            '/api/v1/items?landCode=DE-HH&kind=platform&limit=500',
          );
          expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(publicIds));
        },
        { timeoutMs: 30_000 },
      );
      // ... and each replica's client received every one of them, each once.
      await eventually(
        () => {
          const count = (events: SseEvent[]) =>
            publicIds.filter((id) => platformIdsIn(events).includes(id)).length;
          expect({ a: count(seen.a), b: count(seen.b) }).toEqual({
            a: PUBLIC_PLATFORMS,
            b: PUBLIC_PLATFORMS,
          });
        },
        { timeoutMs: 20_000, intervalMs: 100 },
      );
      for (const events of [seen.a, seen.b]) {
        const ids = platformIdsIn(events);
        const registered = ids.filter((id) => publicIds.includes(id));
        expect(registered).toHaveLength(PUBLIC_PLATFORMS);
        expect(new Set(registered).size).toBe(PUBLIC_PLATFORMS);
        // Public clients: never an id of a NON_PUBLIC record.
        expect(ids.filter((id) => nonPublicIds.includes(id))).toEqual([]);
      }
    } finally {
      abort.abort();
    }
  });
});
