// CPU time of every process on the machine, read from /proc, grouped: the benchmarks' own services
// and their PostgreSQL backends by name, the rest by command (Kafka's JVM, vegeta, other).
import { readdirSync, readFileSync } from 'node:fs';

/** Busy and total clock ticks of the whole machine so far (/proc/stat). */
export function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  return {
    busy: n.reduce((a, b) => a + b, 0) - n[3] - (n[4] ?? 0),
    total: n.reduce((a, b) => a + b, 0),
  };
}

/** CPU seconds of every process on the machine by pid, with its command name. */
export function cpuSnapshot() {
  const snapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    snapshot.set(Number(entry), { comm, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
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
