// Diagnostic preload for `harvest-bench.mjs --cpu-prof` (NODE_OPTIONS=--require …; Node 20 refuses
// --cpu-prof in NODE_OPTIONS): profiles the whole process and writes
// $BENCH_CPU_PROFILE_DIR/<BENCH_CPU_PROFILE_NAME>-<pid>.cpuprofile when it exits (Chrome DevTools,
// or `node services/registry/bench/profile-summary.mjs <file>`). Main-thread inspector calls
// complete synchronously, so the profile is written even from the 'exit' event.
'use strict';
const inspector = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
let written = false;
function write() {
  if (written) return;
  written = true;
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    const dir = process.env.BENCH_CPU_PROFILE_DIR;
    mkdirSync(dir, { recursive: true });
    const name = `${process.env.BENCH_CPU_PROFILE_NAME ?? 'process'}-${process.pid}.cpuprofile`;
    writeFileSync(join(dir, name), JSON.stringify(result.profile));
  });
}
process.on('exit', write);
// Nest's shutdown hook closes the app, then re-raises SIGTERM to die by it (no 'exit' event): write
// the profile on that second signal, when Nest's own listener is gone.
process.on('SIGTERM', function onTerm() {
  if (process.listenerCount('SIGTERM') > 1) return;
  write();
  process.off('SIGTERM', onTerm);
  process.kill(process.pid, 'SIGTERM');
});
