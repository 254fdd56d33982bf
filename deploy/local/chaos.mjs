// `npm run chaos`: the fault suite (services/stack-e2e/src/faults.e2e-spec.ts) longer, faster and
// with more to harvest than in `npm test`: CHAOS_RATE registrations per second (default 500;
// npm test: 60), CHAOS_PHASE_MS of load before and after each fault (default 10000; npm test:
// 2000) and CHAOS_HARVEST_RECORDS generated records harvested through each fault (default 10000;
// npm test: 400). It starts its own PostgreSQL and three-broker Kafka cluster; the shared servers
// only provide the installed binaries and jars. Prints the figures per fault (registrations
// acknowledged, committed, lost, missing in the read model; harvested records in the read model,
// missing, duplicated, the jobs it took; time to ready, recovery and drain times).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { infraEnv, infraUp, log, nx, ROOT } from './lib.mjs';

process.env.TZ = 'UTC';
infraUp();
Object.assign(process.env, infraEnv());
log('build');
nx(['run-many', '-t', 'build', '--outputStyle=static']);
const env = {
  ...process.env,
  CHAOS_RATE: process.env.CHAOS_RATE || '500',
  CHAOS_PHASE_MS: process.env.CHAOS_PHASE_MS || '10000',
  CHAOS_HARVEST_RECORDS: process.env.CHAOS_HARVEST_RECORDS || '10000',
};
log(
  `fault suite at ${env.CHAOS_RATE} registrations/s, ${env.CHAOS_PHASE_MS} ms per phase, ` +
    `${env.CHAOS_HARVEST_RECORDS} harvested records per fault`,
);
const jest = spawnSync(
  join(ROOT, 'node_modules/.bin/jest'),
  ['-c', 'jest.config.js', 'services/stack-e2e/src/faults.e2e-spec.ts', '--selectProjects', 'e2e'],
  { cwd: ROOT, stdio: 'inherit', env },
);
process.exit(jest.status ?? 1);
