// CPU time from /proc: of the whole machine, of one process, and of every process grouped (the
// benchmarks' own services and their PostgreSQL backends by name, the rest by command: Kafka's
// JVM, vegeta, other).
import { readdirSync, readFileSync } from 'node:fs';

export const CLOCK_TICKS = 100; // USER_HZ on Linux

/** Busy and total clock ticks of the whole machine so far (/proc/stat). */
export function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  return {
    busy: n.reduce((a, b) => a + b, 0) - n[3] - (n[4] ?? 0),
    total: n.reduce((a, b) => a + b, 0),
  };
}

/** Command name and CPU seconds (user + system) of a process so far; null when it is gone. */
function statOf(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
}

/** CPU seconds (user + system) a process has used so far; null when unknown. */
export function processCpuSeconds(pid) {
  return statOf(pid)?.seconds ?? null;
}

/** CPU seconds of every process on the machine by pid, with its command name. */
export function cpuSnapshot() {
  const snapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat) snapshot.set(Number(entry), stat); // else gone meanwhile
  }
  return snapshot;
}

const BY_COMMAND = { postgres: 'postgres (other)', java: 'kafka (java)', vegeta: 'vegeta (load)' };

/**
 * CPU seconds used per group between two snapshots: `named` maps pids to a group (our processes,
 * the PostgreSQL backends serving them), the rest is grouped by command. Processes that ended
 * meanwhile are missed.
 */
export function cpuBetween(before, after, named) {
  const groups = {};
  for (const [pid, { comm, seconds }] of after) {
    const group = named.get(pid) ?? BY_COMMAND[comm] ?? 'other processes';
    groups[group] = (groups[group] ?? 0) + seconds - (before.get(pid)?.seconds ?? 0);
  }
  return groups;
}
