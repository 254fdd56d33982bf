// `npm run bench`: end-to-end latency of a registration, POST → visible in reporting's summary,
// through the real services (processes from dist/), PostgreSQL and Kafka. Baselines from the same
// run: a bare kafkajs produce → consume round trip (the floor of any Kafka pipeline) and the POST
// alone. Usage: npm run bench [-- --count 200]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { infraEnv, infraUp, log, nx, ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const count = Number(process.argv[process.argv.indexOf('--count') + 1]) || 200;
const warmup = 20;

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}
const fmt = (s) =>
  `median ${s.median.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.n})`;

async function kafkaRoundTrip(testing, kafkaLib, topic) {
  const kafka = kafkaLib.createKafka(
    { KAFKA_BROKERS: testing.kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' },
    'bench-baseline',
  );
  const producer = new kafkaLib.ManagedProducer(kafka);
  const consumer = kafka.consumer({ groupId: `${topic}.baseline`, maxWaitTimeInMs: 100 });
  const waiting = new Map();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true }); // as the platform topic
  await admin.disconnect();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    eachMessage: async ({ message }) => waiting.get(message.key.toString())?.(),
  });
  await joined;
  const samples = [];
  for (let i = 0; i < count + warmup; i++) {
    const key = `baseline-${i}`;
    const arrived = new Promise((resolve) => waiting.set(key, resolve));
    const started = performance.now();
    await producer.send([{ topic, key, value: Buffer.from(key), headers: {} }]);
    await arrived;
    if (i >= warmup) samples.push(performance.now() - started);
  }
  await consumer.disconnect();
  await producer.disconnect();
  return stats(samples);
}

async function main() {
  infraUp();
  Object.assign(process.env, infraEnv());
  nx(['run-many', '-t', 'build', '-p', 'registry', 'reporting', 'testing', '--outputStyle=static']);
  const testing = require(join(ROOT, 'libs/testing/dist/index.js'));
  const kafkaLib = require(join(ROOT, 'libs/kafka/dist/index.js'));
  process.env.DPI_TEST_RUN_ID = testing.newTestRunId();
  const ns = await testing.createTestNamespace('bench');
  const token = 'bench-admin-token-0123456789';
  const services = [];
  try {
    for (const name of ['registry', 'reporting']) {
      require('node:child_process').execFileSync(
        process.execPath,
        [join(ROOT, 'services', name, 'dist/migrate.js')],
        {
          env: { ...process.env, ...ns.env(name) },
        },
      );
    }
    const registry = new testing.ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: token, LOG_LEVEL: 'warn' }),
      await testing.freePort(),
    );
    const reporting = new testing.ServiceProcess(
      'reporting',
      ns.env('reporting', { LOG_LEVEL: 'warn' }),
      await testing.freePort(),
    );
    services.push(registry, reporting);
    await Promise.all(services.map((s) => s.start()));

    log(`baseline: bare Kafka produce → consume round trip, ${count} messages`);
    const baseline = await kafkaRoundTrip(
      testing,
      kafkaLib,
      `${ns.topicPrefix}bench.baseline`.replace(/\.$/, ''),
    );

    log(`end to end: ${count} registrations, each POST → visible in GET /api/v1/inventory/summary`);
    const post = [];
    const e2e = [];
    for (let i = 0; i < count + warmup; i++) {
      const started = performance.now();
      const response = await fetch(`${registry.url}/api/v1/platforms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          name: `Bench platform ${i}`,
          landCode: 'DE-BB',
          type: 'geoportal',
          status: 'pilot',
        }),
      });
      if (response.status !== 201)
        throw new Error(`POST answered ${response.status}: ${await response.text()}`);
      const posted = performance.now();
      for (;;) {
        const summary = await (await fetch(`${reporting.url}/api/v1/inventory/summary`)).json();
        if (summary.total >= i + 1) break;
      }
      if (i >= warmup) {
        post.push(posted - started);
        e2e.push(performance.now() - started);
      }
    }
    const e2eStats = stats(e2e);
    const postStats = stats(post);
    console.log(`
results (${new Date().toISOString()}, ${count} samples after ${warmup} warm-up)
  end to end, POST → summary   ${fmt(e2eStats)}
  POST alone (HTTP + commit)    ${fmt(postStats)}
  baseline Kafka round trip     ${fmt(baseline)}
  end to end / Kafka baseline   median ×${(e2eStats.median / baseline.median).toFixed(2)}, p99 ×${(e2eStats.p99 / baseline.p99).toFixed(2)}
  end to end − POST − Kafka     median ${(e2eStats.median - postStats.median - baseline.median).toFixed(1)} ms (relay wake-up, apply, summary query)`);
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await testing.dropTestRun(process.env.DPI_TEST_RUN_ID);
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
