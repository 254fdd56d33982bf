// Shared steps of `npm start` and `npm test`: everything a fresh clone needs, idempotent.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function log(message) {
  process.stdout.write(`\x1b[1m▶ ${message}\x1b[0m\n`);
}

/** Runs a command with inherited output; throws with its name when it fails. */
export function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
    ...options,
  });
  if (result.status !== 0) {
    throw new Error(
      `${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`,
    );
  }
  return (Date.now() - started) / 1000;
}

const lockDigest = () =>
  createHash('sha256')
    .update(readFileSync(join(ROOT, 'package-lock.json')))
    .digest('hex');

/**
 * Installs npm dependencies when node_modules is missing or was installed from another
 * package-lock.json. `npm install`, not `npm ci`: the registry reachable here serves only the
 * Linux builds of platform packages (swc, buf, nx, esbuild), so the lockfile lacks the others and
 * npm 11's `npm ci` refuses it; `npm install` honours the lockfile's versions all the same.
 */
export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules/.dpi-lock-sha256');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === lockDigest()) return;
  log('installing npm dependencies (npm install)');
  run('npm', ['install', '--no-audit', '--no-fund']);
  writeFileSync(marker, lockDigest());
}

export function infraUp() {
  log('starting PostgreSQL + PostGIS and Kafka (deploy/local/infra.sh up)');
  return run('bash', ['deploy/local/infra.sh', 'up']);
}

/**
 * Process settings a service runs with wherever it is started (npm start, the benchmarks; the same
 * values are in docker-compose.yml). glibc's per-thread malloc arenas keep freed native memory
 * (response buffers) in the process: two arenas are enough for Node's few threads (the
 * harvester's RSS peak in a 10,000-record harvest: 312 → 267 MB). (Its heap growth is bounded by the harvester itself, memory.ts.)
 * HARVEST_HEAP_GROWING_PERCENT 50 (the code's default is 100): with records carrying their ISO
 * documents the harvester's RSS peak in the same harvest was 318–328 MB at 100 and 279–287 MB at
 * 50, for the same CPU per record (5.12 ms in both, issue 20 follow-up).
 */
export const SERVICE_RUNTIME_ENV = {
  harvester: { MALLOC_ARENA_MAX: '2', HARVEST_HEAP_GROWING_PERCENT: '50' },
};

/**
 * Effective server addresses: external ones when DATABASE_URL / KAFKA_BROKERS point at them, else
 * the local servers of infra.sh on its ports (INFRA_PG_PORT, INFRA_KAFKA_PORT, as infra.sh reads them).
 */
export function infraEnv() {
  const pgPort = process.env.INFRA_PG_PORT || '55432';
  const kafkaPort = process.env.INFRA_KAFKA_PORT || '59092';
  return {
    DATABASE_URL: process.env.DATABASE_URL || `postgres://dpi:dpi@127.0.0.1:${pgPort}/dpi`,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS || `127.0.0.1:${kafkaPort}`,
  };
}

export function nx(args) {
  return run(join(ROOT, 'node_modules/.bin/nx'), args, {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
}
