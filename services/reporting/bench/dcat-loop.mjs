// `npm run bench:dcat` (node services/reporting/bench/dcat-loop.mjs [--datasets 10000]
// [--page-size 100] [--formats text/turtle,application/rdf+xml] [--compare] [--validate]):
// how long a ckanext-dcat-style harvester takes to read the whole DCAT-AP.de catalogue.
// A script, not a test: it prints its figures and writes them to bench/results/dcat-<time>.json.
//
//   1. schema `bench_dcat` dropped and migrated, topics `benchdcat.*` re-created; the reporting
//      benchmark's generated datasets (registry event code, services/reporting/bench/events.mjs)
//      produced to Kafka; reporting (from dist/) started and waited for until its lag is 0;
//   2. per format, services/reporting/src/exports/testing/harvest_loop.py (rdflib, in the venv of
//      deploy/local/python.mjs): HEAD + GET each page with that Accept, parse by Content-Type,
//      follow hydra:nextPage to the end; wall time per format, pages, datasets, triples;
//   3. --compare: rdflib's isomorphism of the formats' graphs (slow at this size);
//      --validate: validate_dcat.py (pyshacl, base + DE shapes) over the whole catalogue.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { infraEnv, infraUp, log, nx, ROOT } from '../../../deploy/local/lib.mjs';
import { connect } from '../../registry/bench/database.mjs';
import { generateInventory, produceInventory } from './events.mjs';
import { lagProbe, resetTopics } from './kafka.mjs';

const require = createRequire(import.meta.url);
const testing = require('@dpi/testing');
const kafkaLib = require('@dpi/kafka');
const { TOPICS } = require('@dpi/contracts');

const SCHEMA = 'bench_dcat';
const TOPIC_PREFIX = 'benchdcat.';
const GROUP_ID = 'dpi-reporting';
const SCRIPTS = join(ROOT, 'services/reporting/src/exports/testing');
const ALL_FORMATS = [
  'text/turtle',
  'application/ld+json',
  'application/rdf+xml',
  'application/n-triples',
];

const { values: args } = parseArgs({
  options: {
    datasets: { type: 'string', default: '10000' },
    'page-size': { type: 'string', default: '100' },
    formats: { type: 'string', default: ALL_FORMATS.join(',') },
    compare: { type: 'boolean', default: false },
    validate: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

const python = () =>
  JSON.parse(
    execFileSync(process.execPath, [join(ROOT, 'deploy/local/python.mjs')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop(),
  ).python;

async function main() {
  infraUp();
  const base = infraEnv();
  if (!args['no-build'])
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
  const env = {
    ...base,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DB_SCHEMA: SCHEMA,
    KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
    KAFKA_GROUP_ID: GROUP_ID,
  };
  const c = await connect(base.DATABASE_URL, 'public');
  await c.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await c.end();
  execFileSync(process.execPath, [join(ROOT, 'services/reporting/dist/migrate.js')], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const kafka = kafkaLib.createKafka({ ...base, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX }, 'dcat-bench');
  await resetTopics(kafka, TOPIC_PREFIX);
  const datasets = Number(args.datasets);
  log(`generating ${datasets} datasets and producing them as registry events`);
  const inventory = generateInventory(ROOT, { platforms: 0, twins: 0, datasets });
  const produced = await produceInventory(ROOT, kafka, inventory, TOPIC_PREFIX, log);
  const topics = [TOPICS.registryDataset, TOPICS.registryEndpoint].map((t) =>
    kafkaLib.prefixedTopic(t, TOPIC_PREFIX),
  );
  const probe = await lagProbe(kafka, `${TOPIC_PREFIX}${GROUP_ID}`, topics);
  await probe.deleteGroup();
  const reporting = new testing.ServiceProcess('reporting', env, await testing.freePort());
  const results = {
    startedAt: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, loadAtStart: loadavg() },
    options: args,
    produced: produced.events,
  };
  try {
    await reporting.start({ timeoutMs: 60_000 });
    await probe.waitForZero({ intervalMs: 200 });
    log('reporting caught up');
    const py = python();
    const url = `${reporting.url}/api/v1/dcat/catalog?pageSize=${args['page-size']}`;
    const run = promisify(execFile);
    results.loops = {};
    for (const format of args.formats.split(',')) {
      const started = performance.now();
      const { stdout } = await run(
        py,
        [join(SCRIPTS, 'harvest_loop.py'), url, '--accept', format, '--no-compare'],
        { maxBuffer: 1 << 24 },
      );
      const wallSeconds = (performance.now() - started) / 1000;
      const figures = JSON.parse(stdout.trim().split('\n').pop()).formats[format];
      results.loops[format] = { ...figures, wallSeconds: Number(wallSeconds.toFixed(2)) };
      log(
        `${format}: ${figures.datasets} datasets in ${figures.pages} pages, ${figures.triples} ` +
          `triples: ${figures.seconds} s for the loop (HEAD + GET + parse), ` +
          `${(figures.datasets / figures.seconds).toFixed(0)} datasets/s`,
      );
    }
    if (args.compare) {
      const { stdout } = await run(py, [join(SCRIPTS, 'harvest_loop.py'), url], {
        maxBuffer: 1 << 24,
      });
      results.isomorphic = JSON.parse(stdout.trim().split('\n').pop()).isomorphic;
      log(`isomorphic: ${JSON.stringify(results.isomorphic)}`);
    }
    if (args.validate) {
      const out = await run(py, [join(SCRIPTS, 'validate_dcat.py'), url, '--json'], {
        maxBuffer: 1 << 24,
      }).catch((e) => e);
      results.validation = JSON.parse(out.stdout.trim().split('\n').pop());
      const v = results.validation;
      log(`pyshacl: ${v.violations} violations, ${v.warnings} warnings`);
    }
  } finally {
    await reporting.stop();
    await probe.close?.();
  }
  const dir = join(ROOT, 'services/reporting/bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `dcat-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  log(`results: ${file}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
