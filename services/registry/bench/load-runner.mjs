// The load generator, always in its own process (so it does not share an event loop with the
// server or the orchestrator): autocannon with an optional warm-up, then the measured run.
// Usage: node load-runner.mjs '<json config>'   (see load.mjs); writes the result JSON to config.out.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { platformBodies } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const config = JSON.parse(process.argv[2]);
const ID = /"id":"([0-9a-f-]{36})"/;

function run({ seconds, rate, record }) {
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

if (config.warmupSeconds > 0) {
  await run({ seconds: config.warmupSeconds, rate: config.warmupRate ?? config.rate });
}
process.stdout.write('measure\n'); // the parent samples CPU counters on these two lines
const { result, responses } = await run({
  seconds: config.seconds,
  rate: config.rate,
  record: config.recordResponses,
});
process.stdout.write('done\n');
const counts = Object.fromEntries(
  Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
);
const ok = Object.entries(counts)
  .filter(([code]) => code.startsWith('2'))
  .reduce((sum, [, n]) => sum + n, 0);
writeFileSync(
  config.out,
  JSON.stringify({
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
  }),
);
