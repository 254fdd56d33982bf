// `npm run bench:harvest`: the harvester's throughput (issue 4, "Benchmark"). A script, not a
// test: it prints every figure with its goal and PASS/MISS and writes them to
// services/harvester/bench/results/<timestamp>.json. See the "Benchmark" section of the README.
//
//   1. setup (not measured): infra up, build, the benchmark's CSW server (csw-server.mjs, its own
//      process) serving --records distinct records made from the real fixture records, pages of
//      --page-size;
//   2. (a) raw saxes and (b) parseIsoRecords over every byte of those pages, each in a fresh
//      process pinned to one CPU (parse-rate.mjs), only the reading timed, alternating over
//      slices of the corpus (--parse-rounds);
//   3. (c) end to end: schemas `bench_harvest_harvester` / `bench_harvest_registry` dropped and
//      migrated, topics `bench-harvest.*` re-created, a real harvester and a real registry process
//      started; a source pointing at the server is created and run through the harvester's API;
//      from the server's first request to the last of the records upserted into the registry's
//      datasets (registry rows' updated_at). Meanwhile the harvester's RSS is sampled.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  infraEnv,
  infraUp,
  log,
  nx,
  ROOT,
  SERVICE_RUNTIME_ENV,
} from '../../../deploy/local/lib.mjs';
// The registry benchmark's helper: which PostgreSQL backends serve a process (by client port).
import { backendsOf } from '../../registry/bench/database.mjs';
import { cpuBetween, cpuSnapshot, machineTicks } from '../../registry/bench/machine-cpu.mjs';
import { bytesPerRecord, loadTemplates } from './corpus.mjs';

const require = createRequire(import.meta.url);
const BENCH_DIR = join(ROOT, 'services/harvester/bench');

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    'page-size': { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '1' },
    'parse-cpu': { type: 'string', default: '0' },
    'parse-rounds': { type: 'string', default: '10' },
    'sample-ms': { type: 'string', default: '250' },
    'timeout-seconds': { type: 'string', default: '3600' },
    'log-level': { type: 'string', default: 'warn' },
    'cpu-prof': { type: 'boolean', default: false },
    'skip-parse': { type: 'boolean', default: false },
    'skip-e2e': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const opt = {
  records: Number(args.records),
  pageSize: Number(args['page-size']),
  concurrency: Number(args.concurrency),
  parseCpu: args['parse-cpu'],
  parseRounds: Number(args['parse-rounds']),
  sampleMs: Number(args['sample-ms']),
  timeoutSeconds: Number(args['timeout-seconds']),
  logLevel: args['log-level'],
  cpuProfile: args['cpu-prof'],
};

const SCHEMAS = { harvester: 'bench_harvest_harvester', registry: 'bench_harvest_registry' };
const TOPIC_PREFIX = 'bench-harvest.';
const ADMIN_TOKEN = 'bench-harvest-admin-token-0123456789';
const MIN_RECORDS_PER_ROUND = 5000;
const GOALS = { parserVsRaw: 0.8, endToEndVsParser: 0.6, rssMb: 300 };
const MB = 1024 * 1024;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (x, d = 0) => (x == null || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const verdict = (check) => (check.pass ? 'PASS' : 'MISS');
const atLeast = (value, goal) => ({ value, goal: `≥ ${goal}`, pass: value >= goal });

function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const hasTaskset = () => ['/usr/bin/taskset', '/bin/taskset'].some((p) => existsSync(p));

/** Starts the benchmark's CSW server and resolves with its URL once it listens. */
function startCswServer(records) {
  const child = spawn(process.execPath, [join(BENCH_DIR, 'csw-server.mjs')], {
    env: { ...process.env, BENCH_RECORDS: String(records), PORT: '0', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`csw-server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m)
        resolve({ child, base: `http://127.0.0.1:${m[1]}`, url: `http://127.0.0.1:${m[1]}/csw` });
    });
  });
}

/** (a) or (b) over records [from, from + count): one fresh process, pinned to one CPU if it can. */
/**
 * (a) and (b) over the whole corpus in --parse-rounds rounds, each round one slice of the corpus
 * read by raw saxes and then by the parser: the machine's speed drifts over minutes, and
 * alternating keeps that drift out of the ratio (a run of all of (a), then all of (b) moved it by
 * up to ±0.05). Returns the sums of both modes plus the per-round figures.
 */
function parseRates(url) {
  // A round needs enough records for the JIT to settle in its fresh processes (rounds of 500
  // records measured the parser at half its rate): at least MIN_RECORDS_PER_ROUND each.
  const rounds = Math.max(
    1,
    Math.min(opt.parseRounds, Math.floor(opt.records / MIN_RECORDS_PER_ROUND)),
  );
  const pagesPerRound = Math.ceil(opt.records / opt.pageSize / rounds);
  const perRound = [];
  for (let from = 1; from <= opt.records; from += pagesPerRound * opt.pageSize) {
    const count = Math.min(pagesPerRound * opt.pageSize, opt.records - from + 1);
    const round = { from, count, raw: parseRate('raw', url, from, count) };
    round.parser = parseRate('parser', url, from, count);
    perRound.push(round);
    logRound(round);
  }
  remeasureStalls(url, perRound);
  const sum = { raw: null, parser: null };
  for (const round of perRound)
    for (const mode of ['raw', 'parser'])
      sum[mode] = sum[mode] ? addRates(sum[mode], round[mode]) : round[mode];
  return {
    ...sum,
    rounds: perRound.map(({ from, count, raw, parser, stalled }) => ({
      from,
      count,
      raw: rate(raw),
      parser: rate(parser),
      ratio: rate(parser) / rate(raw),
      ...(stalled ? { stalled } : {}),
    })),
  };
}

const rate = (r) => r.records / r.seconds;

function logRound({ from, count, raw, parser }) {
  log(
    `    records ${from}–${from + count - 1}: raw ${fmt(rate(raw))}/s, parser ${fmt(rate(parser))}/s, ratio ${fmt(rate(parser) / rate(raw), 2)}`,
  );
}

/**
 * Now and then a fresh process runs at a fraction of its usual speed for a whole round (seen for
 * raw saxes: 470 records/s in one round of ten, 2,020–2,160 in the others; V8 keeping saxes' loop
 * in a slow tier, it seems). Such a round says nothing about the code, and one of them moves the
 * whole run's ratio (that run showed (b)/(a) 0.96). A mode's round under half the median of that
 * mode's rounds is measured again, at most twice, in a fresh process; the stalled figure is kept in
 * the results (`stalled`) and printed.
 */
function remeasureStalls(url, perRound) {
  if (perRound.length < 3) return;
  for (const mode of ['raw', 'parser']) {
    const median = [...perRound.map((r) => rate(r[mode]))].sort((a, b) => a - b)[
      Math.floor(perRound.length / 2)
    ];
    for (const round of perRound) {
      for (let attempt = 0; attempt < 2 && rate(round[mode]) < median / 2; attempt++) {
        const stalled = rate(round[mode]);
        round.stalled = [...(round.stalled ?? []), { mode, recordsPerSecond: stalled }];
        round[mode] = parseRate(mode, url, round.from, round.count);
        log(
          `    records ${round.from}–${round.from + round.count - 1}: ${mode} ran at ${fmt(stalled)}/s, under half its median ${fmt(median)}/s: measured again, ${fmt(rate(round[mode]))}/s`,
        );
      }
    }
  }
}

function addRates(a, b) {
  const out = { ...a };
  for (const key of ['events', 'records', 'errors', 'parsed', 'bytes', 'seconds', 'cpuSeconds'])
    out[key] = a[key] + b[key];
  return out;
}

function parseRate(mode, url, from = 1, count = opt.records) {
  const script = [
    join(BENCH_DIR, 'parse-rate.mjs'),
    mode,
    url,
    String(count),
    String(opt.pageSize),
    String(from),
  ];
  const [command, argv] = hasTaskset()
    ? ['taskset', ['-c', opt.parseCpu, process.execPath, ...script]]
    : [process.execPath, script];
  const out = execFileSync(command, argv, {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

async function connect(url, schema = 'public') {
  const { Client } = require('pg');
  const client = new Client({
    connectionString: url,
    application_name: 'harvest-bench',
    options: `-c search_path=${schema},public`,
  });
  await client.connect();
  return client;
}

/** Drops the benchmark's schemas and migrates them with each service's own migrations. */
async function resetSchemas(base) {
  const client = await connect(base.DATABASE_URL);
  try {
    for (const schema of Object.values(SCHEMAS))
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
  for (const [service, schema] of Object.entries(SCHEMAS)) {
    execFileSync(process.execPath, [join(ROOT, `services/${service}/dist/migrate.js`)], {
      env: { ...process.env, ...base, DB_SCHEMA: schema, LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

/** Deletes the benchmark's topics and creates them again with the production specs. */
function resetTopics(base) {
  const kafkaLib = require('@dpi/kafka');
  const { TOPIC_SPECS } = require('@dpi/contracts');
  const kafka = kafkaLib.createKafka(
    { ...base, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX },
    'harvest-bench',
  );
  return kafkaLib.recreateTopics(kafka, TOPIC_SPECS, TOPIC_PREFIX);
}

/** Waits until the registry's harvested-record consumer has joined its group (state Stable). */
async function waitForConsumerGroup(base, groupId, timeoutMs = 60_000) {
  const kafka = require('@dpi/kafka').createKafka(base, 'harvest-bench-admin');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { groups } = await admin.describeGroups([groupId]);
      if (groups[0]?.state === 'Stable' && groups[0].members.length > 0) return;
      await sleep(250);
    }
    throw new Error(`consumer group ${groupId} did not become stable`);
  } finally {
    await admin.disconnect();
  }
}

async function api(url, method, body) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Max RSS of the samples whose `received` lies in [from, to) of the corpus. */
function rssBetween(samples, from, to) {
  const inside = samples.filter((s) => s.received >= from && s.received < to && s.rss != null);
  return inside.length ? Math.max(...inside.map((s) => s.rss)) : null;
}

/** The service as npm start runs it (SERVICE_RUNTIME_ENV), plus the benchmark's settings. */
function serviceEnv(base, service, extra = {}) {
  const runtime = SERVICE_RUNTIME_ENV[service] ?? {};
  const nodeOptions = [
    runtime.NODE_OPTIONS,
    opt.cpuProfile ? `--require ${join(BENCH_DIR, 'cpu-profile.cjs')}` : null,
    process.env[`BENCH_${service.toUpperCase()}_NODE_OPTIONS`],
  ].filter(Boolean);
  return {
    ...base,
    ...runtime,
    NODE_ENV: 'production',
    LOG_LEVEL: opt.logLevel,
    DB_SCHEMA: SCHEMAS[service],
    KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
    DPI_ADMIN_TOKEN: ADMIN_TOKEN,
    NODE_OPTIONS: nodeOptions.join(' '),
    BENCH_CPU_PROFILE_DIR: join(BENCH_DIR, 'results/profiles'),
    BENCH_CPU_PROFILE_NAME: service,
    ...extra,
    // Experiments with a service's settings: BENCH_HARVESTER_ENV='HARVEST_HEAP_GROWING_PERCENT=100'.
    ...Object.fromEntries(
      (process.env[`BENCH_${service.toUpperCase()}_ENV`] ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    ),
  };
}

/** (c): a real harvester and a real registry, the corpus harvested into the registry's datasets. */
async function endToEnd(base, csw) {
  const testing = require('@dpi/testing');
  await resetSchemas(base);
  const topics = await resetTopics(base);
  log(
    `schemas ${Object.values(SCHEMAS).join(', ')} migrated; topics ${TOPIC_PREFIX}*: ${topics.created.length} created`,
  );
  const registry = new testing.ServiceProcess(
    'registry',
    serviceEnv(base, 'registry'),
    await testing.freePort(),
  );
  const harvester = new testing.ServiceProcess(
    'harvester',
    serviceEnv(base, 'harvester', {
      HARVEST_SCHEDULER_ENABLED: 'false',
      HARVEST_STALL_TIMEOUT_MS: String(opt.timeoutSeconds * 1000),
    }),
    await testing.freePort(),
  );
  const registryDb = await connect(base.DATABASE_URL, SCHEMAS.registry);
  const harvesterDb = await connect(base.DATABASE_URL, SCHEMAS.harvester);
  const monitor = await connect(base.DATABASE_URL);
  try {
    // A machine shared with other jobs can take longer than the default 30 s to start them.
    const start = { timeoutMs: 180_000 };
    await Promise.all([registry.start(start), harvester.start(start)]);
    await waitForConsumerGroup(base, `${TOPIC_PREFIX}dpi-registry`);
    const pids = {
      harvester: harvester.child.pid,
      registry: registry.child.pid,
      csw: csw.child.pid,
    };
    const source = await api(`${harvester.url}/api/v1/sources`, 'POST', {
      name: `Benchmark (${opt.records} records)`,
      url: csw.url,
      pageSize: opt.pageSize,
      concurrency: opt.concurrency,
      enabled: false,
    });
    log(
      `source ${source.id}: ${csw.url}, pages of ${opt.pageSize}, concurrency ${opt.concurrency}`,
    );

    const cpuBefore = cpuSnapshot();
    const ticksBefore = machineTicks();
    const samples = [];
    let received = 0;
    const sampler = setInterval(() => {
      samples.push({ at: Date.now(), rss: rssBytes(pids.harvester), received });
    }, opt.sampleMs);

    const reset = await fetch(`${csw.base}/stats/reset`, { method: 'POST' });
    if (!reset.ok) throw new Error(`CSW stats reset: ${reset.status}`);
    const runStarted = Date.now();
    const job = await api(`${harvester.url}/api/v1/sources/${source.id}/run`, 'POST', {
      mode: 'full',
    });
    log(`job ${job.id} queued; waiting for ${opt.records} datasets in ${SCHEMAS.registry}.dataset`);
    const deadline = Date.now() + opt.timeoutSeconds * 1000;
    let datasets = 0;
    let jobRow = null;
    let lastLog = Date.now();
    for (;;) {
      await sleep(1000);
      jobRow = (
        await harvesterDb.query(
          'SELECT state, received, created, failed, finished_at FROM harvest_job WHERE id = $1',
          [job.id],
        )
      ).rows[0];
      received = jobRow.received;
      datasets = (
        await registryDb.query(`SELECT count(*)::int AS n FROM dataset WHERE source = 'harvested'`)
      ).rows[0].n;
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(
          `  job ${jobRow.state}: ${received} received; registry: ${datasets} datasets; harvester RSS ${fmt(rssBytes(pids.harvester) / MB)} MB`,
        );
      }
      if (datasets >= opt.records) break;
      if (['failed', 'cancelled'].includes(jobRow.state))
        throw new Error(`job ended ${jobRow.state}`);
      if (Date.now() > deadline)
        throw new Error(`timeout: ${datasets} datasets after ${opt.timeoutSeconds} s`);
    }
    clearInterval(sampler);
    const cpuAfter = cpuSnapshot();
    const named = new Map(Object.entries(pids).map(([name, pid]) => [pid, name]));
    for (const service of ['harvester', 'registry']) {
      for (const pid of await backendsOf(monitor, base.DATABASE_URL, pids[service])())
        named.set(pid, `postgres (${service})`);
    }
    const ticksAfter = machineTicks();
    const last = (
      await registryDb.query(
        `SELECT max(updated_at) AS last, min(created_at) AS first FROM dataset WHERE source = 'harvested'`,
      )
    ).rows[0];
    const server = await (await fetch(`${csw.base}/stats`)).json();
    const finishedJob = await api(`${harvester.url}/api/v1/jobs/${job.id}`, 'GET');
    const seconds = (last.last.getTime() - server.firstRequestAt) / 1000;
    const harvestSeconds = finishedJob.finishedAt
      ? (new Date(finishedJob.finishedAt).getTime() - server.firstRequestAt) / 1000
      : null;
    const q = opt.records / 4;
    const rss = {
      samples: samples.length,
      maxMb: Math.max(...samples.map((s) => s.rss ?? 0)) / MB,
      // Per quarter of the records received; the first includes the start-up of the run.
      quarterMaxMb: [0, 1, 2, 3].map(
        (i) => rssBetween(samples, i * q, i === 3 ? Infinity : (i + 1) * q) / MB,
      ),
      series: samples.map((s) => [s.at - runStarted, Math.round(s.rss / MB), s.received]),
    };
    const cpu = cpuBetween(cpuBefore, cpuAfter, named);
    // What the machine was busy with beyond the processes seen at both ends (ended meanwhile).
    const accounted = Object.values(cpu).reduce((a, b) => a + b, 0);
    cpu['processes that ended meanwhile'] = Math.max(
      0,
      (ticksAfter.busy - ticksBefore.busy) / 100 - accounted,
    );
    return {
      jobId: job.id,
      sourceId: source.id,
      job: finishedJob,
      datasets,
      seconds,
      recordsPerSecond: opt.records / seconds,
      harvestSeconds,
      firstRequestToRunMs: server.firstRequestAt - runStarted,
      firstUpsertAfterSeconds: (last.first.getTime() - server.firstRequestAt) / 1000,
      server,
      cpuSeconds: cpu,
      cpuMsPerRecord: Object.fromEntries(
        Object.entries(cpu).map(([k, v]) => [k, v == null ? null : (1000 * v) / opt.records]),
      ),
      machineBusyPercent:
        (100 * (ticksAfter.busy - ticksBefore.busy)) / (ticksAfter.total - ticksBefore.total),
      rss,
      logs: { harvester: harvester.logFile, registry: registry.logFile },
    };
  } finally {
    await Promise.all([harvester.stop(), registry.stop()]);
    await registryDb.end();
    await harvesterDb.end();
    await monitor.end();
  }
}

async function main() {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  infraUp();
  const base = { ...infraEnv() };
  if (!args['no-build']) {
    log('build (harvester, registry and the libs they use)');
    nx([
      'run-many',
      '-t',
      'build',
      '-p',
      'harvester',
      'registry',
      'testing',
      '--outputStyle=static',
    ]);
  }
  const templates = loadTemplates();
  const corpus = {
    records: opt.records,
    pageSize: opt.pageSize,
    pages: Math.ceil(opt.records / opt.pageSize),
    templates: templates.map((t) => t.fixtureId),
    approxBytes: Math.round(bytesPerRecord(templates) * opt.records),
  };
  log(
    `corpus: ${opt.records} records from ${templates.length} fixture records, ~${fmt(corpus.approxBytes / 1e6)} MB in ${corpus.pages} pages of ${opt.pageSize}`,
  );
  const csw = await startCswServer(opt.records);
  const results = {
    startedAt: startedAt.toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAtStart },
    options: opt,
    corpus,
  };
  try {
    if (!args['skip-parse']) {
      const pinned = hasTaskset() ? `pinned to CPU ${opt.parseCpu}` : 'not pinned (no taskset)';
      log(
        `(a) raw saxes and (b) parseIsoRecords over every page, alternating in ${opt.parseRounds} rounds, each a fresh process ${pinned}`,
      );
      const { raw, parser, rounds } = parseRates(csw.url);
      for (const [name, r] of [
        ['(a)', raw],
        ['(b)', parser],
      ])
        log(`    ${name} ${fmt(rate(r))} records/s, ${fmt(r.bytes / 1e6 / r.seconds, 1)} MB/s`);
      results.parse = { pinned: hasTaskset(), raw, parser, rounds };
    }
    if (!args['skip-e2e']) {
      log(`(c) end to end: harvester → Kafka → registry, ${opt.records} records`);
      results.endToEnd = await endToEnd(base, csw);
    }
  } finally {
    csw.child.kill('SIGTERM');
  }

  // --- summary ------------------------------------------------------------------------------
  const rawRate = results.parse ? rate(results.parse.raw) : null;
  const parserRate = results.parse ? rate(results.parse.parser) : null;
  const e2e = results.endToEnd;
  const checks = {};
  if (results.parse) checks.parserVsRaw = atLeast(parserRate / rawRate, GOALS.parserVsRaw);
  if (e2e && parserRate)
    checks.endToEndVsParser = atLeast(e2e.recordsPerSecond / parserRate, GOALS.endToEndVsParser);
  if (e2e) {
    const [, second, , fourth] = e2e.rss.quarterMaxMb;
    const growth = fourth - second;
    checks.rssBelow = {
      value: e2e.rss.maxMb,
      goal: `< ${GOALS.rssMb} MB`,
      pass: e2e.rss.maxMb < GOALS.rssMb,
    };
    // Flat: the last quarter of the records needs no more memory than the second (the first holds
    // the warm-up), with 10 % or 25 MB slack for where a sample meets the GC's sawtooth.
    checks.rssFlat = {
      value: growth,
      goal: `max in the 4th quarter − max in the 2nd ≤ max(25 MB, 10 %)`,
      pass: growth <= Math.max(25, 0.1 * second),
    };
  }
  Object.assign(results, {
    rates: { raw: rawRate, parser: parserRate, endToEnd: e2e?.recordsPerSecond ?? null },
    checks,
    loadAtEnd: loadavg(),
    finishedAt: new Date().toISOString(),
  });

  const v = (c) => (c ? verdict(c).padEnd(4) : 'n/a ');
  const lines = [
    '',
    `Harvest benchmark — ${results.finishedAt}`,
    `  machine: ${results.machine.cores} cores (${results.machine.cpu}), Node ${process.version}; load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${results.loadAtEnd.map((l) => l.toFixed(2)).join(' ')} (shared machine)`,
    `  corpus: ${opt.records} distinct records (${templates.length} real fixture records, new fileIdentifiers), ~${fmt(corpus.approxBytes / 1e6)} MB, ${corpus.pages} CSW GetRecords pages of ${opt.pageSize} from a separate server process`,
  ];
  if (results.parse) {
    const { raw, parser } = results.parse;
    lines.push(
      `  (a) raw saxes (xmlns, counting events)  ${fmt(rawRate)} records/s   ${fmt(raw.bytes / 1e6 / raw.seconds, 1)} MB/s   ${fmt(raw.seconds, 1)} s (CPU ${fmt(raw.cpuSeconds, 1)} s)`,
      `  (b) parseIsoRecords                     ${fmt(parserRate)} records/s   ${fmt(parser.bytes / 1e6 / parser.seconds, 1)} MB/s   ${fmt(parser.seconds, 1)} s (CPU ${fmt(parser.cpuSeconds, 1)} s; ${parser.errors} records with errors)`,
      `  ${v(checks.parserVsRaw)} (b) / (a)                          ${fmt(checks.parserVsRaw.value, 2)}   goal ${checks.parserVsRaw.goal}`,
    );
  }
  if (e2e) {
    const j = { ...e2e.job, ...e2e.job.counts };
    lines.push(
      `  (c) end to end                          ${fmt(e2e.recordsPerSecond)} records/s   ${fmt(e2e.seconds, 1)} s from the first request to the last dataset upserted (${e2e.datasets} datasets)`,
      `      job ${j.state}: ${j.received} received, ${j.created} created, ${j.failed} failed, ${j.pages ?? '?'} pages; harvest alone ${fmt(e2e.harvestSeconds, 1)} s (${fmt(opt.records / e2e.harvestSeconds)} records/s); concurrency ${opt.concurrency}`,
      `      CPU per record: ${Object.entries(e2e.cpuMsPerRecord)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${fmt(v, 2)} ms`)
        .join(', ')}; machine busy ${fmt(e2e.machineBusyPercent)} %`,
    );
    if (checks.endToEndVsParser)
      lines.push(
        `  ${v(checks.endToEndVsParser)} (c) / (b)                          ${fmt(checks.endToEndVsParser.value, 2)}   goal ${checks.endToEndVsParser.goal}`,
      );
    lines.push(
      `  ${v(checks.rssBelow)} harvester RSS max                  ${fmt(e2e.rss.maxMb)} MB   goal ${checks.rssBelow.goal} (${e2e.rss.samples} samples every ${opt.sampleMs} ms)`,
      `  ${v(checks.rssFlat)} harvester RSS flat                 max per quarter of the records ${e2e.rss.quarterMaxMb.map((m) => fmt(m)).join(' / ')} MB   goal ${checks.rssFlat.goal}`,
    );
  }
  console.log(lines.join('\n'));
  const resultsDir = join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  // Formatted as Prettier would, so `npm run format:check` stays green with results present.
  const prettier = await import('prettier');
  writeFileSync(file, await prettier.format(JSON.stringify(results), { parser: 'json' }));
  console.log(
    `  results: ${file}${e2e ? `\n  logs: ${e2e.logs.harvester}, ${e2e.logs.registry}` : ''}`,
  );
}

main().catch((error) => {
  console.error(`harvest benchmark failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
