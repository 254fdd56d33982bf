import { Debouncer } from '../handlungsbedarfe/debouncer';

export interface RefreshingSnapshotOptions<T> {
  /** Computes the next snapshot from the current one (null before the first). */
  compute: (current: T | null) => Promise<T>;
  /** At most one computation per this gap while requests keep coming. */
  gapMs: number;
  /**
   * …and the gap is at least this multiple of the last computation's time, so a slow one
   * (a large database on a busy machine) cannot take more than 1 / (1 + factor) of the time.
   */
  gapPerRunTime: number;
  /** After a failed computation, the next is tried this much later (unless requested earlier). */
  retryMs: number;
  /** A computation failed; the current snapshot stays. */
  onError: (error: unknown) => void;
}

interface Waiter<T> {
  resolve: (snapshot: T) => void;
  reject: (error: unknown) => void;
}

/**
 * The latest snapshot of something expensive to compute, refreshed in the background.
 * Single-flight: never two computations at once, and requests during one cause exactly one more
 * after it. A request after a quiet spell starts at once; while requests keep coming, at most
 * one computation per gap, and one after the last request. Readers get the current snapshot
 * without waiting; before the first exists they wait for it (or get the error that kept it).
 */
export class RefreshingSnapshot<T> {
  private latest: T | null = null;
  private waiters: Waiter<T>[] = [];
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly debouncer: Debouncer;

  constructor(private readonly options: RefreshingSnapshotOptions<T>) {
    this.debouncer = new Debouncer(
      options.gapMs,
      () => this.refresh(),
      (error) => this.failed(error),
      { leading: true, gapPerRunTime: options.gapPerRunTime },
    );
  }

  /** Asks for a new snapshot (cheap; requests are coalesced). */
  request(): void {
    this.debouncer.request();
  }

  /** The current snapshot; the first one is waited for. */
  async current(): Promise<T> {
    if (this.latest !== null) return this.latest;
    if (this.closed) throw new Error('closed before a first snapshot was computed');
    this.request();
    return new Promise<T>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Waits for a running computation and cancels what is pending. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.debouncer.close();
    const error = new Error('closed before a first snapshot was computed');
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private async refresh(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const next = await this.options.compute(this.latest);
    this.latest = next;
    for (const waiter of this.waiters.splice(0)) waiter.resolve(next);
  }

  private failed(error: unknown): void {
    // Readers waiting for the first snapshot get the reason (a busy database: 503) rather than
    // hanging; readers of an older snapshot keep reading it.
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    this.options.onError(error);
    if (!this.closed) {
      this.retry = setTimeout(() => this.request(), this.options.retryMs);
      this.retry.unref();
    }
  }
}
