import { ConsumerObserver, withTimeout } from '@dpi/kafka';
import { Inject, Injectable } from '@nestjs/common';
import { Admin } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { KAFKA_ADMIN } from '../kafka/kafka.tokens';
import { Metrics } from './metrics';

/** How long a scrape waits for the broker's offsets before it reports no lag series. */
const LAG_TIMEOUT_MS = 2000;

/**
 * The Kafka consumer metrics of a service: pass it as `observer` to every BatchConsumer.
 *
 * Lag is what Burrow and kafka-exporter report: per group, topic and partition, the log end offset
 * minus the group's committed offset, read from the broker at scrape time (a consumer that hangs
 * applies no batches, so its own batch statistics would never show its lag growing). Our consumers
 * commit only what they applied, so lag 0 means everything produced so far is in the read model.
 */
@Injectable()
export class ConsumerMetrics implements ConsumerObserver {
  private readonly groups = new Map<string, readonly string[]>();
  private readonly batches;
  private readonly records;
  private readonly splits;
  private readonly deadLetters;
  private readonly crashes;
  private connected = false;

  constructor(
    metrics: Metrics,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('ConsumerMetrics');
    const labelNames = ['group', 'topic'] as const;
    this.batches = metrics.histogram({
      name: 'dpi_kafka_consumer_batch_duration_seconds',
      help: 'Time to apply one partition batch (decode, handle, retries, dead letters)',
      labelNames,
    });
    this.records = metrics.counter({
      name: 'dpi_kafka_consumer_records_total',
      help: 'Records consumed and applied (or dead-lettered)',
      labelNames,
    });
    this.splits = metrics.counter({
      name: 'dpi_kafka_consumer_batch_splits_total',
      help: 'Batches that failed as a whole and were applied record by record',
      labelNames,
    });
    this.deadLetters = metrics.counter({
      name: 'dpi_kafka_consumer_dead_letters_total',
      help: 'Records sent to the dead-letter topic',
      labelNames,
    });
    this.crashes = metrics.counter({
      name: 'dpi_kafka_consumer_crashes_total',
      help: 'Times kafkajs crashed a consumer (recovering: restarted by kafkajs or replaced by a new one)',
      labelNames: ['group', 'recovering'],
    });
    const lag = () => this.lag();
    metrics.gauge({
      name: 'dpi_kafka_consumer_lag',
      help: 'Log end offset minus the committed offset, per consumer group, topic and partition',
      labelNames: ['group', 'topic', 'partition'],
      async collect() {
        this.reset();
        for (const row of await lag()) {
          this.set(
            { group: row.group, topic: row.topic, partition: String(row.partition) },
            row.lag,
          );
        }
      },
    });
  }

  started(groupId: string, topics: readonly string[]): void {
    this.groups.set(groupId, topics);
  }

  stopped(groupId: string): void {
    this.groups.delete(groupId);
  }

  batchDone(batch: {
    groupId: string;
    topic: string;
    records: number;
    seconds: number;
    split: boolean;
  }): void {
    const labels = { group: batch.groupId, topic: batch.topic };
    this.batches.observe(labels, batch.seconds);
    this.records.inc(labels, batch.records);
    if (batch.split) this.splits.inc(labels);
  }

  deadLettered(groupId: string, topic: string, records: number): void {
    this.deadLetters.inc({ group: groupId, topic }, records);
  }

  crashed(groupId: string, recovering: boolean): void {
    this.crashes.inc({ group: groupId, recovering: String(recovering) });
  }

  /** Every watched group's lag now; [] when the broker does not answer in time. */
  async lag(): Promise<{ group: string; topic: string; partition: number; lag: number }[]> {
    if (this.groups.size === 0) return [];
    try {
      return await withTimeout(this.readLag(), LAG_TIMEOUT_MS, 'Kafka offsets not read in time');
    } catch (error) {
      // No series rather than stale ones: the alert on absent lag fires, not a wrong number.
      this.connected = false;
      this.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'consumer lag not available for this scrape',
      );
      return [];
    }
  }

  private async readLag() {
    if (!this.connected) {
      await this.admin.connect();
      this.connected = true;
    }
    const rows: { group: string; topic: string; partition: number; lag: number }[] = [];
    const ends = new Map<string, Map<number, { high: bigint; low: bigint }>>();
    const topics = new Set([...this.groups.values()].flat());
    await Promise.all(
      [...topics].map(async (topic) => {
        const offsets = await this.admin.fetchTopicOffsets(topic);
        ends.set(
          topic,
          new Map(offsets.map((o) => [o.partition, { high: BigInt(o.high), low: BigInt(o.low) }])),
        );
      }),
    );
    for (const [group, groupTopics] of this.groups) {
      const committed = await this.admin.fetchOffsets({ groupId: group, topics: [...groupTopics] });
      for (const { topic, partitions } of committed) {
        for (const { partition, offset } of partitions) {
          const end = ends.get(topic)?.get(partition);
          if (!end) continue;
          // No commit yet (-1): everything still in the log is to be read.
          const from = BigInt(offset) < 0n ? end.low : BigInt(offset);
          const lag = end.high - from;
          rows.push({ group, topic, partition, lag: Number(lag < 0n ? 0n : lag) });
        }
      }
    }
    return rows;
  }
}
