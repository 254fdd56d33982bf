import { eventually, type ServiceProcess } from '@dpi/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RegistrationLoadOptions {
  /** Registrations per second. */
  rate: number;
  land: string;
  token: string;
  /** The registries in rotation now (as a Kubernetes Service's endpoints). */
  registries: () => ServiceProcess[];
}

/**
 * The fault suite's write load: platform registrations at a fixed rate, open loop, round robin
 * over the registries in rotation. Counts what was acknowledged (for ever) and what happened in
 * the current phase.
 */
export class RegistrationLoad {
  /** Ids answered 201 since the suite began. */
  readonly acknowledged = new Set<string>();
  acknowledgedInPhase = 0;
  failedWrites = 0;
  /** Registrations not sent because a second's worth were still unanswered. */
  shedWrites = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly options: RegistrationLoadOptions) {}

  /** Starts a phase: the phase's counters begin at 0. */
  start(): void {
    const { rate } = this.options;
    this.running = true;
    this.acknowledgedInPhase = 0;
    this.failedWrites = 0;
    this.shedWrites = 0;
    let n = 0;
    const started = Date.now();
    this.loop = (async () => {
      const inFlight = new Set<Promise<void>>();
      while (this.running) {
        // Open loop: the next request is due at its time whether or not earlier ones answered.
        const due = started + (n * 1000) / rate;
        if (due > Date.now()) await sleep(due - Date.now());
        // Beyond what the services can take (a second's worth waiting), requests are shed, not
        // queued without bound in this process: a rate above capacity measures overload, not
        // the test runner's memory.
        if (inFlight.size >= rate) {
          this.shedWrites++;
          n++;
          continue;
        }
        const request = this.register(n++).finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
      await Promise.all(inFlight);
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /**
   * Sentinel of a load that is really taking writes: resolves once a registration beyond the
   * phase's first `count` was acknowledged (deadline 120 s). Each load phase lasts its time and
   * at least until then, so no check depends on how much a loaded machine got done in the time.
   */
  acknowledgedBeyond(count: number): Promise<void> {
    return eventually(
      async () => {
        if (this.acknowledgedInPhase <= count)
          throw new Error(`no registration acknowledged beyond the first ${count} of the phase`);
      },
      { timeoutMs: 120_000, intervalMs: 100 },
    );
  }

  private async register(i: number): Promise<void> {
    const rotation = this.options.registries();
    const registry = rotation[i % rotation.length];
    try {
      const response = await fetch(`${registry.url}/api/v1/platforms`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.options.token}`,
        },
        body: JSON.stringify({
          name: `Störfall-Plattform ${i}`,
          landCode: this.options.land,
          type: 'urbanDataPlatform',
          status: 'production',
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status === 201) {
        this.acknowledged.add(((await response.json()) as { id: string }).id);
        this.acknowledgedInPhase++;
      } else {
        this.failedWrites++;
        await response.body?.cancel();
      }
    } catch {
      this.failedWrites++;
    }
  }
}
