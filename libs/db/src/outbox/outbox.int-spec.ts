import { createTestNamespace, eventually } from '@dpi/testing';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { migrate, serviceDataSourceOptions } from '../data-source';
import { OutboxEventEntity } from './outbox-event.entity';
import { OUTBOX_DOWN_SQL, OUTBOX_UP_SQL } from './outbox.migration-sql';
import { OutboxRelay } from './outbox.relay';
import { appendToOutbox, OutboxEvent } from './outbox.writer';

class OutboxOnly1700000000000 implements MigrationInterface {
  name = 'OutboxOnly1700000000000';
  async up(q: QueryRunner) {
    for (const sql of OUTBOX_UP_SQL) await q.query(sql);
  }
  async down(q: QueryRunner) {
    for (const sql of OUTBOX_DOWN_SQL) await q.query(sql);
  }
}

const event = (key: string): OutboxEvent => ({
  topic: 'dpi.test.v1',
  key,
  value: Buffer.from(key),
  headers: { h: key },
});

describe('outbox relay (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let options: ReturnType<typeof serviceDataSourceOptions> & { url: string; schema: string };
  const published: OutboxEvent[] = [];
  const relays: OutboxRelay[] = [];

  const newRelay = (
    publish = async (events: OutboxEvent[]) => void published.push(...events),
    lingerMs = 0,
    sleep?: (ms: number) => Promise<void>,
    topicPrefix?: string,
  ) => {
    const relay = new OutboxRelay({
      url: options.url,
      schema: options.schema,
      publish,
      pollIntervalMs: 100,
      batchSize: 7,
      lingerMs,
      sleep,
      topicPrefix,
    });
    relays.push(relay);
    return relay;
  };

  beforeAll(async () => {
    const ns = await createTestNamespace('outbox');
    const url = process.env.DATABASE_URL ?? 'postgres://dpi:dpi@127.0.0.1:55432/dpi';
    options = {
      ...serviceDataSourceOptions({
        url,
        schema: ns.schema('outbox'),
        entities: [OutboxEventEntity],
        migrations: [OutboxOnly1700000000000],
      }),
      url,
      schema: ns.schema('outbox'),
    };
    expect(await migrate(options)).toEqual(['OutboxOnly1700000000000']);
    expect(await migrate(options)).toEqual([]);
    dataSource = await new DataSource(options).initialize();
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await dataSource?.destroy();
  });

  it('refuses to write outside a transaction', async () => {
    await expect(appendToOutbox(dataSource.manager, [event('x')])).rejects.toThrow(
      'inside the transaction',
    );
  });

  it('publishes committed events in commit order and nothing of a rolled-back transaction', async () => {
    const relay = newRelay();
    relay.start();
    await expect(
      dataSource.transaction(async (m) => {
        await appendToOutbox(m, [event('rolled-back')]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    for (let i = 0; i < 30; i++) {
      await dataSource.transaction((m) => appendToOutbox(m, [event(`k${i}`), event(`k${i}-b`)]));
    }
    await eventually(() => expect(published).toHaveLength(60));
    expect(published.map((e) => e.key)).toEqual(
      Array.from({ length: 30 }, (_, i) => [`k${i}`, `k${i}-b`]).flat(),
    );
    expect(published[0].value?.toString()).toBe('k0');
    await eventually(async () =>
      expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]),
    );
    expect(relay.getStats()).toMatchObject({ leader: true, published: 60 });
  });

  it('keeps one leader per schema and retries what the broker did not acknowledge', async () => {
    let failures = 2;
    const second = newRelay(async (events) => {
      if (failures-- > 0) throw new Error('broker unavailable');
      published.push(...events);
    });
    second.start();
    // Its connection asked for the leader lock, was refused (holds no advisory lock), and waits.
    await eventually(async () =>
      expect(
        await dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity a
           WHERE a.application_name = $1 AND a.state = 'idle'
             AND a.query LIKE '%pg_try_advisory_lock%'
             AND NOT EXISTS (SELECT 1 FROM pg_locks l
                             WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted)`,
          [`outbox-relay:${options.schema}`],
        ),
      ).toEqual([{ n: 1 }]),
    );
    expect(second.getStats().leader).toBe(false);
    await relays[0].stop();
    published.length = 0;
    await dataSource.transaction((m) => appendToOutbox(m, [event('after-failover')]));
    await eventually(() => expect(published.map((e) => e.key)).toEqual(['after-failover']), {
      timeoutMs: 15_000,
    });
    expect(second.getStats().leader).toBe(true);
    // Deleted once acknowledged: the next relay has nothing of this test to publish.
    await eventually(async () =>
      expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]),
    );
  });

  it('publishes the commits of its linger time together', async () => {
    await Promise.all(relays.map((r) => r.stop()));
    const batches: string[][] = [];
    // The relay's waits end when the test says so, not after 300 ms of a clock the test races.
    const lingers: { ms: number; end: () => void }[] = [];
    // After the test (held = false) the relay sleeps as in production until it is stopped; no
    // assertion waits on that timer.
    let held = true;
    const sleep = (ms: number) =>
      held
        ? new Promise<void>((end) => lingers.push({ ms, end }))
        : new Promise<void>((end) => setTimeout(end, ms));
    const lingering = newRelay(
      async (events) => void batches.push(events.map((e) => e.key)),
      300,
      sleep,
    );
    try {
      lingering.start();
      await eventually(() => expect(lingering.getStats().leader).toBe(true));
      // Idle, it lingers after each poll; ten commits arrive while it does.
      await eventually(() => expect(lingers.map((l) => l.ms)).toEqual([300]));
      const keys = Array.from({ length: 10 }, (_, i) => `l${i}`);
      for (const key of keys) await dataSource.transaction((m) => appendToOutbox(m, [event(key)]));
      expect(batches).toEqual([]);
      lingers.shift()?.end();
      // Together, as far as the batch size (7) allows: a relay reading after every commit would
      // publish ten batches.
      await eventually(() => expect(batches.flat()).toEqual(keys));
      expect(batches).toEqual([keys.slice(0, 7), keys.slice(7)]);
    } finally {
      held = false;
      for (const linger of lingers.splice(0)) linger.end();
    }
  });

  it('adds the topic prefix when publishing, once: rows of older versions hold it already', async () => {
    await Promise.all(relays.map((r) => r.stop()));
    const topics: string[] = [];
    const record = async (events: OutboxEvent[]) => void topics.push(...events.map((e) => e.topic));
    const plain = newRelay(record);
    plain.start();
    await dataSource.transaction((m) => appendToOutbox(m, [event('plain')]));
    // Negative control: without a prefix the logical topic is published as written.
    await eventually(() => expect(topics).toEqual(['dpi.test.v1']));
    await plain.stop();
    topics.length = 0;
    await dataSource.transaction((m) =>
      appendToOutbox(m, [
        event('logical'),
        { ...event('written-prefixed-by-an-older-version'), topic: 'run7.dpi.test.v1' },
      ]),
    );
    newRelay(record, 0, undefined, 'run7.').start();
    await eventually(() => expect(topics).toEqual(['run7.dpi.test.v1', 'run7.dpi.test.v1']));
  });
});
