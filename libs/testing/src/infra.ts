import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../..');
/** Shared fixtures and reference facts live beside the project, never inside it. */
export const SHARED_DIR = join(WORKSPACE_ROOT, '../shared');

/** infra.sh's local servers, on the ports it uses (INFRA_PG_PORT, INFRA_KAFKA_PORT when set). */
export const DEFAULT_DATABASE_URL = `postgres://dpi:dpi@127.0.0.1:${process.env.INFRA_PG_PORT || '55432'}/dpi`;
export const DEFAULT_KAFKA_BROKERS = `127.0.0.1:${process.env.INFRA_KAFKA_PORT || '59092'}`;

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function kafkaBrokers(): string {
  return process.env.KAFKA_BROKERS || DEFAULT_KAFKA_BROKERS;
}

/** The log of the running test file (jest-test-log.ts); undefined outside the root jest config. */
export function currentTestLog(): string | undefined {
  return process.env.DPI_TEST_LOG_FILE;
}

function reachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Makes sure the real PostgreSQL and Kafka are up: when either is not reachable, runs
 * `deploy/local/infra.sh up` (which installs what is missing). Never a mock.
 */
export async function ensureInfrastructure(): Promise<void> {
  const db = new URL(databaseUrl());
  const [broker] = kafkaBrokers().split(',');
  const [kafkaHost, kafkaPort] = broker.trim().split(':');
  const up =
    (await reachable(db.hostname, Number(db.port || 5432))) &&
    (await reachable(kafkaHost, Number(kafkaPort)));
  if (up) return;
  execFileSync('bash', [join(WORKSPACE_ROOT, 'deploy/local/infra.sh'), 'up'], {
    stdio: 'inherit',
    timeout: 600_000,
  });
}
