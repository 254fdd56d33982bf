export interface DebouncerOptions {
  /**
   * Start at once when the last run ended at least one gap ago, instead of always waiting
   * delayMs after the first request: an isolated request is served without delay, a stream of
   * them still gets at most one run per gap.
   */
  leading?: boolean;
  /**
   * The gap between runs is at least this multiple of the last run's duration (and at least
   * delayMs): slow work then takes at most 1 / (1 + factor) of the time, however busy it gets.
   */
  gapPerRunTime?: number;
}

/**
 * Runs `work` at most once per `delayMs` however often it is requested: the first request
 * starts the timer, later ones join it; a request while `work` runs schedules one more run.
 * Never two runs at once. Bounded latency (a change is evaluated within delayMs + one run)
 * under constant streams, which a trailing debounce would starve.
 */
export class Debouncer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private lastEndedAt = -Infinity;
  private lastDurationMs = 0;

  constructor(
    private readonly delayMs: number,
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly options: DebouncerOptions = {},
  ) {}

  request(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => void this.run(), this.wait());
  }

  /** Waits for a running `work` and cancels what is pending. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private wait(): number {
    const gap = Math.max(this.delayMs, this.lastDurationMs * (this.options.gapPerRunTime ?? 0));
    return this.options.leading ? Math.max(0, this.lastEndedAt + gap - Date.now()) : gap;
  }

  private async run(): Promise<void> {
    this.timer = null;
    const started = Date.now();
    this.running = this.work().catch(this.onError);
    await this.running;
    this.lastEndedAt = Date.now();
    this.lastDurationMs = this.lastEndedAt - started;
    this.running = null;
    if (this.again) {
      this.again = false;
      this.request();
    }
  }
}
