/**
 * Live updates arrive as a stream (a harvest or a bulk import writes 50 records a second); the page
 * reloads what changed at most once per interval, not once per event. The first change after a
 * quiet spell is shown after `settleMs` (so one registration — its records, then findings and
 * aggregates — is one reload); while changes keep coming the interval doubles from `minIntervalMs`
 * up to `maxIntervalMs`, and falls back to `minIntervalMs` once a change finds the page quiet. While
 * the page is hidden nothing is reloaded; what changed meanwhile is reloaded once it is shown.
 */
export interface CoalescerOptions<K> {
  /** Reloads the parts named (each at most once). */
  flush: (keys: ReadonlySet<K>) => void;
  settleMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  /** True while the page is not visible (document.hidden). */
  hidden?: () => boolean;
  now?: () => number;
}

export interface Coalescer<K> {
  /** Marks parts as changed. */
  add(keys: Iterable<K>): void;
  /** The page became visible again: reload what waited. */
  resume(): void;
  /** The interval in force now (for tests and the status). */
  interval(): number;
  stop(): void;
}

export function createCoalescer<K>(options: CoalescerOptions<K>): Coalescer<K> {
  const now = options.now ?? (() => Date.now());
  const hidden = options.hidden ?? (() => false);
  const pending = new Set<K>();
  let interval = options.minIntervalMs;
  let lastFlush = -Infinity;
  /** When the first of the pending changes arrived. */
  let firstPending: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const fire = (): void => {
    timer = undefined;
    if (stopped || pending.size === 0) return;
    if (hidden()) return; // resume() schedules again
    const at = now();
    // A change that came while the last reload's interval ran means a stream: slow down.
    const busy = firstPending !== undefined && firstPending < lastFlush + interval;
    interval = busy ? Math.min(interval * 2, options.maxIntervalMs) : options.minIntervalMs;
    lastFlush = at;
    firstPending = undefined;
    const keys = new Set(pending);
    pending.clear();
    options.flush(keys);
  };

  const schedule = (): void => {
    if (stopped || timer !== undefined || pending.size === 0 || hidden()) return;
    const at = now();
    const due = Math.max((firstPending ?? at) + options.settleMs, lastFlush + interval);
    timer = setTimeout(fire, Math.max(0, due - at));
  };

  return {
    add(keys) {
      let added = false;
      for (const key of keys) {
        pending.add(key);
        added = true;
      }
      if (!added) return;
      firstPending ??= now();
      schedule();
    },
    resume: schedule,
    interval: () => interval,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
