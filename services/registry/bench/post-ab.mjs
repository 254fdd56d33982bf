// A/B of two registry builds on the write path (diagnosis, not part of `npm run bench:registry`):
// each round starts one build after the other on schema `bench_registry` (left by a registry
// benchmark run; migrated empty when missing) and POSTs platforms at a fixed rate with vegeta;
// prints the registry's and its PostgreSQL backends' CPU per registration, then the means per
// build over the runs that answered at least 95 % of the rate, and the first build's ratio to
// each other.
//
//   cp -r services/registry/dist services/registry/.ab/a    # before the change (builds must
//   … change, build …                                      #  stay below services/registry to
//   cp -r services/registry/dist services/registry/.ab/b    #  resolve their packages)
//   node services/registry/bench/post-ab.mjs --rounds 3 services/registry/.ab/a services/registry/.ab/b
//   (--cpu-prof: a CPU profile of each measured run in bench/results/profiles; a build may carry
//   settings for the registry: services/registry/.ab/b,OUTBOX_LINGER_MS=0)
//
// --load get: the benchmark's list request (fixtures.mjs LIST_PATH; needs the data of a registry
// benchmark run in schema bench_registry) instead of registrations; --rate 0: saturation
// (autocannon, 16 connections) instead of a fixed rate (vegeta). The figures are per request.
//
// One build against itself with a setting, e.g. the cost of the metrics (issue 19):
//   node services/registry/bench/post-ab.mjs --rounds 4 services/registry/dist \
//     services/registry/dist,METRICS_ENABLED=false
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { infraEnv, log } from '../../../deploy/local/lib.mjs';
import { ensureVegeta } from '../../../deploy/local/vegeta.mjs';
import { backendsOf } from './database.mjs';
import { LIST_PATH } from './fixtures.mjs';
import { platformRegistrations, runLoad } from './load.mjs';
import { ms } from './stats.mjs';

const require = createRequire(import.meta.url);
const testing = require('@dpi/testing');
const kafkaLib = require('@dpi/kafka');
const { TOPIC_SPECS } = require('@dpi/contracts');
const pg = require('pg');

const { values: args, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    load: { type: 'string', default: 'post' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '8' },
    // Writes a CPU profile of each measured run (cpu-profile.cjs) to results/profiles.
    'cpu-prof': { type: 'boolean', default: false },
  },
});
if (builds.length === 0 || !['get', 'post'].includes(args.load))
  throw new Error('usage: post-ab.mjs [--rounds N] [--load get|post] [--rate N|0] <dist dir> …');
const rate = Number(args.rate);
/** The request of every run: a registration, or the benchmark's list request. */
const requests = (url) =>
  args.load === 'post'
    ? platformRegistrations(url, ADMIN_TOKEN)
    : { url, method: 'GET', path: LIST_PATH, headers: {} };

const BENCH_DIR = import.meta.dirname;
mkdirSync(join(BENCH_DIR, 'results/profiles'), { recursive: true });
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const base = infraEnv();
const monitor = new pg.Client({ connectionString: base.DATABASE_URL });
await monitor.connect();
const SCHEMA = 'bench_registry';
const TOPIC_PREFIX = 'bench.';
// Without a registry benchmark run before: an empty schema (the write path reads none of the
// benchmark's rows) and the topics, so the relay publishes as in the benchmark.
if (!(await monitor.query(`SELECT to_regclass('${SCHEMA}.platform') AS t`)).rows[0].t) {
  log(`schema ${SCHEMA} missing: migrating an empty one`);
  testing.migrateService('registry', { ...base, DB_SCHEMA: SCHEMA });
}
await kafkaLib.ensureTopics(
  kafkaLib.createKafka({ ...base, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX }, 'post-ab'),
  TOPIC_SPECS,
  TOPIC_PREFIX,
);
const vegeta = rate > 0 ? ensureVegeta() : undefined;
const runs = new Map(builds.map((b) => [b, []]));
try {
  for (let round = 0; round < Number(args.rounds); round++) {
    // ABBA: alternate the order so that drift over time falls on both builds.
    for (const build of round % 2 ? [...builds].reverse() : builds) {
      // `<dist dir>[,NAME=value…]`: the build, with extra environment for the registry.
      const [dir, ...settings] = build.split(',');
      const extraEnv = Object.fromEntries(
        settings.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]),
      );
      const registry = new testing.ServiceProcess(
        'registry',
        {
          ...base,
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          DB_SCHEMA: SCHEMA,
          DB_POOL_SIZE: '10',
          KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
          DPI_ADMIN_TOKEN: ADMIN_TOKEN,
          NODE_OPTIONS: args['cpu-prof'] ? `--require ${join(BENCH_DIR, 'cpu-profile.cjs')}` : '',
          BENCH_CPU_PROFILE: join(
            BENCH_DIR,
            `results/profiles/post-ab-${basename(dir)}-${round}.cpuprofile`,
          ),
          ...extraEnv,
        },
        await testing.freePort(),
        join(resolve(dir), 'main.js'),
      );
      // Generous: on a shared 2-core machine a registry took over 30 s to boot.
      await registry.start({ timeoutMs: 120_000 });
      const pid = registry.child.pid;
      try {
        const run = await runLoad(
          {
            ...requests(registry.url),
            ...(rate > 0 ? { rate, vegeta } : { connections: 16 }),
            seconds: Number(args.seconds),
            warmupSeconds: 3,
            seed: 1000 + round,
          },
          pid,
          backendsOf(monitor, base.DATABASE_URL, pid),
          // The profiler's first signal starts it, the second writes the profile.
          args['cpu-prof']
            ? {
                measure: () => process.kill(pid, 'SIGWINCH'),
                done: () => process.kill(pid, 'SIGWINCH'),
              }
            : {},
        );
        runs.get(build).push(run);
        log(
          `${build}: ${run.okPerSecond.toFixed(0)}/s, p50 ${ms(run.latencyMs.p50)}, p99 ${ms(run.latencyMs.p99)}; ` +
            `CPU per request: registry ${run.serverCpuMsPerRequest.toFixed(3)} ms, ` +
            `its PostgreSQL ${run.dbCpuMsPerRequest.toFixed(3)} ms; machine busy ${run.machineBusyPercent.toFixed(0)} %`,
        );
      } finally {
        await registry.stop();
      }
    }
  }
} finally {
  await monitor.end();
}
const mean = (list, f) => list.reduce((a, r) => a + f(r), 0) / list.length;
// A run whose requests mostly timed out (a machine busy with other work) measures nothing.
const answered = (r) => rate === 0 || r.okPerSecond >= 0.95 * rate;
const means = new Map();
for (const [build, list] of runs) {
  const kept = list.filter(answered);
  if (kept.length === 0) {
    console.log(`${build}: no run answered 95 % of the rate`);
    continue;
  }
  means.set(
    build,
    mean(kept, (r) => r.serverCpuMsPerRequest),
  );
  console.log(
    `mean of ${kept.length} (of ${list.length})  ${build}: registry ${means.get(build).toFixed(3)} ms, ` +
      `its PostgreSQL ${mean(kept, (r) => r.dbCpuMsPerRequest).toFixed(3)} ms per request; ` +
      `${mean(kept, (r) => r.okPerSecond).toFixed(0)}/s answered`,
  );
}
for (const [build, value] of means) {
  if (build === builds[0] || !means.has(builds[0])) continue;
  console.log(`registry CPU ${builds[0]} / ${build}: ${(means.get(builds[0]) / value).toFixed(3)}`);
}
