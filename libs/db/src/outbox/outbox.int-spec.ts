import { createTestNamespace, eventually, quietPeriod } from '@dpi/testing';
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
  ) => {
    const relay = new OutboxRelay({
      url: options.url,
      schema: options.schema,
      publish,
      pollIntervalMs: 100,
      batchSize: 7,
      lingerMs,
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
    await quietPeriod(300);
    expect(second.getStats().leader).toBe(false);
    await relays[0].stop();
    published.length = 0;
    await dataSource.transaction((m) => appendToOutbox(m, [event('after-failover')]));
    await eventually(() => expect(published.map((e) => e.key)).toEqual(['after-failover']), {
      timeoutMs: 15_000,
    });
    expect(second.getStats().leader).toBe(true);
  });

  it('publishes the commits of its linger time together', async () => {
    await Promise.all(relays.map((r) => r.stop()));
    const batches: string[][] = [];
    const lingering = newRelay(async (events) => void batches.push(events.map((e) => e.key)), 300);
    lingering.start();
    await eventually(() => expect(lingering.getStats().leader).toBe(true));
    // Ten commits, a few ms apart: a relay reading after every commit would publish ten batches.
    const keys = Array.from({ length: 10 }, (_, i) => `l${i}`);
    for (const key of keys) await dataSource.transaction((m) => appendToOutbox(m, [event(key)]));
    await eventually(() => expect(batches.flat()).toEqual(keys));
    // A drain may fall between two of the commits, no more than once in 300 ms.
    expect(batches.length).toBeLessThanOrEqual(2);
  });
});
