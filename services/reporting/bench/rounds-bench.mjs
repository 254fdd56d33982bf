// `node services/reporting/bench/rounds-bench.mjs` (issue 22): survey rounds, measured. A script, not
// a test: it prints the figures and writes them to services/reporting/bench/results/rounds-<ts>.json.
//
//   1. setup: build (unless --no-build), schemas `bench_rounds` (reporting) and
//      `bench_rounds_registry` dropped and migrated, topics `benchrounds.*` re-created; a real
//      registry and reporting (dist) on them; `--records` platforms of Hamburg registered through
//      the API by Hamburg's editor (not measured);
//   2. bulk: a round is opened and the Hamburg editor confirms all its records through
//      POST /api/v1/rounds/{id}/confirmations — once with every id in one request, then in
//      requests of 100 — wall time of each; then `--repeats` more one-request confirmations
//      (re-confirming writes every row and event again) for a median;
//   3. latency: in a second round, `--samples` single confirmations one after another; for each,
//      the time from sending the confirmation until reporting's GET /api/v1/rounds/{id}/progress
//      counts it (polled every `--poll-ms`): p50 / p99 / max. The figure includes the registry's
//      outbox relay (OUTBOX_POLL_INTERVAL_MS), Kafka and reporting's consumer. Beside it, the SSE
//      leg: the time until reporting's /api/v1/events sends `changed` with model `round` and the
//      round's id — what makes the dashboard reload its round progress (the dashboard then adds
//      its coalescing, 0.3 s after a quiet spell, and one GET /rounds/progress).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { infraEnv, log, nx, ROOT } from '../../../deploy/local/lib.mjs';
import { resetSchema } from '../../registry/bench/database.mjs';
import { summarize } from '../../registry/bench/stats.mjs';
import { resetTopics } from './kafka.mjs';

const require = createRequire(import.meta.url);
const testing = require('@dpi/testing');
const kafkaLib = require('@dpi/kafka');

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '500' },
    samples: { type: 'string', default: '200' },
    repeats: { type: 'string', default: '5' },
    'poll-ms': { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
  },
});
const opt = {
  records: Number(args.records),
  samples: Number(args.samples),
  repeats: Number(args.repeats),
  pollMs: Number(args['poll-ms']),
};
const SCHEMA = 'bench_rounds';
const REGISTRY_SCHEMA = 'bench_rounds_registry';
const TOPIC_PREFIX = 'benchrounds.';
const ADMIN = 'bench-rounds-admin-token-0123456789';
const BENCH_DIR = join(ROOT, 'services/reporting/bench');

async function call(base, method, path, token, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const openRound = (registry, title) =>
  call(registry.url, 'POST', '/api/v1/rounds', ADMIN, {
    title,
    referenceDate: '2026-12-01',
    deadline: '2099-12-31T23:00:00Z',
    kinds: ['platform'],
    landCodes: ['DE-HH'],
  });

async function main() {
  const base = { ...infraEnv(), TZ: 'UTC' };
  if (!args['no-build']) {
    log('build (registry, reporting)');
    nx(['run-many', '-t', 'build', '--projects=registry,reporting', '--outputStyle=static']);
  }
  const common = {
    ...base,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
  };
  const registryEnv = { ...common, DB_SCHEMA: REGISTRY_SCHEMA, DPI_ADMIN_TOKEN: ADMIN };
  const [registryPort, reportingPort] = [await testing.freePort(), await testing.freePort()];
  const reportingEnv = {
    ...common,
    DB_SCHEMA: SCHEMA,
    KAFKA_GROUP_ID: 'dpi-reporting-bench-rounds',
    REGISTRY_URL: `http://127.0.0.1:${registryPort}`,
  };
  log(
    `schemas ${SCHEMA}, ${REGISTRY_SCHEMA}: drop and migrate; topics ${TOPIC_PREFIX}*: re-create`,
  );
  await resetSchema(ROOT, registryEnv);
  const c = new (require('pg').Client)({ connectionString: base.DATABASE_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await c.end();
  testing.migrateService('reporting', reportingEnv);
  const kafka = kafkaLib.createKafka({ ...base, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX }, 'rounds-bench');
  await resetTopics(kafka, TOPIC_PREFIX);

  const registry = new testing.ServiceProcess('registry', registryEnv, registryPort);
  const reporting = new testing.ServiceProcess('reporting', reportingEnv, reportingPort);
  const results = {
    startedAt: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, loadAtStart: loadavg() },
    options: opt,
  };
  try {
    // A loaded machine starts a service slowly: two minutes each.
    await registry.start({ timeoutMs: 120_000 });
    await reporting.start({ timeoutMs: 120_000 });
    const hamburg = await testing.issueToken(registry.url, ADMIN, {
      name: 'bench-hh-editor',
      role: 'land-editor',
      landCode: 'DE-HH',
    });
    log(`registering ${opt.records} platforms of Hamburg (setup, not measured)`);
    const ids = [];
    for (let i = 0; i < opt.records; i += 10) {
      const batch = Array.from({ length: Math.min(10, opt.records - i) }, (_, j) =>
        call(registry.url, 'POST', '/api/v1/platforms', hamburg, {
          name: `Bench-Plattform ${i + j}`,
          landCode: 'DE-HH',
          type: 'geoportal',
          status: 'production',
        }),
      );
      for (const created of await Promise.all(batch)) ids.push(created.id);
    }

    // --- 2. bulk ------------------------------------------------------------------------------
    const bulkRound = await openRound(registry, 'Bench: Bestätigung in Masse');
    const timed = async (work) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const confirm = (roundId, recordIds) =>
      call(registry.url, 'POST', `/api/v1/rounds/${roundId}/confirmations`, hamburg, { recordIds });
    const oneRequest = await timed(() => confirm(bulkRound.id, ids));
    const inHundreds = await timed(async () => {
      for (let i = 0; i < ids.length; i += 100) await confirm(bulkRound.id, ids.slice(i, i + 100));
    });
    const repeats = [];
    for (let i = 0; i < opt.repeats; i++)
      repeats.push(await timed(() => confirm(bulkRound.id, ids)));
    results.bulk = {
      records: ids.length,
      oneRequestMs: oneRequest,
      requestsOf100Ms: inHundreds,
      oneRequestRepeatsMs: summarize(repeats),
    };
    log(
      `bulk: ${ids.length} confirmations in one request ${oneRequest.toFixed(0)} ms, ` +
        `in requests of 100 ${inHundreds.toFixed(0)} ms, one request repeated: median ` +
        `${results.bulk.oneRequestRepeatsMs.p50.toFixed(0)} ms (n=${repeats.length})`,
    );

    // --- 3. latency to reporting ------------------------------------------------------------
    const latencyRound = await openRound(registry, 'Bench: Latenz');
    const progress = async () => {
      const response = await fetch(`${reporting.url}/api/v1/rounds/${latencyRound.id}/progress`);
      if (response.status === 404) return null;
      const body = await response.json();
      return body.laender.find((l) => l.landCode === 'DE-HH');
    };
    const deadline = Date.now() + 300_000;
    for (;;) {
      const hh = await progress();
      if (hh && hh.open === ids.length) break;
      if (Date.now() > deadline) throw new Error('reporting never showed the latency round open');
      await new Promise((r) => setTimeout(r, 200));
    }
    // The live stream the dashboard follows: arrival times of `changed` events of this round.
    const roundEvents = [];
    const sse = new AbortController();
    const stream = await fetch(`${reporting.url}/api/v1/events`, { signal: sse.signal });
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of stream.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (
              /^event: changed$/m.test(block) &&
              block.includes('"model":"round"') &&
              block.includes(latencyRound.id)
            )
              roundEvents.push(performance.now());
          }
        }
      } catch {
        // aborted
      }
    })();
    const latencies = [];
    const sseLatencies = [];
    for (let i = 0; i < Math.min(opt.samples, ids.length); i++) {
      const started = performance.now();
      await confirm(latencyRound.id, [ids[i]]);
      for (;;) {
        const hh = await progress();
        if (hh && hh.confirmed >= i + 1) break;
        if (performance.now() - started > 60_000)
          throw new Error(`confirmation ${i} not seen in 60 s`);
        await new Promise((r) => setTimeout(r, opt.pollMs));
      }
      latencies.push(performance.now() - started);
      for (;;) {
        const heard = roundEvents.find((at) => at >= started);
        if (heard !== undefined) {
          sseLatencies.push(heard - started);
          break;
        }
        if (performance.now() - started > 60_000) throw new Error(`no SSE event for ${i} in 60 s`);
        await new Promise((r) => setTimeout(r, opt.pollMs));
      }
    }
    sse.abort();
    results.latency = summarize(latencies);
    results.sseLatency = summarize(sseLatencies);
    log(
      `confirmation → reporting progress: p50 ${results.latency.p50.toFixed(0)} ms, p99 ` +
        `${results.latency.p99.toFixed(0)} ms, max ${results.latency.max.toFixed(0)} ms (n=${latencies.length})`,
    );
    log(
      `confirmation → SSE 'changed' (model round): p50 ${results.sseLatency.p50.toFixed(0)} ms, p99 ` +
        `${results.sseLatency.p99.toFixed(0)} ms, max ${results.sseLatency.max.toFixed(0)} ms (n=${sseLatencies.length})`,
    );
    results.loadAtEnd = loadavg();
  } finally {
    await reporting.stop();
    await registry.stop();
  }
  mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
  const file = join(BENCH_DIR, 'results', `rounds-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`written: ${file}${existsSync(file) ? '' : ' (failed)'}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
