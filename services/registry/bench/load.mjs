// Parent side of a load run: starts load-runner.mjs as a child process, samples the CPU time of
// the server under test and of the whole machine meanwhile (the box is shared), returns both.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineTicks, processCpuSeconds } from './machine-cpu.mjs';

const RUNNER = fileURLToPath(new URL('./load-runner.mjs', import.meta.url));

/**
 * The load every benchmark registers platforms with: POST /api/v1/platforms with `token`, a new
 * generated platform per request (fixtures.mjs, platformBodies). Spread into a runLoad config.
 */
export const platformRegistrations = (url, token) => ({
  url,
  method: 'POST',
  path: '/api/v1/platforms',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: 'platform',
});

/** CPU seconds used so far by each of `pids` (processes that are gone are left out). */
function cpuByPid(pids) {
  return new Map(pids.map((pid) => [pid, processCpuSeconds(pid)]).filter(([, cpu]) => cpu != null));
}

/**
 * One autocannon run in a child process. `config`: url, method, path, headers, body ('platform'
 * or none), connections, seconds, rate (overallRate, optional), warmupSeconds, recordResponses.
 * `serverPid`: the process whose CPU use is reported beside the figures; `dbPids`: async, the
 * PostgreSQL backends serving it (their CPU is the database's share of each request).
 * `marks.measure` / `marks.done`: called (synchronously) when the measured run starts and ends,
 * after any warm-up, for a caller that samples more than the server.
 */
export async function runLoad(config, serverPid, dbPids = async () => [], marks = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'registry-bench-'));
  const out = join(dir, 'result.json');
  const sample = async () => {
    const server = processCpuSeconds(serverPid);
    const ticks = machineTicks();
    const load = loadavg()[0];
    return { server, ticks, load, db: cpuByPid(await dbPids()) };
  };
  let before = null;
  let after = null;
  try {
    await new Promise((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [RUNNER, JSON.stringify({ ...config, out })],
        { maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`load runner failed: ${stderr || error.message}`)) : resolve(),
      );
      // The runner prints "measure" after its warm-up and "done" after the measured run.
      child.stdout.on('data', (chunk) => {
        const text = chunk.toString();
        if (text.includes('measure')) {
          marks.measure?.();
          before = sample();
        }
        if (text.includes('done')) {
          marks.done?.();
          after = sample();
        }
      });
      child.on('error', reject);
    });
    [before, after] = await Promise.all([before, after]);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    const cpu =
      before?.server != null && after?.server != null ? after.server - before.server : null;
    // Backends that appeared during the run count with all their CPU time.
    let db = 0;
    for (const [pid, used] of after?.db ?? []) db += used - (before?.db.get(pid) ?? 0);
    const perRequest = (seconds) => (result.requests ? (1000 * seconds) / result.requests : null);
    return {
      ...result,
      serverCpuPercent: cpu != null ? (100 * cpu) / result.durationSeconds : null,
      // CPU time per answered request: comparable even when the machine is busy.
      serverCpuMsPerRequest: cpu != null ? perRequest(cpu) : null,
      dbCpuPercent: after?.db.size ? (100 * db) / result.durationSeconds : null,
      dbCpuMsPerRequest: after?.db.size ? perRequest(db) : null,
      machineBusyPercent:
        before?.ticks && after?.ticks
          ? (100 * (after.ticks.busy - before.ticks.busy)) /
            (after.ticks.total - before.ticks.total)
          : null,
      loadAverage1m: { before: before?.load ?? null, after: after?.load ?? null },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
