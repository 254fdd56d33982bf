// Prometheus, the real scraper of the services' /metrics in the tests, and promtool, which checks
// the alert rules in deploy/monitoring: Debian's `prometheus` package, installed when missing.
// Part of `npm test`; alone: `node deploy/local/prometheus.mjs` prints the binary's path.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackage } from './debian.mjs';
import { log as defaultLog, ROOT } from './lib.mjs';

export const PROMETHEUS_PATH = process.env.PROMETHEUS_PATH || '/usr/bin/prometheus';
const PROMTOOL_PATH = join(PROMETHEUS_PATH, '..', 'promtool');

export function ensurePrometheus({ log = defaultLog } = {}) {
  return ensureDebianPackage('prometheus', PROMETHEUS_PATH, {
    log,
    purpose: 'for the metrics tests',
  });
}

/** `promtool check rules` and `promtool test rules` on deploy/monitoring (throws on a finding). */
export function checkAlertRules({ log = defaultLog } = {}) {
  ensurePrometheus({ log });
  const dir = join(ROOT, 'deploy/monitoring');
  for (const args of [
    ['check', 'config', 'prometheus.yml'],
    ['test', 'rules', 'alerts.test.yml'],
  ]) {
    const result = spawnSync(PROMTOOL_PATH, args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`promtool ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    }
  }
  log('alert rules: promtool check config + test rules passed');
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensurePrometheus({ log: (m) => process.stderr.write(`▶ ${m}\n`) }));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
