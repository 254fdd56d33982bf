interface Submission<T> {
  events: T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Merges the calls submitted during one turn of the event loop into one call of `apply`. kafkajs
 * hands the batches of one fetch, one per partition, to its partition workers in the same turn, so
 * they arrive here together and are applied as one (one transaction instead of one per partition).
 *
 * Each caller's promise settles with the outcome of its own events. When the merged call fails
 * with an error that is not transient, each caller's events are applied again on their own, so that
 * one bad record fails only the batch it came with; a transient error (the database is down) fails
 * every caller at once, and their retries take over.
 */
export class Coalescer<T> {
  private pending: Submission<T>[] = [];

  constructor(
    private readonly apply: (events: T[]) => Promise<void>,
    private readonly isTransient: (error: unknown) => boolean = () => false,
  ) {}

  submit(events: T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ events, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const calls = this.pending;
    this.pending = [];
    if (calls.length === 1) return this.settle(calls[0]);
    try {
      await this.apply(calls.flatMap((call) => call.events));
    } catch (error) {
      if (this.isTransient(error)) {
        for (const call of calls) call.reject(error);
        return;
      }
      for (const call of calls) await this.settle(call);
      return;
    }
    for (const call of calls) call.resolve();
  }

  private async settle(call: Submission<T>): Promise<void> {
    try {
      await this.apply(call.events);
      call.resolve();
    } catch (error) {
      call.reject(error);
    }
  }
}
