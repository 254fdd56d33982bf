// Diagnostic preload (NODE_OPTIONS=--require …/cpu-profile.cjs), never used in a measured run:
// the first SIGWINCH (not SIGUSR2: Nest shuts down on that) starts the V8 CPU profiler, the second writes BENCH_CPU_PROFILE (.cpuprofile,
// readable by Chrome DevTools or profile-summary.mjs). Profiles exactly the window between them.
'use strict';
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new inspector.Session();
session.connect();
let running = false;

process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 200 }, () =>
        session.post('Profiler.start'),
      ),
    );
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(result.profile));
  });
});
