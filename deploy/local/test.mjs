// `npm test`: provisions what a fresh clone needs, runs the static checks, then every test
// (unit, integration against the real PostgreSQL and Kafka, end-to-end through the running
// services) in one jest run, and ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, infraEnv, infraUp, log, nx, ROOT, run } from './lib.mjs';
import { ensureChromium } from './browser.mjs';
import { ensurePythonEnv } from './python.mjs';
import { checkAlertRules, ensurePrometheus } from './prometheus.mjs';

const timings = {};
async function step(name, fn) {
  const started = Date.now();
  await fn();
  timings[name] = (Date.now() - started) / 1000;
}

let exitCode = 0;
try {
  process.env.TZ = 'UTC';
  await step('dependencies', ensureDependencies);
  await step('infrastructure', infraUp);
  // Python tools the tests run as real peers (schemathesis, pycsw, …): deploy/local/python.mjs.
  await step('python', () => ensurePythonEnv({ log }));
  await step('browser', () => ensureChromium({ log }));
  // The real Prometheus the metrics test scrapes the services with; promtool for the alert rules.
  await step('prometheus', () => ensurePrometheus({ log }));
  Object.assign(process.env, infraEnv());
  await step('contracts', () => {
    log('protobuf contracts: buf lint, generated code up to date, buf breaking');
    nx([
      'run-many',
      '-t',
      'buf-lint,check-generated,buf-breaking',
      '-p',
      'contracts',
      '--outputStyle=static',
    ]);
  });
  await step('build', () => {
    log('build');
    nx(['run-many', '-t', 'build', '--outputStyle=static']);
  });
  await step('static checks', () => {
    log('lint, typecheck, formatting');
    nx(['run-many', '-t', 'lint,typecheck', '--outputStyle=static']);
    run(join(ROOT, 'node_modules/.bin/prettier'), ['--check', '--log-level', 'warn', '.']);
    checkAlertRules({ log });
    // Kubernetes manifests: kustomize build + kubeconform (strict), with a negative control.
    run(process.execPath, [join(ROOT, 'deploy/k8s/validate.mjs')]);
    // docker-compose.yml cannot run here (no engine), but the compose client can check it.
    if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) {
      run('docker', ['compose', 'config', '--quiet']);
    } else {
      log('docker compose not installed: docker-compose.yml not validated');
    }
  });
} catch (error) {
  console.error(`\n${error.message}`);
  console.log(
    '\nTests: 0 passed, 1 failed (provisioning or static checks failed before the test run)',
  );
  process.exit(1);
}

log('jest: unit, integration (real PostgreSQL + Kafka), end-to-end (running services)');
const resultsDir = join(ROOT, '.infra');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, 'jest-results.json');
const started = Date.now();
const jest = spawnSync(
  join(ROOT, 'node_modules/.bin/jest'),
  [
    '-c',
    'jest.config.js',
    '--ci',
    '--json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: ROOT, stdio: 'inherit', env: process.env },
);
timings.jest = (Date.now() - started) / 1000;
exitCode = jest.status ?? 1;

console.log(
  `\ntimings (s): ${Object.entries(timings)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ')}`,
);
if (!existsSync(resultsFile)) {
  console.log('Tests: 0 passed, 1 failed (jest wrote no results)');
  process.exit(1);
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
const failedSuites = results.numFailedTestSuites + (results.numRuntimeErrorTestSuites ?? 0);
const failed =
  results.numFailedTests + (failedSuites > 0 && results.numFailedTests === 0 ? failedSuites : 0);
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `Tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(exitCode !== 0 || failed > 0 ? 1 : 0);
