// `npm run bench:registry`: the registry's list and write path under load (issue 3, "Benchmark").
// A script, not a test: it prints every figure with its goal and PASS/MISS and writes them to
// services/registry/bench/results/<timestamp>.json. See the "Benchmark" section of the README.
//
//   1. setup (not measured): infra up, build, schema `bench_registry` dropped and migrated, topics
//      `bench.*` re-created, 50,000 platforms + 200,000 datasets loaded, VACUUM ANALYZE;
//   2. the SQL of the benchmark request and of a registration captured from a registry process
//      (sql-capture.cjs) and EXPLAIN ANALYZEd; the bare baseline runs exactly these statements;
//   3. GET /api/v1/platforms?landCode&q&bbox at saturation, registry vs bare Fastify + pg (ABBA
//      rounds), then both at half of the registry's saturation rate;
//   4. POST /api/v1/platforms at saturation, then at a fixed rate with the outbox → Kafka lag;
//      the bare server's registration (the same single statement: platform, change_log and outbox
//      INSERTs) at saturation.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { infraEnv, infraUp, log, nx, ROOT } from '../../../deploy/local/lib.mjs';
import { ensureVegeta } from '../../../deploy/local/vegeta.mjs';
import {
  backendsOf,
  connect,
  countRows,
  explain,
  loadData,
  removeWrites,
  resetSchema,
  selectivity,
} from './database.mjs';
import { LIST_PATH, LIST_REQUEST as REQUEST, platformBodies } from './fixtures.mjs';
import { platformRegistrations, runLoad } from './load.mjs';
import { watchTopic } from './relay-lag.mjs';
import { atLeast, atMost, median, ms, pct, rps, summarize, verdict } from './stats.mjs';

const require = createRequire(import.meta.url);
const BENCH_DIR = join(ROOT, 'services/registry/bench');
const REGISTRY_DIST = join(ROOT, 'services/registry/dist');

const { values: args } = parseArgs({
  options: {
    platforms: { type: 'string', default: '50000' },
    datasets: { type: 'string', default: '200000' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '2' },
    'post-rate': { type: 'string', default: '500' },
    'pool-size': { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'info' },
    'keep-data': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'skip-bare-post': { type: 'boolean', default: false },
  },
});
const opt = {
  platforms: Number(args.platforms),
  datasets: Number(args.datasets),
  seconds: Number(args.seconds),
  warmup: Number(args.warmup),
  connections: Number(args.connections),
  rounds: Number(args.rounds),
  postRate: Number(args['post-rate']),
  poolSize: Number(args['pool-size']),
  logLevel: args['log-level'],
};

const SCHEMA = 'bench_registry';
const TOPIC_PREFIX = 'bench.';
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const BARE_OUTBOX_TOPIC = `${TOPIC_PREFIX}bare-baseline.discarded`;
/** The registry's default page size (the request sets no limit). */
const PAGE_SIZE = 50;

const testing = require('@dpi/testing');
const kafkaLib = require('@dpi/kafka');
const { TOPIC_SPECS, TOPICS } = require('@dpi/contracts');

const medianOf = (runs, key) => {
  const values = runs.map((r) => r[key]).filter((v) => v != null);
  return values.length ? median(values) : null;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// ServiceProcess keeps its child private; the benchmark reads the pid only for CPU accounting.
const pidOf = (service) => service.child?.pid;

/** Deletes the benchmark's topics and creates them again with the production specs. */
const resetTopics = (env) =>
  kafkaLib.recreateTopics(kafkaLib.createKafka(env, 'registry-bench'), TOPIC_SPECS, TOPIC_PREFIX);

function registryEnv(base, extra = {}) {
  return {
    ...base,
    NODE_ENV: 'production',
    LOG_LEVEL: opt.logLevel,
    DB_SCHEMA: SCHEMA,
    DB_POOL_SIZE: String(opt.poolSize),
    KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
    DPI_ADMIN_TOKEN: ADMIN_TOKEN,
    NODE_OPTIONS: '',
    ...extra,
  };
}

const postHeaders = {
  'content-type': 'application/json',
  authorization: `Bearer ${ADMIN_TOKEN}`,
};

/**
 * Runs a registry with sql-capture.cjs preloaded, sends the benchmark request and one
 * registration, and returns the statements it sent (texts and parameters).
 */
async function captureStatements(base) {
  const file = join(tmpdir(), `registry-bench-capture-${process.pid}.ndjson`);
  writeFileSync(file, '');
  const registry = new testing.ServiceProcess(
    'registry',
    registryEnv(base, {
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: `--require ${join(BENCH_DIR, 'sql-capture.cjs')}`,
      BENCH_SQL_CAPTURE_FILE: file,
    }),
    await testing.freePort(),
  );
  await registry.start();
  try {
    const read = () =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    writeFileSync(file, '');
    const got = await fetch(`${registry.url}${LIST_PATH}`);
    if (got.status !== 200) throw new Error(`capture GET: ${got.status} ${await got.text()}`);
    await sleep(200);
    const getStatements = read().filter((s) => /\bplatform\b/.test(s.text));
    writeFileSync(file, '');
    const posted = await fetch(`${registry.url}/api/v1/platforms`, {
      method: 'POST',
      headers: postHeaders,
      body: platformBodies(99)(),
    });
    if (posted.status !== 201)
      throw new Error(`capture POST: ${posted.status} ${await posted.text()}`);
    await sleep(200);
    // The registration's statements (the relay's, on its own connection, left out).
    const postStatements = read().filter(
      (s) => !/FROM outbox|^LISTEN|advisory_lock|^SET search_path/.test(s.text),
    );
    const find = (list, test, what) => {
      const found = list.find((s) => test(s.text));
      if (!found) throw new Error(`captured SQL has no ${what}`);
      return found;
    };
    return {
      // Page, total and facets in one statement (list-spec.ts, buildListSql).
      list: find(getStatements, (t) => t.startsWith('WITH m AS MATERIALIZED'), 'list statement'),
      getCount: getStatements.length,
      // Row, change_log entry and outbox event in one statement (records.repository.ts).
      insert: find(
        postStatements,
        (t) =>
          /^WITH w0 AS \(INSERT INTO "\w+"\."platform"/.test(t) &&
          t.includes('INSERT INTO change_log') &&
          t.includes('INSERT INTO outbox'),
        'registration statement (platform, change_log and outbox INSERTs)',
      ),
      postSequence: postStatements.map((s) => s.text.split(/\s+/).slice(0, 3).join(' ')),
    };
  } finally {
    await registry.stop();
    rmSync(file, { force: true });
  }
}

/** The first path where two JSON values differ, or null. */
function firstDifference(a, b, path = '$') {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[key], b[key], `${path}.${key}`);
    if (d) return d;
  }
  return `${path}: differ`;
}

/** Fixed-rate runs: vegeta, open loop, evenly spaced requests (see load-runner.mjs). */
const atFixedRate = (rate, extra = {}) => ({ rate, vegeta: ensureVegeta(), ...extra });

const listLoad = (url, extra) => ({
  url,
  method: 'GET',
  path: LIST_PATH,
  connections: opt.connections,
  seconds: opt.seconds,
  warmupSeconds: opt.warmup,
  ...extra,
});

const postLoad = (url, extra) => ({
  ...platformRegistrations(url, ADMIN_TOKEN),
  connections: opt.connections,
  seconds: opt.seconds,
  warmupSeconds: opt.warmup,
  ...extra,
});

function line(label, run) {
  const codes = Object.entries(run.statusCodes)
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');
  return (
    `    ${label.padEnd(9)} ${(run.connections ? `c=${run.connections}` : run.generator).padEnd(7)} ${rps(run.okPerSecond).padStart(7)}  ` +
    `p50 ${ms(run.latencyMs.p50)}  ` +
    `p99 ${ms(run.latencyMs.p99)}  [${codes}${run.errors ? `, ${run.errors} errors` : ''}]  ` +
    `CPU/request: server ${ms(run.serverCpuMsPerRequest)}, database ${ms(run.dbCpuMsPerRequest)}; ` +
    `machine busy ${pct(run.machineBusyPercent)}, ` +
    `load ${run.loadAverage1m.before?.toFixed(1) ?? 'n/a'}`
  );
}

async function main() {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  infraUp();
  const base = { ...infraEnv() };
  if (!args['no-build']) {
    log('build (registry and the libs it uses)');
    nx(['run-many', '-t', 'build', '-p', 'registry', 'testing', '--outputStyle=static']);
  }
  const dbEnv = { ...base, DB_SCHEMA: SCHEMA };

  // --- 1. setup ----------------------------------------------------------------------------
  let setup;
  const existing = args['keep-data'] ? await countRows(dbEnv) : null;
  if (existing && existing.platforms === opt.platforms && existing.datasets === opt.datasets) {
    log(`--keep-data: schema ${SCHEMA} already has the rows; removing earlier runs' writes`);
    await removeWrites(dbEnv);
    setup = { reused: true };
  } else {
    log(
      `schema ${SCHEMA}: drop, migrate, load ${opt.platforms} platforms + ${opt.datasets} datasets`,
    );
    await resetSchema(ROOT, registryEnv(base));
    setup = await loadData(dbEnv, opt, (m) => log(m));
  }
  const topics = await resetTopics({ ...base, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX });
  log(`topics ${TOPIC_PREFIX}*: ${topics.created.length} created`);
  const matches = await selectivity(dbEnv, REQUEST);
  log(
    `request ${LIST_PATH}: Land ${matches.land}, text ${matches.text}, bbox ${matches.bbox}, ` +
      `all three ${matches.all_three} of ${matches.platforms} platforms`,
  );

  // --- 2. SQL capture + EXPLAIN --------------------------------------------------------------
  log('capturing the SQL the registry sends (registry with sql-capture.cjs, not measured)');
  const captured = await captureStatements(base);
  const { PLATFORM_LIST } = require(join(REGISTRY_DIST, 'platforms/platform.kind.js'));
  const statementsFile = join(tmpdir(), `registry-bench-statements-${process.pid}.json`);
  writeFileSync(
    statementsFile,
    JSON.stringify({
      ...captured,
      request: REQUEST,
      limit: PAGE_SIZE,
      facetSpec: PLATFORM_LIST.facets,
      outboxTopic: BARE_OUTBOX_TOPIC,
    }),
  );
  const plans = { list: await explain(dbEnv, captured.list) };
  for (const [name, plan] of Object.entries(plans))
    console.log(`  EXPLAIN ANALYZE, ${name} query:\n${plan.replace(/^/gm, '    ')}`);
  const removeCapturedPost = async () => {
    const c = await connect(base.DATABASE_URL, SCHEMA);
    await c.query(`DELETE FROM platform WHERE created_by <> 'bench-loader'`);
    await c.query('TRUNCATE outbox, change_log');
    await c.end();
  };
  await removeCapturedPost();

  // --- 3. servers ----------------------------------------------------------------------------
  const registry = new testing.ServiceProcess(
    'registry',
    registryEnv(base),
    await testing.freePort(),
  );
  const bare = new testing.ServiceProcess(
    'registry-bench-bare',
    {
      ...base,
      DB_SCHEMA: SCHEMA,
      DB_POOL_SIZE: String(opt.poolSize),
      BENCH_STATEMENTS: statementsFile,
      BENCH_LIST_SPEC_JS: join(REGISTRY_DIST, 'records/list-spec.js'),
      HOST: '127.0.0.1',
      NODE_OPTIONS: '',
    },
    await testing.freePort(),
    join(BENCH_DIR, 'bare-server.mjs'),
  );
  const results = {
    startedAt: startedAt.toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAtStart },
    options: opt,
    request: { path: LIST_PATH, ...REQUEST, matches },
    setup,
    sql: {
      list: captured.list,
      registryStatementsPerList: captured.getCount,
      registryStatementsPerPost: captured.postSequence,
      plans,
    },
    baseline:
      'bare Fastify 5 + pg Pool (same size, same search_path), no validation/DI/ORM/logging; runs the ' +
      "registry's captured list statement (page, total and facets in one) per GET, and the registry's " +
      'captured registration statement (platform, change_log and outbox INSERTs in one statement) per POST (outbox value = JSON ' +
      'instead of protobuf); maps rows to the same view JSON (checked equal below)',
  };
  const monitor = await connect(base.DATABASE_URL, 'public');
  const dbOf = (service) => backendsOf(monitor, base.DATABASE_URL, pidOf(service));
  try {
    await Promise.all([registry.start(), bare.start()]);
    const [a, b] = await Promise.all(
      [registry, bare].map(async (s) => {
        const r = await fetch(`${s.url}${LIST_PATH}`);
        return { status: r.status, text: await r.text() };
      }),
    );
    const difference = firstDifference(JSON.parse(a.text), JSON.parse(b.text));
    results.responses = {
      registryBytes: Buffer.byteLength(a.text),
      bareBytes: Buffer.byteLength(b.text),
      items: JSON.parse(a.text).items.length,
      total: JSON.parse(a.text).total,
      identical: difference === null,
      difference,
    };
    log(
      `responses: registry ${a.status} ${results.responses.registryBytes} B, bare ${b.status} ` +
        `${results.responses.bareBytes} B, ${difference ? `DIFFER at ${difference}` : 'identical JSON'}`,
    );

    // --- 4. GET at saturation, ABBA rounds ---------------------------------------------------
    const servers = { registry, bare };
    const saturation = { registry: [], bare: [] };
    for (let round = 0; round < opt.rounds; round++) {
      for (const name of round % 2 ? ['bare', 'registry'] : ['registry', 'bare']) {
        log(
          `GET saturation, ${name}, round ${round + 1}/${opt.rounds} (${opt.connections} connections, ${opt.warmup} s warm-up + ${opt.seconds} s)`,
        );
        const run = await runLoad(
          listLoad(servers[name].url),
          pidOf(servers[name]),
          dbOf(servers[name]),
        );
        console.log(line(name, run));
        saturation[name].push(run);
      }
    }
    const satRegistry = median(saturation.registry.map((r) => r.okPerSecond));
    const satBare = median(saturation.bare.map((r) => r.okPerSecond));
    const halfRate = Math.max(1, Math.round(satRegistry / 2));

    // --- 5. GET at half of the registry's saturation ------------------------------------------
    const half = {};
    for (const name of ['registry', 'bare']) {
      log(`GET at ${halfRate}/s (half of the registry's saturation), ${name}`);
      half[name] = await runLoad(
        listLoad(servers[name].url, {
          ...atFixedRate(halfRate),
          warmupSeconds: 2,
        }),
        pidOf(servers[name]),
        dbOf(servers[name]),
      );
      console.log(line(name, half[name]));
    }

    // --- 6. POST: saturation, then the fixed rate with relay lag -----------------------------
    const topic = kafkaLib.prefixedTopic(TOPICS.registryPlatform, TOPIC_PREFIX);
    const watcher = await watchTopic({
      brokers: base.KAFKA_BROKERS,
      topic,
      groupId: `${TOPIC_PREFIX}relay-lag.${Date.now()}`,
    });
    const lagOf = (responses) => {
      const rows = responses.map(([id, respondedAt]) => ({ respondedAt, ...watcher.seen.get(id) }));
      const arrived = rows.filter((r) => r.receivedAt);
      return {
        posted: responses.length,
        arrived: arrived.length,
        occurredToConsumerMs: summarize(arrived.map((r) => r.receivedAt - r.occurredAt)),
        responseToConsumerMs: summarize(arrived.map((r) => r.receivedAt - r.respondedAt)),
        occurredToProducedMs: summarize(arrived.map((r) => r.producedAt - r.occurredAt)),
      };
    };
    let post;
    try {
      log(`POST saturation, registry (${opt.connections} connections, ${opt.seconds} s)`);
      const postSat = await runLoad(
        postLoad(registry.url, { recordResponses: true }),
        pidOf(registry),
        dbOf(registry),
      );
      console.log(line('registry', postSat));
      const drainStarted = Date.now();
      const backlog = await watcher.waitFor(
        postSat.responses.map(([id]) => id),
        120_000,
      );
      const drainSeconds = (Date.now() - drainStarted) / 1000;
      log(
        `relay backlog after saturation drained in ${drainSeconds.toFixed(1)} s (${backlog.length} missing)`,
      );
      await sleep(1000);

      log(
        `POST at a fixed ${opt.postRate}/s for ${opt.seconds} s, registry, with outbox → Kafka lag`,
      );
      const postFixed = await runLoad(
        postLoad(registry.url, {
          ...atFixedRate(opt.postRate),
          warmupSeconds: 0,
          recordResponses: true,
        }),
        pidOf(registry),
        dbOf(registry),
      );
      console.log(line('registry', postFixed));
      const missing = await watcher.waitFor(
        postFixed.responses.map(([id]) => id),
        30_000,
      );
      post = {
        saturation: {
          ...postSat,
          responses: undefined,
          lag: lagOf(postSat.responses),
          drainSeconds,
        },
        fixed: {
          ...postFixed,
          responses: undefined,
          lag: lagOf(postFixed.responses),
          missing: missing.length,
        },
      };
    } finally {
      await watcher.stop();
    }

    await registry.stop();
    if (!args['skip-bare-post']) {
      log(`POST saturation, bare baseline (${opt.connections} connections, ${opt.seconds} s)`);
      const bareSat = await runLoad(postLoad(bare.url), pidOf(bare), dbOf(bare));
      console.log(line('bare', bareSat));
      if (bareSat.ok === 0)
        throw new Error(
          `the bare baseline stored no registration: ${JSON.stringify(bareSat.statusCodes)}`,
        );
      post.bareSaturation = { ...bareSat, responses: undefined };
    }

    // --- 7. summary -----------------------------------------------------------------------------
    const checks = {
      throughputRatio: atLeast(satRegistry / satBare, 0.8),
      halfRateP99: atMost(half.registry.latencyMs.p99, 25),
      postThroughput: atLeast(post.saturation.okPerSecond, 500),
      relayLagP99: atMost(post.fixed.lag.occurredToConsumerMs.p99 ?? Infinity, 200),
    };
    Object.assign(results, {
      get: { saturation, satRegistry, satBare, halfRate, half },
      post,
      checks,
      loadAtEnd: loadavg(),
      finishedAt: new Date().toISOString(),
    });
    const lag = post.fixed.lag;
    const v = (c) => verdict(c).padEnd(4);
    const fixedRate = post.fixed.okPerSecond;
    console.log(`
Registry benchmark — ${results.finishedAt}
  machine: ${results.machine.cores} cores (${results.machine.cpu}), Node ${process.version}; load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${results.loadAtEnd.map((l) => l.toFixed(2)).join(' ')} (shared machine)
  data: ${matches.platforms} platforms, ${opt.datasets} datasets in schema ${SCHEMA}${setup.reused ? ' (re-used)' : `, loaded in ${setup.loadSeconds.toFixed(1)} s`}
  request: GET ${LIST_PATH}
    matches ${matches.all_three} (Land ${matches.land}, text ${matches.text}, bbox ${matches.bbox}); page ${results.responses.items} items, ${(results.responses.registryBytes / 1024).toFixed(1)} KiB; bare response ${results.responses.identical ? 'identical' : `DIFFERS (${results.responses.difference})`}
  baseline: ${results.baseline}
  load: in a child process: saturation runs autocannon with ${opt.connections} connections, fixed-rate runs vegeta (open loop, evenly spaced); ${opt.warmup} s warm-up + ${opt.seconds} s per run, ${opt.rounds} ABBA rounds; DB pool ${opt.poolSize} each; registry LOG_LEVEL=${opt.logLevel}, NODE_ENV=production

  GET saturation         registry ${rps(satRegistry)} (rounds ${saturation.registry.map((r) => r.okPerSecond.toFixed(0)).join(', ')}), bare ${rps(satBare)} (rounds ${saturation.bare.map((r) => r.okPerSecond.toFixed(0)).join(', ')})
         CPU per request (median of rounds): registry ${ms(medianOf(saturation.registry, 'serverCpuMsPerRequest'))} + database ${ms(medianOf(saturation.registry, 'dbCpuMsPerRequest'))}, bare ${ms(medianOf(saturation.bare, 'serverCpuMsPerRequest'))} + database ${ms(medianOf(saturation.bare, 'dbCpuMsPerRequest'))}; machine busy ${pct(medianOf([...saturation.registry, ...saturation.bare], 'machineBusyPercent'))}
  ${v(checks.throughputRatio)} registry / bare      ${checks.throughputRatio.value.toFixed(2)}   goal ${checks.throughputRatio.goal}
  GET at ${halfRate}/s         registry p50 ${ms(half.registry.latencyMs.p50)} p99 ${ms(half.registry.latencyMs.p99)}; bare p50 ${ms(half.bare.latencyMs.p50)} p99 ${ms(half.bare.latencyMs.p99)}
  ${v(checks.halfRateP99)} registry p99        ${ms(checks.halfRateP99.value)}   goal ${checks.halfRateP99.goal} ms
  ${v(checks.postThroughput)} POST registrations  ${rps(post.saturation.okPerSecond)} at saturation (p50 ${ms(post.saturation.latencyMs.p50)}, p99 ${ms(post.saturation.latencyMs.p99)})   goal ${checks.postThroughput.goal}/s${post.bareSaturation ? `; bare ${rps(post.bareSaturation.okPerSecond)} (registry / bare ${(post.saturation.okPerSecond / post.bareSaturation.okPerSecond).toFixed(2)})` : ''}
         CPU per request: registry ${ms(post.saturation.serverCpuMsPerRequest)} (incl. its outbox relay) + database ${ms(post.saturation.dbCpuMsPerRequest)}${post.bareSaturation ? `, bare ${ms(post.bareSaturation.serverCpuMsPerRequest)} + database ${ms(post.bareSaturation.dbCpuMsPerRequest)}` : ''}
         relay at saturation: backlog drained ${post.saturation.drainSeconds.toFixed(1)} s after the run; lag occurred → consumer p50 ${ms(post.saturation.lag.occurredToConsumerMs.p50)} p99 ${ms(post.saturation.lag.occurredToConsumerMs.p99)}
  ${v(checks.relayLagP99)} relay lag at ${rps(fixedRate)} (target ${opt.postRate}/s, POST p99 ${ms(post.fixed.latencyMs.p99)}): occurred → consumer p50 ${ms(lag.occurredToConsumerMs.p50)} p99 ${ms(lag.occurredToConsumerMs.p99)} max ${ms(lag.occurredToConsumerMs.max)}   goal ${checks.relayLagP99.goal} ms
         (POST response → consumer p50 ${ms(lag.responseToConsumerMs.p50)} p99 ${ms(lag.responseToConsumerMs.p99)}; occurred → produced by relay p50 ${ms(lag.occurredToProducedMs.p50)} p99 ${ms(lag.occurredToProducedMs.p99)}; ${lag.arrived}/${lag.posted} arrived)
`);
    const resultsDir = join(BENCH_DIR, 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    // Formatted as Prettier would, so `npm run format:check` stays green with results present.
    const prettier = await import('prettier');
    writeFileSync(file, await prettier.format(JSON.stringify(results), { parser: 'json' }));
    console.log(
      `  results: ${file}\n  plans: in the results file (sql.plans); registry log: ${registry.logFile}`,
    );
  } finally {
    await Promise.all([registry.stop(), bare.stop()]);
    await monitor.end();
    rmSync(statementsFile, { force: true });
    const c = await connect(base.DATABASE_URL, SCHEMA);
    await c
      .query('DELETE FROM outbox WHERE topic = $1', [BARE_OUTBOX_TOPIC])
      .catch(() => undefined);
    await c.end();
  }
}

main().catch((error) => {
  console.error(`registry benchmark failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
