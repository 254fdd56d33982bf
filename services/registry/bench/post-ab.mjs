// A/B of two registry builds on the write path (diagnosis, not part of `npm run bench:registry`):
// each round starts one build after the other on schema `bench_registry` (left by a
// registry benchmark run) and POSTs platforms at a fixed rate with vegeta; prints the registry's
// and its PostgreSQL backends' CPU per registration, then the means per build.
//
//   cp -r services/registry/dist services/registry/.ab/a    # before the change (builds must
//   … change, build …                                      #  stay below services/registry to
//   cp -r services/registry/dist services/registry/.ab/b    #  resolve their packages)
//   node services/registry/bench/post-ab.mjs --rounds 3 services/registry/.ab/a services/registry/.ab/b
//   (--cpu-prof: a CPU profile of each measured run in bench/results/profiles; a build may carry
//   settings for the registry: services/registry/.ab/b,OUTBOX_LINGER_MS=0)
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { infraEnv, log } from '../../../deploy/local/lib.mjs';
import { ensureVegeta } from '../../../deploy/local/vegeta.mjs';
import { backendsOf } from './database.mjs';
import { platformRegistrations, runLoad } from './load.mjs';
import { ms } from './stats.mjs';

const require = createRequire(import.meta.url);
const testing = require('@dpi/testing');
const pg = require('pg');

const { values: args, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '8' },
    // Writes a CPU profile of each measured run (cpu-profile.cjs) to results/profiles.
    'cpu-prof': { type: 'boolean', default: false },
  },
});
if (builds.length === 0)
  throw new Error('usage: post-ab.mjs [--rounds N] <dist dir> [<dist dir> …]');

const BENCH_DIR = import.meta.dirname;
mkdirSync(join(BENCH_DIR, 'results/profiles'), { recursive: true });
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const base = infraEnv();
const monitor = new pg.Client({ connectionString: base.DATABASE_URL });
await monitor.connect();
const vegeta = ensureVegeta();
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
          DB_SCHEMA: 'bench_registry',
          DB_POOL_SIZE: '10',
          KAFKA_TOPIC_PREFIX: 'bench.',
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
      await registry.start();
      const pid = registry.child.pid;
      try {
        const run = await runLoad(
          {
            ...platformRegistrations(registry.url, ADMIN_TOKEN),
            rate: Number(args.rate),
            vegeta,
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
            `CPU per registration: registry ${run.serverCpuMsPerRequest.toFixed(3)} ms, ` +
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
for (const [build, list] of runs) {
  console.log(
    `mean of ${list.length}  ${build}: registry ${mean(list, (r) => r.serverCpuMsPerRequest).toFixed(3)} ms, ` +
      `its PostgreSQL ${mean(list, (r) => r.dbCpuMsPerRequest).toFixed(3)} ms per registration`,
  );
}
