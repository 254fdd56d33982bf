import { HarvestJobChangedSchema, HarvestRecordChangedSchema, TOPICS } from '@dpi/contracts';
import { migrate } from '@dpi/db';
import { decodeMessage, envelopeFromHeaders, prefixedTopic } from '@dpi/kafka';
import { createServiceApp } from '@dpi/service-kit';
import {
  createTestNamespace,
  eventually,
  KafkaProbe,
  type ProbedMessage,
  type TestNamespace,
} from '@dpi/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { Client } from 'pg';
import { harvesterEnvSchema } from './config';
import { harvesterDataSourceOptions } from './database/data-source';
import { SERVICE_OPTIONS } from './service-options';

export const ADMIN_TOKEN = 'harvester-integration-admin-token-0123';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Bearer token; the admin token unless `null`. */
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A job as the API returns it. */
export interface JobJson {
  id: string;
  sourceId: string;
  mode: 'full' | 'incremental';
  state: string;
  counts: Record<
    'matched' | 'received' | 'created' | 'updated' | 'unchanged' | 'deleted' | 'failed',
    number | null
  >;
  warnings: number;
  message: string;
  deletesHeldBack: boolean;
  modifiedSince: string | null;
  [key: string]: unknown;
}

export interface IssueJson {
  severity: 'error' | 'warning';
  code: string;
  identifier: string | null;
  message: string;
  snippet: string | null;
}

/** The real harvester app on the real PostgreSQL and Kafka, in its own schema and topics. */
export interface HarvesterUnderTest {
  ns: TestNamespace;
  app: NestFastifyApplication;
  /** Everything published to dpi.harvest.record.v1 of this namespace. */
  recordEvents: KafkaProbe;
  /** Everything published to dpi.harvest.job.v1 of this namespace. */
  jobEvents: KafkaProbe;
  db: Client;
  schema: string;
  request(
    method: HttpMethod,
    url: string,
    options?: RequestOptions,
  ): Promise<LightMyRequestResponse>;
  /** Creates a source (admin) and returns its JSON. */
  createSource(body: Record<string, unknown>): Promise<{ id: string; [key: string]: unknown }>;
  /** Starts a run and waits until the job has finished. */
  runToEnd(sourceId: string, mode?: 'full' | 'incremental', timeoutMs?: number): Promise<JobJson>;
  waitForJob(jobId: string, timeoutMs?: number): Promise<JobJson>;
  issues(jobId: string): Promise<IssueJson[]>;
  /** Record events of one source, decoded (value null = tombstone). */
  recordMessages(sourceId: string): ProbedMessage[];
  /**
   * Waits until every event committed so far is in `recordEvents` and `jobEvents`: the outbox is
   * empty (the relay deletes a row only once Kafka acknowledged it) and both probes have read
   * their topics to the end. Afterwards, an event the probes have not seen was not published.
   */
  published(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const FINISHED = ['succeeded', 'partiallySucceeded', 'failed', 'cancelled'];

export async function startHarvester(
  label: string,
  env: Record<string, string> = {},
): Promise<HarvesterUnderTest> {
  const ns = await createTestNamespace(label);
  const schema = ns.schema('harvester');
  Object.assign(
    process.env,
    ns.env('harvester', {
      DPI_ADMIN_TOKEN: ADMIN_TOKEN,
      OUTBOX_POLL_INTERVAL_MS: '100',
      HARVEST_PROGRESS_INTERVAL_MS: '0',
      HARVEST_SCHEDULER_ENABLED: 'false',
      // The schedule tests fire every two seconds.
      HARVEST_MIN_SCHEDULE_INTERVAL_SECONDS: '1',
      ...env,
    }),
  );
  await migrate(harvesterDataSourceOptions(harvesterEnvSchema.parse(process.env)));
  const { AppModule } = await import('./app.module');
  const app = await createServiceApp(AppModule, SERVICE_OPTIONS);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const recordEvents = await new KafkaProbe(
    prefixedTopic(TOPICS.harvestRecord, ns.topicPrefix),
  ).start();
  const jobEvents = await new KafkaProbe(prefixedTopic(TOPICS.harvestJob, ns.topicPrefix)).start();
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();

  const request: HarvesterUnderTest['request'] = (method, url, options = {}) => {
    const token = options.token === undefined ? ADMIN_TOKEN : options.token;
    return app.inject({
      method,
      url,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
    });
  };
  const waitForJob = (jobId: string, timeoutMs = 20_000) =>
    eventually(
      async () => {
        const job = (await request('GET', `/api/v1/jobs/${jobId}`)).json() as JobJson;
        if (!FINISHED.includes(job.state)) throw new Error(`job ${jobId} still ${job.state}`);
        return job;
      },
      { timeoutMs, intervalMs: 50 },
    );

  return {
    ns,
    app,
    recordEvents,
    jobEvents,
    db,
    schema,
    request,
    waitForJob,
    createSource: async (body) => {
      const response = await request('POST', '/api/v1/sources', { body });
      if (response.statusCode !== 201) {
        throw new Error(`creating a source failed: ${response.statusCode} ${response.body}`);
      }
      return response.json();
    },
    runToEnd: async (sourceId, mode = 'full', timeoutMs) => {
      const response = await request('POST', `/api/v1/sources/${sourceId}/run`, { body: { mode } });
      if (response.statusCode !== 202) {
        throw new Error(`starting a run failed: ${response.statusCode} ${response.body}`);
      }
      return waitForJob(response.json().id, timeoutMs);
    },
    issues: async (jobId) =>
      (await request('GET', `/api/v1/jobs/${jobId}/errors?limit=500`)).json().items,
    recordMessages: (sourceId) =>
      recordEvents.messages.filter((m) => m.key.startsWith(`${sourceId}/`)),
    published: async (timeoutMs = 15_000) => {
      await outboxDrained(db, schema, timeoutMs);
      await Promise.all([recordEvents.caughtUp({ timeoutMs }), jobEvents.caughtUp({ timeoutMs })]);
    },
    close: async () => {
      await Promise.allSettled([recordEvents.stop(), jobEvents.stop()]);
      await app.close();
      await db.end();
    },
  };
}

/**
 * Waits until the outbox of `schema` is empty: the relay deletes a row only once Kafka
 * acknowledged it, so every event committed before the call is then in its topic.
 */
export async function outboxDrained(db: Client, schema: string, timeoutMs = 15_000): Promise<void> {
  await eventually(
    async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${schema}.outbox`);
      if (rows[0].n > 0) throw new Error(`${rows[0].n} events still in the outbox`);
    },
    { timeoutMs },
  );
}

/** Decodes a record event (throws on a tombstone). */
export function decodeRecord(message: ProbedMessage) {
  const envelope = envelopeFromHeaders(message.headers);
  if (!message.value) throw new Error(`tombstone for ${message.key}`);
  return {
    envelope,
    record: decodeMessage(HarvestRecordChangedSchema, message.value, envelope.schema).record,
  };
}

/** Decodes a job event. */
export function decodeJob(message: ProbedMessage) {
  const envelope = envelopeFromHeaders(message.headers);
  return {
    envelope,
    job: decodeMessage(HarvestJobChangedSchema, message.value as Buffer, envelope.schema).job,
  };
}
