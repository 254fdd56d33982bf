// `npm run fuzz [-- registry harvester reporting]`: the deep OpenAPI fuzz run. The schemathesis
// tests of `npm test` (services/<name>/src/openapi-fuzz.e2e-spec.ts) with FUZZ_MAX_EXAMPLES test
// cases per operation and phase (default 200; `npm test` runs 30 to 100), one service after the
// other, each in its own throwaway test namespace. Prints schemathesis' summary per service; the
// full output is in .infra/test-logs/schemathesis-<service>-<port>.log.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { infraEnv, infraUp, log, nx, ROOT } from './lib.mjs';
import { ensurePythonEnv } from './python.mjs';

const SERVICES = ['registry', 'harvester', 'reporting'];
const selected = process.argv.slice(2);
const unknown = selected.filter((name) => !SERVICES.includes(name));
if (unknown.length > 0) {
  console.error(`unknown service ${unknown.join(', ')}; choose from ${SERVICES.join(', ')}`);
  process.exit(2);
}
const services = selected.length > 0 ? selected : SERVICES;
const maxExamples = process.env.FUZZ_MAX_EXAMPLES || '200';

process.env.TZ = 'UTC';
infraUp();
await ensurePythonEnv({ log });
Object.assign(process.env, infraEnv());
log('build');
nx(['run-many', '-t', 'build', '--outputStyle=static']);

const logsDir = join(ROOT, '.infra/test-logs');
const started = Date.now();
log(`schemathesis, --max-examples ${maxExamples}: ${services.join(', ')}`);
const jest = spawnSync(
  join(ROOT, 'node_modules/.bin/jest'),
  [
    '-c',
    'jest.config.js',
    // The paths first: after --selectProjects jest reads a path as one more project name.
    ...services.map((name) => `services/${name}/src/openapi-fuzz.e2e-spec.ts`),
    '--selectProjects',
    'e2e',
    // One service at a time: a deep run is load enough for this machine.
    '--runInBand',
  ],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FUZZ_MAX_EXAMPLES: maxExamples } },
);

// schemathesis' own summary (operations, test cases, failures) of each service's newest run.
for (const name of services) {
  const runs = readdirSync(logsDir)
    .filter((file) => file.startsWith(`schemathesis-${name}-`) && file.endsWith('.log'))
    .map((file) => join(logsDir, file))
    .filter((file) => statSync(file).mtimeMs >= started)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (runs.length === 0) {
    console.log(`\n${name}: no schemathesis run`);
    continue;
  }
  const text = readFileSync(runs[0], 'utf8');
  const summary = text.slice(text.lastIndexOf('SUMMARY')).split('\n').slice(1);
  console.log(`\n${name} (${runs[0]}):\n${summary.filter((line) => line.trim()).join('\n')}`);
}
process.exit(jest.status ?? 1);
