// The load generator, always in its own process (so it does not share an event loop with the
// server or the orchestrator), with an optional warm-up, then the measured run: autocannon for
// closed-loop saturation runs, vegeta (config.vegeta, its path) for fixed-rate runs — autocannon's
// rate limit sends each second's quota as one burst, vegeta spaces requests evenly (open loop).
// Usage: node load-runner.mjs '<json config>'   (see load.mjs); writes the result JSON to config.out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { platformBodies } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const config = JSON.parse(process.argv[2]);
const ID = /"id":"([0-9a-f-]{36})"/;

function runAutocannon({ seconds, rate, record }) {
  const nextBody = config.body === 'platform' ? platformBodies(config.seed) : null;
  const responses = [];
  const request = {
    method: config.method,
    path: config.path,
    headers: config.headers,
    ...(nextBody ? { setupRequest: (req) => ({ ...req, body: nextBody() }) } : {}),
    // When recording, the response time of every created record, for the relay lag.
    ...(record
      ? {
          onResponse: (status, body) => {
            const id = status === 201 ? ID.exec(body)?.[1] : undefined;
            if (id) responses.push([id, Date.now()]);
          },
        }
      : {}),
  };
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: config.url,
        connections: config.connections,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        requests: [request],
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve({ result, responses })),
    );
  });
}

/** autocannon's result → the runner's result shape. */
function fromAutocannon({ result, responses }) {
  const counts = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  const ok = okOf(counts);
  return {
    generator: 'autocannon',
    start: result.start,
    finish: result.finish,
    durationSeconds: result.duration,
    connections: result.connections,
    rate: config.rate ?? null,
    requests: result.requests.total,
    ok,
    statusCodes: counts,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    okPerSecond: ok / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
    responses,
  };
}

const okOf = (counts) =>
  Object.entries(counts)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : null;

/**
 * A vegeta attack at `rate`/s for `seconds`: every request of a POST run gets its own body
 * (vegeta's JSON target format), the results are decoded per request (status, start, latency,
 * body when recording).
 */
function runVegeta({ seconds, rate, record }, marked) {
  const dir = mkdtempSync(join(tmpdir(), 'vegeta-'));
  try {
    const header = Object.fromEntries(
      Object.entries(config.headers ?? {}).map(([name, value]) => [name, [value]]),
    );
    const url = `${config.url}${config.path}`;
    const nextBody = config.body === 'platform' ? platformBodies(config.seed) : null;
    const count = nextBody ? Math.ceil(rate * seconds) + 1 : 1;
    const lines = [];
    for (let i = 0; i < count; i++) {
      const target = { method: config.method, url, header };
      if (nextBody) target.body = Buffer.from(nextBody()).toString('base64');
      lines.push(JSON.stringify(target));
    }
    const targets = join(dir, 'targets.ndjson');
    const output = join(dir, 'results.bin');
    writeFileSync(targets, `${lines.join('\n')}\n`);
    if (marked) mark('measure');
    const attack = spawnSync(
      config.vegeta,
      [
        'attack',
        '-format=json',
        `-targets=${targets}`,
        `-rate=${rate}/1s`,
        `-duration=${seconds}s`,
        '-timeout=10s',
        `-max-body=${record ? -1 : 0}`,
        `-output=${output}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (marked) mark('done');
    if (attack.status !== 0) throw new Error(`vegeta attack failed (exit ${attack.status})`);
    const encoded = spawnSync(config.vegeta, ['encode', '--to=json', output], {
      maxBuffer: 1024 * 1024 * 1024,
      encoding: 'utf8',
    });
    if (encoded.status !== 0) throw new Error(`vegeta encode failed: ${encoded.stderr}`);
    const results = encoded.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    return { results, seconds, rate };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** vegeta's per-request results → the runner's result shape. */
function fromVegeta({ results, seconds, rate }) {
  const counts = {};
  let errors = 0;
  let bytes = 0;
  let start = Infinity;
  let finish = 0;
  const responses = [];
  const latencies = [];
  for (const r of results) {
    const startedAt = Date.parse(r.timestamp);
    const latencyMs = r.latency / 1e6;
    const respondedAt = startedAt + latencyMs;
    start = Math.min(start, startedAt);
    finish = Math.max(finish, respondedAt);
    bytes += r.bytes_in;
    latencies.push(latencyMs);
    if (r.code === 0) errors++;
    else counts[r.code] = (counts[r.code] ?? 0) + 1;
    if (config.recordResponses && r.code === 201 && r.body) {
      const id = ID.exec(Buffer.from(r.body, 'base64').toString('utf8'))?.[1];
      if (id) responses.push([id, Math.round(respondedAt)]);
    }
  }
  latencies.sort((a, b) => a - b);
  const ok = okOf(counts);
  const round = (v) => (v == null ? null : Math.round(v * 10) / 10);
  return {
    generator: 'vegeta',
    start: new Date(start).toISOString(),
    finish: new Date(finish).toISOString(),
    durationSeconds: seconds,
    connections: null,
    rate,
    requests: results.length,
    ok,
    statusCodes: counts,
    non2xx: results.length - ok - errors,
    errors,
    timeouts: results.filter((r) => /timeout/i.test(r.error ?? '')).length,
    okPerSecond: ok / seconds,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1]),
      mean: round(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1)),
    },
    bytesPerResponse: results.length ? bytes / results.length : 0,
    responses,
  };
}

/** The parent samples CPU counters on these two lines: "measure" before, "done" after a run. */
const mark = (line) => process.stdout.write(`${line}\n`);

const fixedRate = Boolean(config.rate && config.vegeta);

/** One run; `marked`: the measured one, between the two marks. */
async function measure(options, marked) {
  if (fixedRate) return fromVegeta(runVegeta(options, marked));
  if (marked) mark('measure');
  const result = await runAutocannon(options);
  if (marked) mark('done');
  return fromAutocannon(result);
}

if (config.warmupSeconds > 0) {
  await measure({ seconds: config.warmupSeconds, rate: config.warmupRate ?? config.rate }, false);
}
const result = await measure(
  { seconds: config.seconds, rate: config.rate, record: config.recordResponses },
  true,
);
writeFileSync(config.out, JSON.stringify(result));
