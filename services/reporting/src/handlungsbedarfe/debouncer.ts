/**
 * Runs `work` at most once per `delayMs` however often it is requested: the first request
 * starts the timer, later ones join it; a request while `work` runs schedules one more run.
 * Bounded latency (a change is evaluated within delayMs + one run) under constant streams,
 * which a trailing debounce would starve.
 */
export class Debouncer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly delayMs: number,
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => void this.run(), this.delayMs);
  }

  /** Waits for a running `work` and cancels what is pending. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.running = this.work().catch(this.onError);
    await this.running;
    this.running = null;
    if (this.again) {
      this.again = false;
      this.request();
    }
  }
}
