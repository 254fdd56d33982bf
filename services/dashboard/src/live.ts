/**
 * Live updates: the reporting service's server-sent events (`/api/v1/events`: `changed` after a
 * read model changed, `findings` after the Handlungsbedarfe changed) tell the page what changed
 * (each event is passed on at once; coalesce.ts decides when to reload). While
 * the stream is down the page polls instead, and catches up once when the stream is back. The
 * browser's EventSource reconnects by itself (the server asks for 2 s); one that gave up (closed,
 * e.g. after a 502 from the proxy) is replaced here.
 */

/** The part of the browser's EventSource used here (a fake in tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

/** EventSource.CLOSED */
const CLOSED = 2;

export const LIVE_EVENT_TYPES = ['changed', 'findings'] as const;

export type LiveMode = 'connecting' | 'sse' | 'polling';

/** One server-sent event: its type and its data (JSON text). */
export interface LiveEvent {
  type: (typeof LIVE_EVENT_TYPES)[number];
  data: string | undefined;
}

export interface LiveOptions {
  connect: () => EventSourceLike;
  /**
   * Something changed: `event` with the live event's type and data, `poll` while polling (what
   * changed is unknown), `resync` when the stream is back (what changed meanwhile is unknown).
   */
  onChange: (reason: 'event' | 'poll' | 'resync', event?: LiveEvent) => void;
  onModeChange: (mode: LiveMode) => void;
  pollIntervalMs: number;
  /** Wait before replacing a closed EventSource. */
  reconnectMs: number;
}

export interface LiveUpdates {
  mode(): LiveMode;
  stop(): void;
}

export function startLiveUpdates(options: LiveOptions): LiveUpdates {
  let mode: LiveMode = 'connecting';
  let source: EventSourceLike | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const setMode = (next: LiveMode): void => {
    if (next === mode) return;
    mode = next;
    options.onModeChange(next);
  };

  const startPolling = (): void => {
    if (pollTimer !== undefined) return;
    pollTimer = setInterval(() => options.onChange('poll'), options.pollIntervalMs);
  };
  const stopPolling = (): void => {
    if (pollTimer !== undefined) clearInterval(pollTimer);
    pollTimer = undefined;
  };

  const open = (): void => {
    const current = options.connect();
    source = current;
    current.addEventListener('open', () => {
      if (stopped || source !== current) return;
      const wasPolling = mode === 'polling';
      stopPolling();
      setMode('sse');
      // Whatever changed while the stream was down was not announced.
      if (wasPolling) options.onChange('resync');
    });
    for (const type of LIVE_EVENT_TYPES)
      current.addEventListener(type, (event) => {
        if (stopped || source !== current) return;
        const data = typeof event.data === 'string' ? event.data : undefined;
        options.onChange('event', { type, data });
      });
    current.addEventListener('error', () => {
      if (stopped || source !== current) return;
      setMode('polling');
      startPolling();
      if (current.readyState === CLOSED) {
        current.close();
        reconnectTimer ??= setTimeout(() => {
          reconnectTimer = undefined;
          if (!stopped) open();
        }, options.reconnectMs);
      }
    });
  };

  open();
  return {
    mode: () => mode,
    stop() {
      stopped = true;
      stopPolling();
      if (reconnectTimer !== undefined) clearTimeout(reconnectTimer);
      source?.close();
    },
  };
}
