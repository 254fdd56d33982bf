/**
 * Loads something now and again every `intervalMs`, whether the last attempt worked or not: an
 * unreachable reporting service is retried until it answers. The next attempt is scheduled only
 * after the previous one settled, so slow answers never pile up.
 */
export interface PollerOptions<T> {
  load: (signal: AbortSignal) => Promise<T>;
  intervalMs: number;
  /** An attempt still running after this long is aborted and counts as failed. */
  timeoutMs: number;
  onData: (data: T) => void;
  onError: (error: unknown) => void;
}

export interface Poller {
  stop(): void;
}

export function startPolling<T>(options: PollerOptions<T>): Poller {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;

  const attempt = async (): Promise<void> => {
    const controller = new AbortController();
    inFlight = controller;
    const timeout = setTimeout(() => controller.abort(new Error('timed out')), options.timeoutMs);
    try {
      const data = await options.load(controller.signal);
      if (!stopped) options.onData(data);
    } catch (error) {
      if (!stopped) options.onError(error);
    } finally {
      clearTimeout(timeout);
      inFlight = undefined;
      if (!stopped) timer = setTimeout(() => void attempt(), options.intervalMs);
    }
  };

  void attempt();
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      inFlight?.abort(new Error('stopped'));
    },
  };
}
