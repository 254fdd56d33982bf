// `npm run bench:reporting` (node services/reporting/bench/reporting-bench.mjs): the read side under
// the load of issue 5, "Benchmark". A script, not a test: it prints every figure with its goal and
// PASS/MISS (SKIP when it cannot measure) and writes them to
// services/reporting/bench/results/<timestamp>.json. See the "Benchmark" section of the README.
//
//   1. setup: infra up, build, schemas `bench_reporting` (reporting) and `bench_reporting_registry`
//      (registry) dropped and migrated, topics `benchrep.*` re-created; the inventory (platforms,
//      twins, datasets) encoded by the registry's own event code and produced to Kafka; then
//      reporting started against it (a new consumer group): time until its lag is 0 = the live
//      projector's catch-up rate in events/s;
//   2. GET /api/v1/summary and /coverage?dimension=… at a fixed moderate rate (vegeta) after warm-up;
//   3. a real registry process (same topic prefix) takes POST /api/v1/platforms at a fixed rate
//      (vegeta, every response id recorded); an SSE subscriber on reporting's /api/v1/events notes
//      when each id becomes visible; a Kafka consumer notes occurred-at and the relay's produce
//      time (Kafka CreateTime);
//   4. the reporting group's lag, sampled during and after that burst, until it is back at 0;
//   5. the dashboard's first render in headless Chromium (/usr/bin/chromium, playwright-core);
//   6. the `rebuild` CLI over everything on the topics: events/s, and its ratio to step 1's rate.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { infraEnv, infraUp, log, nx, ROOT } from '../../../deploy/local/lib.mjs';
import { ensureVegeta } from '../../../deploy/local/vegeta.mjs';
// The registry benchmark's pieces: load runs in a child process (autocannon / vegeta) with CPU
// accounting, the registry schema reset, PostgreSQL backends of a process, the topic watcher.
import { backendsOf, connect, resetSchema } from '../../registry/bench/database.mjs';
import {
  CLOCK_TICKS,
  cpuBetween,
  cpuSnapshot,
  machineTicks,
} from '../../registry/bench/machine-cpu.mjs';
import { platformRegistrations, runLoad } from '../../registry/bench/load.mjs';
import { watchTopic } from '../../registry/bench/relay-lag.mjs';
import {
  atLeast,
  atMost,
  median,
  ms,
  pct,
  rps,
  summarize,
  verdict,
} from '../../registry/bench/stats.mjs';
import { measureFirstRender } from './dashboard-render.mjs';
import { generateInventory, produceInventory } from './events.mjs';
import { lagProbe, resetTopics } from './kafka.mjs';
import { watchLive } from './live-watch.mjs';

const require = createRequire(import.meta.url);
const BENCH_DIR = join(ROOT, 'services/reporting/bench');
const REPORTING_DIST = join(ROOT, 'services/reporting/dist');

const { values: args } = parseArgs({
  options: {
    platforms: { type: 'string', default: '50000' },
    twins: { type: 'string' }, // default: as many as platforms
    datasets: { type: 'string', default: '200000' },
    rate: { type: 'string', default: '20' },
    // Default 10 s per measured run at the issue's size, 5 s below it (a quick run stays < 2 min).
    seconds: { type: 'string' },
    warmup: { type: 'string', default: '2' },
    'post-rate': { type: 'string', default: '500' },
    'post-seconds': { type: 'string' },
    loads: { type: 'string', default: '5' },
    'log-level': { type: 'string', default: 'info' },
    'no-build': { type: 'boolean', default: false },
    // Diagnosis, not for measured figures: CPU profiles of the reporting and registry processes.
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const fullSize = Number(args.platforms) >= 50_000 && Number(args.datasets) >= 200_000;
const opt = {
  platforms: Number(args.platforms),
  twins: Number(args.twins ?? args.platforms),
  datasets: Number(args.datasets),
  rate: Number(args.rate),
  seconds: Number(args.seconds ?? (fullSize ? 10 : 5)),
  warmup: Number(args.warmup),
  postRate: Number(args['post-rate']),
  postSeconds: Number(args['post-seconds'] ?? (fullSize ? 10 : 5)),
  loads: Number(args.loads),
  logLevel: args['log-level'],
  cpuProfile: args['cpu-prof'],
};

const SCHEMA = 'bench_reporting';
const REGISTRY_SCHEMA = 'bench_reporting_registry';
const TOPIC_PREFIX = 'benchrep.';
const GROUP_ID = 'dpi-reporting-bench';
const ADMIN_TOKEN = 'bench-reporting-admin-token-0123456789';
const GOALS = {
  readP99: 50,
  visibleP50: 50,
  visibleP99: 250,
  lagZeroMs: 5000,
  firstRenderMs: 2000,
};
// The summary last: when it cannot keep up, its backlog should not spill into the others' runs.
const READ_PATHS = [
  { name: 'coverage platformType', path: '/api/v1/coverage?dimension=platformType' },
  { name: 'coverage twinUseCase', path: '/api/v1/coverage?dimension=twinUseCase' },
  { name: 'coverage euTheme', path: '/api/v1/coverage?dimension=euTheme' },
  { name: 'summary', path: '/api/v1/summary' },
];

const testing = require('@dpi/testing');
const kafkaLib = require('@dpi/kafka');
const { TOPICS } = require('@dpi/contracts');

const sleep = (t) => new Promise((r) => setTimeout(r, t));
// ServiceProcess keeps its child private; the benchmark reads the pid only for CPU accounting.
const pidOf = (service) => service.child?.pid;
const loads = (l) => l.map((v) => v.toFixed(2)).join(' ');
const seconds = (t) => (t == null ? 'n/a' : `${(t / 1000).toFixed(2)} s`);

function serviceEnv(base, schema, service) {
  return {
    ...base,
    NODE_ENV: 'production',
    LOG_LEVEL: opt.logLevel,
    DB_SCHEMA: schema,
    KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
    // --cpu-prof: the whole-process profiler of the harvest benchmark, written when the process ends.
    NODE_OPTIONS: opt.cpuProfile
      ? `--require ${join(ROOT, 'services/harvester/bench/cpu-profile.cjs')}`
      : '',
    BENCH_CPU_PROFILE_DIR: join(BENCH_DIR, 'results/profiles'),
    BENCH_CPU_PROFILE_NAME: service,
  };
}
const reportingEnv = (base) => ({
  ...serviceEnv(base, SCHEMA, 'reporting'),
  KAFKA_GROUP_ID: GROUP_ID,
});
const registryEnv = (base) => ({
  ...serviceEnv(base, REGISTRY_SCHEMA, 'registry'),
  DPI_ADMIN_TOKEN: ADMIN_TOKEN,
});

/** Runs a node script to its end; resolves with stdout, stderr and the wall time. */
function runNode(script, scriptArgs, env) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [script, ...scriptArgs], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Date.now() - started;
      if (code === 0) resolve({ stdout, stderr, wallMs, pid: child.pid });
      else reject(new Error(`${script} exited ${code}: ${stderr || stdout.slice(-2000)}`));
    });
  });
}

/** Drops the reporting schema and what earlier rebuilds may have left, then migrates it. */
async function resetReportingSchema(base) {
  const c = await connect(base.DATABASE_URL, 'public');
  try {
    const { rows } = await c.query(
      `SELECT nspname FROM pg_namespace WHERE nspname = $1 OR nspname LIKE $1 || '\\_rb%'
         OR nspname LIKE $1 || '\\_old%'`,
      [SCHEMA],
    );
    for (const { nspname } of rows) await c.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await c.end();
  }
  await runNode(join(REPORTING_DIST, 'migrate.js'), [], reportingEnv(base));
}

async function readModelCounts(base) {
  const c = await connect(base.DATABASE_URL, SCHEMA);
  try {
    const { rows } = await c.query(
      `SELECT (SELECT count(*)::int FROM platform_item) AS platforms,
              (SELECT count(*)::int FROM twin_item) AS twins,
              (SELECT count(*)::int FROM dataset_item) AS datasets,
              (SELECT count(*)::int FROM finding) AS findings`,
    );
    return rows[0];
  } finally {
    await c.end();
  }
}

/** Messages on the benchmark's dead-letter topics (records reporting could not apply). */
async function deadLetters(kafka) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const dlqs = (await admin.listTopics()).filter(
      (t) => t.startsWith(TOPIC_PREFIX) && t.endsWith('.dlq'),
    );
    let n = 0;
    for (const t of dlqs) for (const p of await admin.fetchTopicOffsets(t)) n += Number(p.high);
    return n;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Samples the reporting group's lag in the background ([{ at, lag, tookMs }], at = request start)
 * every `intervalMs` until stopped; `fine()` switches to every
 * `fineMs` from then on. Each sample costs the benchmark process a few Kafka requests (one
 * OffsetFetch, and a Metadata plus two ListOffsets per topic), which the machine under test pays
 * for too: the run samples coarsely while the registrations come in and finely from shortly before
 * the burst's end, where "back to 0" is timed.
 */
function sampleLag(probe, { intervalMs, fineMs }) {
  const samples = [];
  const errors = [];
  let running = true;
  let every = intervalMs;
  let wake = null;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      try {
        const { lag } = await probe.lag();
        samples.push({ at, lag, tookMs: Date.now() - at });
      } catch (error) {
        errors.push(`${new Date(at).toISOString()} ${error.message}`);
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, every);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    samples,
    errors,
    fine() {
      every = fineMs;
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}

/** SIGTERM, and SIGKILL when the process has not exited after `ms`; returns what happened. */
async function stopWithin(service, ms = 15_000) {
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve(true), ms)));
  const slow = await Promise.race([service.stop().then(() => false), timedOut]);
  clearTimeout(timer);
  if (!slow) return 'exited after SIGTERM';
  log(
    `${service.name} still running ${ms / 1000} s after SIGTERM; SIGKILL (see ${service.logFile})`,
  );
  await service.kill9();
  return `did not exit within ${ms / 1000} s of SIGTERM; killed`;
}

/** Resolves with `promise`, or after `ms` with undefined (cleanup that must not hang the run). */
const within = (promise, ms) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);

function line(label, run, server = 'reporting') {
  const codes = Object.entries(run.statusCodes)
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');
  return (
    `    ${label.padEnd(23)} ${rps(run.okPerSecond).padStart(6)}  p50 ${ms(run.latencyMs.p50)}  ` +
    `p99 ${ms(run.latencyMs.p99)}  max ${ms(run.latencyMs.max)}  [${codes}${run.errors ? `, ${run.errors} errors` : ''}]  ` +
    `CPU/request: ${server} ${ms(run.serverCpuMsPerRequest)}, its database backends ${ms(run.dbCpuMsPerRequest)}; ` +
    `machine busy ${pct(run.machineBusyPercent)}, load ${run.loadAverage1m.before?.toFixed(1) ?? 'n/a'}`
  );
}

/** Parses the rebuild CLI's output: its summary line and the pino progress lines' timestamps. */
function parseRebuild({ stdout, wallMs }) {
  const summary = /rebuilt schema "([^"]+)" from (\d+) events in ([\d.]+) s/.exec(stdout);
  const progress = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => {
      try {
        return JSON.parse(l);
      } catch {
        return null;
      }
    })
    .filter((l) => l?.msg === 'rebuild progress');
  const replay = progress.filter((p) => p.phase === 'replay');
  const replayDone = replay.find((p) => p.percent >= 100) ?? replay[replay.length - 1];
  const events = summary ? Number(summary[2]) : null;
  const durationS = summary ? Number(summary[3]) : null;
  const replayMs = replay.length && replayDone ? replayDone.time - replay[0].time : null;
  return {
    schema: summary?.[1] ?? null,
    events,
    durationSeconds: durationS,
    wallSeconds: wallMs / 1000,
    eventsPerSecond: events && durationS ? events / durationS : null,
    // From the first progress line (consumer starting) to the one reporting 100 % (±1 s steps).
    replaySeconds: replayMs != null ? replayMs / 1000 : null,
    replayEventsPerSecond:
      replayMs && replayDone ? Number(replayDone.applied) / (replayMs / 1000) : null,
    summaryLine: summary?.[0] ?? stdout.trim().split('\n').pop(),
  };
}

async function main() {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  infraUp();
  const base = { ...infraEnv() };
  let dashboardBuild = args['no-build'] ? 'not built (--no-build)' : null;
  if (!args['no-build']) {
    log('build (registry, reporting and the libs they use)');
    nx([
      'run-many',
      '-t',
      'build',
      '-p',
      'registry',
      'reporting',
      'testing',
      '--outputStyle=static',
    ]);
    // The dashboard only for step 5: a failing dashboard build skips that step, not the others.
    try {
      log('build (dashboard)');
      nx(['run', 'dashboard:build', '--outputStyle=static']);
    } catch (error) {
      dashboardBuild = `dashboard build failed (${error.message})`;
    }
  }
  const kafka = kafkaLib.createKafka(
    { ...base, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX },
    'reporting-bench',
  );
  const results = {
    startedAt: startedAt.toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAtStart,
    },
    options: opt,
    goals: GOALS,
    dashboardBuild,
  };

  // --- 1. setup: schemas, topics, the inventory on Kafka, reporting catching up ---------------
  log(
    `schemas ${SCHEMA} and ${REGISTRY_SCHEMA}: drop and migrate; topics ${TOPIC_PREFIX}*: re-create`,
  );
  await resetReportingSchema(base);
  await resetSchema(ROOT, registryEnv(base));
  const topics = await resetTopics(kafka, TOPIC_PREFIX);
  log(`topics: ${topics.created.length} created`);

  log(`generating ${opt.platforms} platforms, ${opt.twins} twins, ${opt.datasets} datasets`);
  const inventory = generateInventory(ROOT, opt);
  log(`generated in ${inventory.generateSeconds.toFixed(1)} s; producing them as registry events`);
  const produced = await produceInventory(ROOT, kafka, inventory, TOPIC_PREFIX, (m) => log(m));
  inventory.kinds.length = 0; // free the entities before the services start
  log(
    `produced ${produced.events} events (${(produced.valueBytes / 2 ** 20).toFixed(0)} MiB of values) in ` +
      `${produced.produceSeconds.toFixed(1)} s (${rps(produced.producedPerSecond)})`,
  );
  results.setup = { generateSeconds: inventory.generateSeconds, ...produced };

  const groupId = `${TOPIC_PREFIX}${GROUP_ID}`;
  const readTopics = [
    TOPICS.registryOrganisation,
    TOPICS.registryPlatform,
    TOPICS.registryDigitalTwin,
    TOPICS.registryDataset,
    TOPICS.registryEndpoint,
    TOPICS.harvestJob,
  ].map((t) => kafkaLib.prefixedTopic(t, TOPIC_PREFIX));
  const probe = await lagProbe(kafka, groupId, readTopics);
  await probe.deleteGroup();

  const reporting = new testing.ServiceProcess(
    'reporting',
    reportingEnv(base),
    await testing.freePort(),
  );
  const registry = new testing.ServiceProcess(
    'registry',
    registryEnv(base),
    await testing.freePort(),
  );
  // Its port is taken when it starts (minutes later, a port found free now may be some client's).
  let dashboard = null;
  const monitor = await connect(base.DATABASE_URL, 'public');
  const dbOf = (service) => backendsOf(monitor, base.DATABASE_URL, pidOf(service));
  try {
    log('starting reporting (new consumer group, reads the topics from offset 0)');
    const spawnedAt = Date.now();
    await reporting.start({ timeoutMs: 60_000 });
    const readyAt = Date.now();
    let lastLog = 0;
    const caughtUp = await probe.waitForZero({
      intervalMs: 100,
      onSample: (state, t) => {
        if (t - lastLog >= 5000) {
          lastLog = t;
          log(`  reporting lag ${state.lag} of ${state.end} (${(t / 1000).toFixed(0)} s)`);
        }
      },
    });
    const zeroAt = readyAt + caughtUp.ms;
    const catchUp = {
      events: produced.events,
      bootMs: readyAt - spawnedAt,
      fromReadyMs: zeroAt - readyAt,
      fromSpawnMs: zeroAt - spawnedAt,
      eventsPerSecond: produced.events / ((zeroAt - readyAt) / 1000),
      eventsPerSecondFromSpawn: produced.events / ((zeroAt - spawnedAt) / 1000),
      counts: await readModelCounts(base),
      deadLetters: await deadLetters(kafka),
      loadAverage1m: loadavg()[0],
    };
    results.catchUp = catchUp;
    log(
      `reporting caught up: ${catchUp.events} events in ${seconds(catchUp.fromReadyMs)} after ready ` +
        `(${rps(catchUp.eventsPerSecond)}); read model ${JSON.stringify(catchUp.counts)}, ` +
        `${catchUp.deadLetters} dead letters`,
    );
    // Let the Handlungsbedarfe evaluation the catch-up triggered finish before measuring reads.
    await sleep(2000);

    // --- 2. summary and coverage at a fixed rate --------------------------------------------
    const vegeta = ensureVegeta();
    const reads = {};
    const serial = {};
    for (const { name, path } of READ_PATHS) {
      // One request at a time first: the endpoint's own latency, without any queueing.
      const times = [];
      for (let i = 0; i < 6; i++) {
        const t = performance.now();
        const response = await fetch(`${reporting.url}${path}`);
        await response.arrayBuffer();
        if (i > 0) times.push(performance.now() - t);
      }
      serial[name] = summarize(times);
      log(
        `GET ${path}: one at a time p50 ${ms(serial[name].p50)}, max ${ms(serial[name].max)}; ` +
          `at ${opt.rate}/s (${opt.warmup} s warm-up + ${opt.seconds} s)`,
      );
      reads[name] = await runLoad(
        {
          url: reporting.url,
          method: 'GET',
          path,
          rate: opt.rate,
          vegeta,
          seconds: opt.seconds,
          warmupSeconds: opt.warmup,
        },
        pidOf(reporting),
        dbOf(reporting),
      );
      console.log(line(name, reads[name]));
    }
    results.reads = Object.fromEntries(
      Object.entries(reads).map(([k, r]) => [
        k,
        { ...r, responses: undefined, oneAtATimeMs: serial[k] },
      ]),
    );

    // --- 3 + 4. registrations at a fixed rate: visible in the read model, lag back to 0 -------
    log('starting a registry process (same topic prefix, its own schema)');
    await registry.start({ timeoutMs: 60_000 });
    const live = await watchLive(reporting.url);
    const watchGroup = `${TOPIC_PREFIX}bench-watch.${Date.now()}`;
    const onTopic = await watchTopic({
      brokers: base.KAFKA_BROKERS,
      topic: kafkaLib.prefixedTopic(TOPICS.registryPlatform, TOPIC_PREFIX),
      groupId: watchGroup,
      // Only the event's produce time (Kafka CreateTime, set by the relay) and occurred-at are used:
      // fetch at most every 250 ms instead of after every event, which loaded Kafka and this process.
      maxWaitMs: 250,
      minBytes: 1 << 20,
    });
    let post;
    try {
      const warmupSeconds = 3;
      const sampler = sampleLag(probe, { intervalMs: 1000, fineMs: 100 });
      // Every 100 ms from a second before the burst is due to end (vegeta starts within ms).
      const fineTimer = setTimeout(
        () => sampler.fine(),
        (warmupSeconds + opt.postSeconds - 1) * 1000,
      );
      log(
        `POST /api/v1/platforms at ${opt.postRate}/s for ${opt.postSeconds} s (after a ${warmupSeconds} s warm-up at that rate), ` +
          'SSE subscriber on reporting, reporting lag sampled every second, every 100 ms from 1 s before the end',
      );
      // Every process's CPU over the measured run (between the runner's marks, so without its
      // start, the warm-up and the decoding of vegeta's results): who the two cores went to.
      const cpuWindow = {};
      const snapshot = () => ({ at: Date.now(), cpu: cpuSnapshot(), ticks: machineTicks() });
      const run = await runLoad(
        {
          ...platformRegistrations(registry.url, ADMIN_TOKEN),
          rate: opt.postRate,
          vegeta,
          seconds: opt.postSeconds,
          // Steady state, as the registry benchmark measures it: a cold registry (JIT, pool)
          // builds a backlog in its first second at 500/s that the measured run would inherit.
          warmupSeconds,
          recordResponses: true,
        },
        pidOf(registry),
        dbOf(registry),
        {
          measure: () => (cpuWindow.before = snapshot()),
          done: () => (cpuWindow.after = snapshot()),
        },
      );
      console.log(line('POST registry', run, 'registry'));
      clearTimeout(fineTimer);
      sampler.fine();
      const { cpu: cpuBefore, ticks: ticksBefore, at: cpuFrom } = cpuWindow.before;
      const { cpu: cpuAfter, ticks: ticksAfter, at: cpuTo } = cpuWindow.after;
      const cpuSeconds = (cpuTo - cpuFrom) / 1000;
      const named = new Map([
        [pidOf(registry), 'registry'],
        [pidOf(reporting), 'reporting'],
        [process.pid, 'benchmark (SSE subscriber, topic watcher)'],
      ]);
      for (const [name, service] of [
        ['registry', registry],
        ['reporting', reporting],
      ])
        for (const pid of await dbOf(service)()) named.set(pid, `postgres (${name})`);
      const byGroup = cpuBetween(cpuBefore, cpuAfter, named);
      // vegeta has exited by now: what the machine did beyond the processes seen.
      const accounted = Object.values(byGroup).reduce((a, b) => a + b, 0);
      byGroup['processes that ended meanwhile (vegeta)'] = Math.max(
        0,
        (ticksAfter.busy - ticksBefore.busy) / CLOCK_TICKS - accounted,
      );
      const cpuPercentByGroup = Object.fromEntries(
        Object.entries(byGroup)
          .map(([group, seconds]) => [group, (100 * seconds) / cpuSeconds])
          .sort((a, b) => b[1] - a[1]),
      );
      const reportingCpuPercent =
        (cpuPercentByGroup.reporting ?? 0) + (cpuPercentByGroup['postgres (reporting)'] ?? 0);
      // The burst ends when vegeta stops sending; slow answers may come in later (run.finish).
      const burstEnd = Date.parse(run.start) + opt.postSeconds * 1000;
      const lastResponse = Date.parse(run.finish);
      const ids = run.responses.map(([id]) => id);
      const missing = await live.waitFor(ids, 60_000);
      // Lag back to 0 for good: requests vegeta gave up on (10 s timeout) may still be committed by
      // the registry and published later, so sample until the lag has stayed 0 for a second.
      const STABLE_MS = 1000;
      const waitUntil = Date.now() + 60_000;
      while (Date.now() < waitUntil) {
        const recent = sampler.samples.filter((x) => x.at >= Date.now() - STABLE_MS);
        const zeroRun = sampler.samples.slice(-recent.length - 1);
        if (recent.length >= 3 && zeroRun.every((x) => x.lag === 0)) break;
        await sleep(100);
      }
      await sampler.stop();
      const lastVisible = Math.max(...ids.map((id) => live.seen.get(id)?.visibleAt ?? 0));
      // When the registry falls behind, the burst reaches the topic later than it was sent (also
      // registrations vegeta gave up on): the consumer's own share counts from the last event.
      let lastOnTopic = 0;
      for (const { producedAt } of onTopic.seen.values())
        lastOnTopic = Math.max(lastOnTopic, producedAt);
      // Back to 0: the first sample of the final all-zero run that was taken after the last id
      // became visible and after the last event was on the topic (a lag shorter than the 100 ms
      // sampling interval can fall between two samples).
      const s = sampler.samples;
      let zeroFrom = s.length;
      while (zeroFrom > 0 && s[zeroFrom - 1].lag === 0) zeroFrom--;
      while (zeroFrom < s.length && s[zeroFrom].at < Math.max(lastVisible, lastOnTopic)) zeroFrom++;
      const zeroAt = zeroFrom < s.length ? s[zeroFrom].at : null;
      const during = s.filter((x) => x.at <= burstEnd);
      const rows = run.responses.map(([id, respondedAt]) => ({
        respondedAt,
        ...onTopic.seen.get(id),
        ...live.seen.get(id),
      }));
      const visible = rows.filter((r) => r.visibleAt);
      const withTopic = visible.filter((r) => r.producedAt);
      post = {
        ...run,
        responses: undefined,
        posted: ids.length,
        visible: visible.length,
        missing: missing.length,
        sseEvents: live.events,
        // reporting's process and its database backends (projector, rules, SSE) over the run.
        reportingCpuPercent,
        cpuPercentByGroup,
        responseToVisibleMs: summarize(visible.map((r) => r.visibleAt - r.respondedAt)),
        occurredToVisibleMs: summarize(withTopic.map((r) => r.visibleAt - r.occurredAt)),
        occurredToTopicMs: summarize(withTopic.map((r) => r.producedAt - r.occurredAt)),
        topicToVisibleMs: summarize(withTopic.map((r) => r.visibleAt - r.producedAt)),
        appliedToVisibleMs: summarize(visible.map((r) => r.visibleAt - r.appliedAt)),
        lag: {
          burstEnd: new Date(burstEnd).toISOString(),
          maxDuringBurst: during.length ? Math.max(...during.map((x) => x.lag)) : null,
          medianDuringBurst: during.length ? median(during.map((x) => x.lag)) : null,
          lastResponseAfterBurstMs: lastResponse - burstEnd,
          backToZeroMs: zeroAt != null ? Math.max(0, zeroAt - burstEnd) : null,
          lastOnTopicAfterBurstMs: lastOnTopic - burstEnd,
          backToZeroAfterLastOnTopicMs: zeroAt != null ? Math.max(0, zeroAt - lastOnTopic) : null,
          lastVisibleAfterBurstMs: lastVisible - burstEnd,
          samples: s.length,
          sampleErrors: sampler.errors.length,
          firstSampleError: sampler.errors[0] ?? null,
          sampleMs: summarize(s.map((x) => x.tookMs)),
          // Every sample from 2 s before the burst's end on (t relative to the burst's end).
          trace: s.filter((x) => x.at >= burstEnd - 2000).map((x) => [x.at - burstEnd, x.lag]),
        },
      };
      log(
        `visible: ${visible.length}/${ids.length}; response → visible p50 ${ms(post.responseToVisibleMs.p50)} ` +
          `p99 ${ms(post.responseToVisibleMs.p99)}; lag back to 0 ${seconds(post.lag.backToZeroMs)} after the burst`,
      );
    } finally {
      await within(live.stop(), 5000);
      await within(onTopic.stop(), 10_000);
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteGroups([watchGroup]).catch(() => undefined);
      await admin.disconnect();
      results.registryStop = await stopWithin(registry);
    }
    results.post = post;

    // --- 5. dashboard first render -------------------------------------------------------------
    let render;
    log(`dashboard first render in headless Chromium (${opt.loads} cold loads after one warm-up)`);
    try {
      if (dashboardBuild && !existsSync(join(ROOT, 'services/dashboard/dist/web/index.html')))
        render = { skipped: `${dashboardBuild}; no services/dashboard/dist/web` };
      else {
        dashboard = new testing.ServiceProcess(
          'dashboard',
          { NODE_ENV: 'production', LOG_LEVEL: 'warn', REPORTING_URL: reporting.url },
          await testing.freePort(),
          join(ROOT, 'services/dashboard/dist/server/main.js'),
        );
        await dashboard.start({ timeoutMs: 30_000 });
        render = await measureFirstRender(`${dashboard.url}/`, { loads: opt.loads });
      }
    } catch (error) {
      render = { error: error.message };
    } finally {
      await stopWithin(dashboard);
    }
    if (render.runs) {
      const times = render.runs.map((r) => r.renderedMs);
      render.renderedMs = summarize(times);
      console.log(
        `    first render ${times.map((t) => t.toFixed(0)).join(', ')} ms (median ${ms(median(times))}, ` +
          `worst ${ms(Math.max(...times))}); ${render.runs[0].requests} requests; Chromium ${render.version}`,
      );
    } else console.log(`    ${render.skipped ?? render.error}`);
    results.render = render;

    // --- 6. full rebuild -------------------------------------------------------------------
    log('rebuild CLI (dist/cli/rebuild.js) over everything on the topics, reporting running');
    const rebuildRun = await runNode(join(REPORTING_DIST, 'cli/rebuild.js'), [], {
      ...reportingEnv(base),
      LOG_LEVEL: 'info',
    });
    const rebuild = { ...parseRebuild(rebuildRun), loadAverage1m: loadavg()[0] };
    rebuild.ratioToLiveCatchUp =
      rebuild.eventsPerSecond != null ? rebuild.eventsPerSecond / catchUp.eventsPerSecond : null;
    console.log(`    ${rebuild.summaryLine}`);
    results.rebuild = rebuild;

    // --- summary -----------------------------------------------------------------------------
    const worstRead = Math.max(
      ...READ_PATHS.filter((p) => p.name !== 'summary').map((p) => reads[p.name].latencyMs.p99),
    );
    const renderTimes = render.runs?.map((r) => r.renderedMs) ?? [];
    const checks = {
      summaryP99: atMost(reads.summary.latencyMs.p99, GOALS.readP99),
      coverageP99: atMost(worstRead, GOALS.readP99),
      postRate: atLeast(post.okPerSecond, opt.postRate * 0.99),
      visibleP50: atMost(post.responseToVisibleMs.p50 ?? Infinity, GOALS.visibleP50),
      visibleP99: atMost(post.responseToVisibleMs.p99 ?? Infinity, GOALS.visibleP99),
      occurredVisibleP50: atMost(post.occurredToVisibleMs.p50 ?? Infinity, GOALS.visibleP50),
      occurredVisibleP99: atMost(post.occurredToVisibleMs.p99 ?? Infinity, GOALS.visibleP99),
      lagZero: atMost(post.lag.backToZeroMs ?? Infinity, GOALS.lagZeroMs),
      lagZeroAfterTopic: atMost(post.lag.backToZeroAfterLastOnTopicMs ?? Infinity, GOALS.lagZeroMs),
      firstRender: renderTimes.length
        ? atMost(Math.max(...renderTimes), GOALS.firstRenderMs)
        : {
            value: null,
            goal: `≤ ${GOALS.firstRenderMs}`,
            pass: null,
            skipped: render.skipped ?? render.error,
          },
    };
    Object.assign(results, { checks, loadAtEnd: loadavg(), finishedAt: new Date().toISOString() });
    const v = (c) => (c.pass == null ? 'SKIP' : verdict(c)).padEnd(4);
    const r = (name) => reads[name].latencyMs;
    const errorsOf = (name) =>
      `${reads[name].ok}/${reads[name].requests} ok${reads[name].okPerSecond < opt.rate * 0.99 ? ', did not keep up' : ''}`;
    const p = post;
    console.log(`
Reporting benchmark — ${results.finishedAt}
  machine: ${results.machine.cores} cores (${results.machine.cpu}), Node ${process.version}; load average at start ${loads(loadAtStart)}, at end ${loads(results.loadAtEnd)} (shared machine: figures are under that load)
  data: ${opt.platforms} platforms, ${opt.twins} twins, ${opt.datasets} datasets as registry events on ${TOPIC_PREFIX}* (produced in ${produced.produceSeconds.toFixed(1)} s); schema ${SCHEMA}; LOG_LEVEL=${opt.logLevel}, NODE_ENV=production
  read model after catch-up: ${catchUp.counts.platforms} platforms, ${catchUp.counts.twins} twins, ${catchUp.counts.datasets} datasets, ${catchUp.counts.findings} findings; ${catchUp.deadLetters} dead letters

       live projector catch-up  ${catchUp.events} events in ${seconds(catchUp.fromReadyMs)} from ready (boot ${seconds(catchUp.bootMs)}): ${rps(catchUp.eventsPerSecond)} (${rps(catchUp.eventsPerSecondFromSpawn)} from spawn)
  reads at ${opt.rate}/s (vegeta, ${opt.warmup} s warm-up + ${opt.seconds} s each):
  ${v(checks.summaryP99)} GET /summary                  p50 ${ms(r('summary').p50)}  p99 ${ms(r('summary').p99)}  (${errorsOf('summary')}; one at a time p50 ${ms(serial.summary.p50)})   goal p99 ${checks.summaryP99.goal} ms
${READ_PATHS.filter((x) => x.name !== 'summary')
  .map(
    (x) =>
      `       GET /${x.name.padEnd(28)}p50 ${ms(r(x.name).p50)}  p99 ${ms(r(x.name).p99)}  (${errorsOf(x.name)}; one at a time p50 ${ms(serial[x.name].p50)})`,
  )
  .join('\n')}
  ${v(checks.coverageP99)} GET /coverage (worst)          p99 ${ms(worstRead)}   goal ${checks.coverageP99.goal} ms
  registrations: POST /api/v1/platforms at ${opt.postRate}/s for ${opt.postSeconds} s to a registry process (POST p50 ${ms(p.latencyMs.p50)}, p99 ${ms(p.latencyMs.p99)}; machine busy ${pct(p.machineBusyPercent)}; CPU: registry ${pct(p.serverCpuPercent)} + its backends ${pct(p.dbCpuPercent)}, reporting + its backends ${pct(p.reportingCpuPercent)} of a core)
         CPU of every process over the measured run, % of a core: ${Object.entries(
           p.cpuPercentByGroup ?? {},
         )
           .filter(([, percent]) => percent >= 0.5)
           .map(([group, percent]) => `${group} ${percent.toFixed(0)}`)
           .join(', ')}
  ${v(checks.postRate)} achieved POST rate      ${rps(p.okPerSecond)} (${p.ok} of ${p.requests} created)   condition ${checks.postRate.goal}/s
  ${v(checks.visibleP50)} POST response → visible p50 ${ms(p.responseToVisibleMs.p50)}   goal ${checks.visibleP50.goal} ms   (SSE subscriber; ${p.visible}/${p.posted} seen)
  ${v(checks.visibleP99)} POST response → visible p99 ${ms(p.responseToVisibleMs.p99)}   goal ${checks.visibleP99.goal} ms   (max ${ms(p.responseToVisibleMs.max)})
  ${v(checks.occurredVisibleP50)} occurred-at → visible   p50 ${ms(p.occurredToVisibleMs.p50)}   goal ${checks.occurredVisibleP50.goal} ms
  ${v(checks.occurredVisibleP99)} occurred-at → visible   p99 ${ms(p.occurredToVisibleMs.p99)}   goal ${checks.occurredVisibleP99.goal} ms
         split: occurred → on the topic (registry outbox relay) p50 ${ms(p.occurredToTopicMs.p50)} p99 ${ms(p.occurredToTopicMs.p99)}; on the topic → visible (reporting) p50 ${ms(p.topicToVisibleMs.p50)} p99 ${ms(p.topicToVisibleMs.p99)}
  ${v(checks.lagZero)} reporting lag back to 0  ${seconds(p.lag.backToZeroMs)} after the burst stopped sending (max during it ${p.lag.maxDuringBurst ?? 'n/a'} events; last POST answered ${seconds(p.lag.lastResponseAfterBurstMs)} after it)   goal ${checks.lagZero.goal} ms
  ${v(checks.lagZeroAfterTopic)} reporting lag back to 0  ${seconds(p.lag.backToZeroAfterLastOnTopicMs)} after the burst's last event reached the topic (${seconds(p.lag.lastOnTopicAfterBurstMs)} after sending stopped)   goal ${checks.lagZeroAfterTopic.goal} ms
  ${v(checks.firstRender)} dashboard first render  ${renderTimes.length ? `worst ${ms(Math.max(...renderTimes))}, median ${ms(median(renderTimes))} of ${renderTimes.length} cold loads` : checks.firstRender.skipped}   goal ${checks.firstRender.goal} ms
       registry process after the burst: ${results.registryStop}
       full rebuild             ${rebuild.events ?? 'n/a'} events in ${rebuild.durationSeconds ?? 'n/a'} s: ${rps(rebuild.eventsPerSecond)} (replay phase alone ${rps(rebuild.replayEventsPerSecond)}); ${rebuild.ratioToLiveCatchUp?.toFixed(2) ?? 'n/a'} × the live projector's catch-up rate
`);
    const resultsDir = join(BENCH_DIR, 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    const prettier = await import('prettier');
    writeFileSync(file, await prettier.format(JSON.stringify(results), { parser: 'json' }));
    console.log(`  results: ${file}\n  logs: ${reporting.logFile}, ${registry.logFile}`);
  } finally {
    await Promise.all([
      stopWithin(reporting),
      stopWithin(registry),
      dashboard && stopWithin(dashboard),
    ]);
    await probe.deleteGroup();
    await probe.close();
    await monitor.end();
  }
}

main().catch((error) => {
  console.error(`reporting benchmark failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
