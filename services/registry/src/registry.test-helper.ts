import { TOPICS } from '@dpi/contracts';
import { migrate } from '@dpi/db';
import { prefixedTopic } from '@dpi/kafka';
import { createServiceApp } from '@dpi/service-kit';
import { createTestNamespace, KafkaProbe, TestNamespace } from '@dpi/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { Client } from 'pg';
import { registryEnvSchema } from './config';
import { registryDataSourceOptions } from './database/data-source';
import { SERVICE_OPTIONS } from './service-options';

/** The real registry app on the real PostgreSQL and Kafka, in its own schema and topics. */
export interface RegistryUnderTest {
  ns: TestNamespace;
  app: NestFastifyApplication;
  /** Everything published to dpi.registry.platform.v1 of this namespace. */
  platformEvents: KafkaProbe;
  db: Client;
  schema: string;
  count(table: string): Promise<number>;
  /** An HTTP request through Fastify's inject: JSON body, optional bearer token and headers. */
  request(
    method: HttpMethod,
    url: string,
    options?: RequestOptions,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function startRegistry(label: string, adminToken: string): Promise<RegistryUnderTest> {
  const ns = await createTestNamespace(label);
  const schema = ns.schema('registry');
  Object.assign(
    process.env,
    ns.env('registry', { DPI_ADMIN_TOKEN: adminToken, OUTBOX_POLL_INTERVAL_MS: '100' }),
  );
  await migrate(registryDataSourceOptions(registryEnvSchema.parse(process.env)));
  const { AppModule } = await import('./app.module');
  const app = await createServiceApp(AppModule, SERVICE_OPTIONS);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const platformEvents = await new KafkaProbe(
    prefixedTopic(TOPICS.registryPlatform, ns.topicPrefix),
  ).start();
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  return {
    ns,
    app,
    platformEvents,
    db,
    schema,
    count: async (table) =>
      Number((await db.query(`SELECT count(*) AS n FROM ${schema}.${table}`)).rows[0].n),
    request: (method, url, options = {}) =>
      app.inject({
        method,
        url,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
      }),
    close: async () => {
      await platformEvents.stop();
      await app.close();
      await db.end();
    },
  };
}
