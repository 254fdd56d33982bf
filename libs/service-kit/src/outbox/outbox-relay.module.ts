import { DbEnv, OutboxEnv, OutboxRelay } from '@dpi/db';
import { endSpans, KafkaEnv, ManagedProducer, startEventSpans, withTimeout } from '@dpi/kafka';
import {
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { KAFKA_PRODUCER } from '../kafka/kafka.module';
import { Metrics, secondsSince } from '../metrics/metrics';

const BACKLOG_TIMEOUT_MS = 2000;

type RelayEnv = DbEnv & OutboxEnv & KafkaEnv & { DB_SCHEMA: string };

/**
 * Publishes the service's outbox (its schema's `outbox` table) to Kafka in commit order while the
 * service is up, adding KAFKA_TOPIC_PREFIX to the logical topics the rows hold; one relay per
 * schema leads (advisory lock), see libs/db OutboxRelay.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;
  private readonly logger: PinoLogger;

  constructor(
    @Inject(ConfigService) config: ConfigService<RelayEnv, true>,
    @Inject(KAFKA_PRODUCER) producer: ManagedProducer,
    @InjectDataSource() dataSource: DataSource,
    metrics: Metrics,
    logger: PinoLogger,
  ) {
    logger.setContext('OutboxRelay');
    this.logger = logger;
    const schema = config.get('DB_SCHEMA', { infer: true });
    const published = metrics.counter({
      name: 'dpi_outbox_published_events_total',
      help: 'Outbox events the broker acknowledged',
    });
    const failures = metrics.counter({
      name: 'dpi_outbox_publish_failures_total',
      help: 'Outbox batches the broker did not acknowledge (retried)',
    });
    const sends = metrics.histogram({
      name: 'dpi_outbox_publish_duration_seconds',
      help: 'Time to publish one outbox batch to Kafka until acknowledged',
    });
    this.relay = new OutboxRelay({
      url: config.get('DATABASE_URL', { infer: true }),
      schema,
      batchSize: config.get('OUTBOX_BATCH_SIZE', { infer: true }),
      pollIntervalMs: config.get('OUTBOX_POLL_INTERVAL_MS', { infer: true }),
      lingerMs: config.get('OUTBOX_LINGER_MS', { infer: true }),
      // One of the two places the prefix is applied (the other: the consumer host).
      topicPrefix: config.get('KAFKA_TOPIC_PREFIX', { infer: true }),
      publish: async (events) => {
        const started = process.hrtime.bigint();
        // Tracing on: a `publish` span per event, child of the request that wrote it; the event
        // then carries the span's context to its consumers.
        const spans = startEventSpans('publish', events);
        try {
          await producer.send(events);
        } catch (error) {
          failures.inc();
          endSpans(spans, error);
          throw error;
        }
        endSpans(spans);
        sends.observe(secondsSince(started));
        published.inc(events.length);
      },
      logger: logger.logger,
    });
    this.observeBacklog(metrics, dataSource, schema);
  }

  /**
   * What is committed but not yet acknowledged by Kafka, read at scrape time: a growing backlog or
   * an old oldest event means the relay is stuck (broker down, no leader, a poison batch).
   */
  private observeBacklog(metrics: Metrics, dataSource: DataSource, schema: string): void {
    const table = `"${schema}".outbox`;
    let reading: Promise<{ backlog: number; age: number }> | null = null;
    // Both gauges of one scrape share one query.
    // Both gauges of one scrape share one query. A database that does not answer makes them NaN
    // (unknown) for that scrape, rather than failing the whole scrape or reporting a stale number.
    const read = () =>
      (reading ??= withTimeout(
        dataSource.query(
          `SELECT count(*)::int AS backlog,
                  COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)), 0)::float8 AS age
           FROM ${table}`,
        ),
        BACKLOG_TIMEOUT_MS,
        'outbox backlog not read in time',
      )
        .then((rows: { backlog: number; age: number }[]) => rows[0])
        .catch(() => ({ backlog: NaN, age: NaN }))
        .finally(() => setImmediate(() => (reading = null))));
    metrics.gauge({
      name: 'dpi_outbox_backlog_events',
      help: 'Outbox events committed and not yet acknowledged by Kafka',
      async collect() {
        this.set((await read()).backlog);
      },
    });
    metrics.gauge({
      name: 'dpi_outbox_oldest_event_age_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when the outbox is empty)',
      async collect() {
        this.set((await read()).age);
      },
    });
    const relay = this.relay;
    metrics.gauge({
      name: 'dpi_outbox_relay_leader',
      help: "1 when this instance holds the schema's relay lock and publishes, else 0",
      collect() {
        this.set(relay.getStats().leader ? 1 : 0);
      },
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    this.logger.info('outbox relay stopped');
  }

  stats() {
    return this.relay.getStats();
  }
}

/** Import in a service whose env schema merges dbEnvSchema and outboxEnvSchema. */
@Module({ providers: [OutboxRelayService], exports: [OutboxRelayService] })
export class OutboxRelayModule {}
