import { Client } from 'pg';
import { schemaNameSchema } from '../config';
import { isTransientDbError } from '../errors';
import { OUTBOX_CHANNEL } from './outbox.migration-sql';
import { OutboxEvent } from './outbox.writer';

export interface RelayLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OutboxRelayOptions {
  url: string;
  schema: string;
  /** Publishes a batch in order; must throw unless every event was acknowledged. */
  publish: (events: OutboxEvent[]) => Promise<void>;
  /**
   * The deployment's KAFKA_TOPIC_PREFIX: events are written with their logical topic and get the
   * prefix here, when they are published (see {@link publishedTopic}). Default ''.
   */
  topicPrefix?: string;
  batchSize?: number;
  /** Poll interval when no notification arrives (notifications are the fast path). */
  pollIntervalMs?: number;
  /**
   * After a batch that did not fill up, wait this long before reading the next, so that the
   * commits of those milliseconds travel together (as the Kafka producer's linger.ms): fewer,
   * larger produce requests and outbox reads under a stream of single-record commits, for at
   * most this much more latency. 0 = read again at once.
   */
  lingerMs?: number;
  logger?: RelayLogger;
  /** Waits out the linger time and the retry backoff (tests pass one they end themselves). */
  sleep?: (ms: number) => Promise<void>;
}

export interface OutboxRelayStats {
  leader: boolean;
  published: number;
  /** created_at → acknowledged, of the last published event, in ms. */
  lastLagMs: number | null;
  lastError: string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The topic an outbox row is published to: its logical topic with the deployment's prefix. Rows
 * written by versions before the relay applied the prefix hold the prefixed name already and are
 * published as they are (a topic that starts with the prefix is taken as prefixed; production runs
 * with an empty prefix, where both are the same).
 */
export function publishedTopic(topic: string, prefix: string): string {
  return prefix === '' || topic.startsWith(prefix) ? topic : `${prefix}${topic}`;
}

/**
 * Publishes a service's outbox to Kafka in commit order. One relay per schema is leader at a time
 * (session advisory lock), so order per entity holds across replicas. Rows are deleted only after
 * the broker acknowledged them: delivery is at-least-once, and consumers skip what they have seen.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lingerMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly schema: string;
  private readonly topicPrefix: string;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A notification arrived while no one was waiting: the next wait returns at once. */
  private notified = false;
  /** Ids the broker acknowledged, not yet deleted: the next read deletes them. */
  private acknowledged: string[] = [];
  private client: Client | null = null;
  private readonly stats: OutboxRelayStats = {
    leader: false,
    published: 0,
    lastLagMs: null,
    lastError: null,
  };

  constructor(private readonly options: OutboxRelayOptions) {
    this.schema = schemaNameSchema.parse(options.schema);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.lingerMs = options.lingerMs ?? 0;
    this.sleep = options.sleep ?? sleep;
    this.topicPrefix = options.topicPrefix ?? '';
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.client?.end().catch(() => undefined);
    await this.loop;
    this.loop = null;
  }

  getStats(): OutboxRelayStats {
    return { ...this.stats };
  }

  private async run(): Promise<void> {
    let backoff = 200;
    while (!this.stopping) {
      try {
        await this.lead();
        backoff = 200;
      } catch (error) {
        if (this.stopping) break;
        this.stats.lastError = error instanceof Error ? error.message : String(error);
        this.stats.leader = false;
        const transient = isTransientDbError(error);
        this.options.logger?.[transient ? 'warn' : 'error'](
          { error: this.stats.lastError },
          'outbox relay failed; retrying',
        );
        await this.client?.end().catch(() => undefined);
        this.client = null;
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /** Connects, becomes leader, then drains the outbox until stopped. */
  private async lead(): Promise<void> {
    const client = new Client({
      connectionString: this.options.url,
      application_name: `outbox-relay:${this.schema}`,
    });
    this.client = client;
    client.on('error', () => undefined); // surfaced by the next query instead
    await client.connect();
    await client.query(`SET search_path TO ${this.schema}`);
    while (!this.stopping) {
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS ok',
        [`dpi-outbox:${this.schema}`],
      );
      if (rows[0].ok) break;
      await this.sleepUntilWoken(this.pollIntervalMs * 5);
    }
    if (this.stopping) return;
    this.stats.leader = true;
    this.options.logger?.info({ schema: this.schema }, 'outbox relay is leader');
    client.on('notification', (n) => {
      if (n.payload !== this.schema) return;
      if (this.wake) this.wake();
      else this.notified = true;
    });
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    while (!this.stopping) {
      // Cleared before reading: a commit notified during the drain triggers another drain.
      this.notified = false;
      const drained = await this.drainOnce(client);
      if (drained >= this.batchSize) continue; // a backlog: the next batch at once
      if (!this.notified) {
        // Idle: delete the acknowledged rows now rather than with the next batch.
        await this.deleteAcknowledged(client);
        await this.sleepUntilWoken(this.pollIntervalMs);
      }
      if (this.lingerMs > 0 && !this.stopping) await this.sleep(this.lingerMs);
    }
  }

  private async drainOnce(client: Client): Promise<number> {
    // One round trip per batch: delete what the broker acknowledged, read the next batch (the
    // read shares the delete's snapshot, so it must leave the deleted ids out itself).
    const { rows } = await client.query<{
      id: string;
      topic: string;
      key: string;
      value: Buffer | null;
      headers: Record<string, string>;
      created_at: Date;
    }>(
      `WITH acknowledged AS (DELETE FROM outbox WHERE id = ANY($1::bigint[]))
       SELECT id, topic, key, value, headers, created_at FROM outbox
       WHERE NOT (id = ANY($1::bigint[])) ORDER BY id LIMIT $2`,
      [this.acknowledged, this.batchSize],
    );
    this.acknowledged = [];
    if (rows.length === 0) return 0;
    await this.options.publish(
      rows.map(({ topic, key, value, headers }) => ({
        topic: publishedTopic(topic, this.topicPrefix),
        key,
        value,
        headers,
      })),
    );
    this.acknowledged = rows.map((r) => r.id);
    this.stats.published += rows.length;
    this.stats.lastLagMs = Date.now() - rows[rows.length - 1].created_at.getTime();
    this.stats.lastError = null;
    return rows.length;
  }

  private async deleteAcknowledged(client: Client): Promise<void> {
    if (this.acknowledged.length === 0) return;
    await client.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [this.acknowledged]);
    this.acknowledged = [];
  }

  private sleepUntilWoken(ms: number): Promise<void> {
    if (this.notified || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
