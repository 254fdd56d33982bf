import { Metrics } from '@dpi/service-kit';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import { ReportingEnv } from '../config';
import { READ_MODEL_NAMES } from '../projection/read-models';
import { CHANGES_CHANNEL, fromNotification, toNotifications } from './change-notification';
import type { ReadModelsChange } from './read-models-changed';

/**
 * PostgreSQL LISTEN/NOTIFY between the replicas: a change is announced by NOTIFY in the
 * transaction that made it (delivered when, and only if, it commits; in commit order) and heard
 * by every replica's listening connection, the announcing one included. See the README, "Live
 * updates across replicas".
 */
@Injectable()
export class ChangeChannel implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Tells this replica's announcements from the others'. */
  readonly instanceId = randomUUID();
  private readonly subject = new Subject<ReadModelsChange>();
  private readonly schema: string;
  private client: Client | null = null;
  private stopping = false;
  private running: Promise<void> | null = null;
  private wake: () => void = () => undefined;
  private markListening: () => void = () => undefined;
  private readonly firstListen = new Promise<void>((resolve) => (this.markListening = resolve));
  private readonly reconnects;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) private readonly config: ConfigService<ReportingEnv, true>,
    private readonly logger: PinoLogger,
    metrics: Metrics,
  ) {
    logger.setContext('ChangeChannel');
    this.schema = config.get('DB_SCHEMA', { infer: true });
    this.reconnects = metrics.counter({
      name: 'dpi_reporting_change_channel_reconnects_total',
      help: 'Times the connection listening for other replicas’ changes was re-established',
    });
  }

  /** Every change announced by any replica (this one included), in commit order. */
  get received(): Observable<ReadModelsChange> {
    return this.subject.asObservable();
  }

  /** Resolves once this replica listens (changes committed before are not heard). */
  listening(): Promise<void> {
    return this.firstListen;
  }

  /** Announces `change` when `manager`'s transaction commits (without one: now). */
  async announce(change: ReadModelsChange, manager?: EntityManager): Promise<void> {
    const payloads = toNotifications(this.schema, this.instanceId, change);
    await (manager ?? this.dataSource).query(
      'SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload',
      [CHANGES_CHANNEL, payloads],
    );
  }

  onApplicationBootstrap(): void {
    // Not awaited: the service boots while the database is down, as its consumer does.
    this.running = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.client?.end().catch(() => undefined);
    await this.running;
  }

  private async run(): Promise<void> {
    let backoff = 200;
    let lost = false;
    while (!this.stopping) {
      try {
        await this.listenUntilLost(lost);
        backoff = 200;
      } catch (error) {
        if (this.stopping) break;
        this.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'listening for read-model changes failed; retrying',
        );
      }
      if (this.stopping) break;
      lost = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      backoff = Math.min(backoff * 2, 10_000);
    }
  }

  /** Listens on a connection of its own until it is lost. */
  private async listenUntilLost(afterLoss: boolean): Promise<void> {
    const client = new Client({
      connectionString: this.config.get('DATABASE_URL', { infer: true }),
      application_name: 'reporting-change-channel',
      keepAlive: true,
    });
    this.client = client;
    const lost = new Promise<void>((resolve) => {
      client.on('end', resolve);
      client.on('error', (error) => {
        this.logger.warn({ error: error.message }, 'change channel connection lost');
        resolve();
      });
    });
    client.on('notification', ({ channel, payload }) => {
      if (channel !== CHANGES_CHANNEL || !payload) return;
      const change = fromNotification(payload, this.schema, this.instanceId);
      if (change) this.subject.next(change);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      this.markListening();
      if (afterLoss) this.changedWhileDeaf();
      await lost;
    } finally {
      this.client = null;
      await client.end().catch(() => undefined);
    }
  }

  /**
   * Changes committed while the connection was down were not heard: every read model may have
   * changed (the aggregates refresh, SSE clients reload). The findings follow within the
   * aggregates' interval.
   */
  private changedWhileDeaf(): void {
    this.reconnects.inc();
    this.logger.warn('change channel listening again; announcing every read model as changed');
    const at = new Date().toISOString();
    for (const model of READ_MODEL_NAMES)
      this.subject.next({ type: 'changed', model, ids: [], at, appliedHere: false });
  }
}
