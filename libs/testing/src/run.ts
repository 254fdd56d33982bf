// Loaded by jest's globalSetup/globalTeardown, which bypass moduleNameMapper: no @dpi/* imports here.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { databaseUrl, kafkaBrokers } from './infra';

const RUN_ENV = 'DPI_TEST_RUN_ID';

/** Id of this test run, shared by all jest workers (set by globalSetup). */
export function testRunId(): string {
  const id = process.env[RUN_ENV];
  if (!id)
    throw new Error(
      `${RUN_ENV} is not set: run integration tests through the jest config that uses @dpi/testing's globalSetup`,
    );
  return id;
}

export function newTestRunId(): string {
  return `t${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
}

/** Drops every schema and topic a run created. */
export async function dropTestRun(run: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE '%\\_' || $1 || '\\_%'",
      [run],
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
  const admin = new Kafka({
    clientId: 'test-teardown',
    brokers: kafkaBrokers().split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${run}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(`${run}.`));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
