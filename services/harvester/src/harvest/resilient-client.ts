import {
  CswClient,
  CswError,
  detachStrings,
  HttpStatusError,
  type CswClientOptions,
  type ForeignRecord,
  type GetRecordsQuery,
  type HitsResult,
  type IsoRecord,
  type PageHandlers,
  type PageRequest,
  type PageResult,
} from '@dpi/csw';

/** A page together with its records, delivered only once the whole page was read. */
export interface BufferedPage extends PageResult {
  records: IsoRecord[];
  foreign: ForeignRecord[];
}

export function isBufferedPage(page: PageResult): page is BufferedPage {
  return Array.isArray((page as Partial<BufferedPage>).records);
}

export interface RequestPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Delay before the first retry; doubles per attempt up to maxBackoffMs (with jitter). */
  backoffMs: number;
  maxBackoffMs: number;
  /** Requests started per second across the whole job; null = unlimited. */
  maxRequestsPerSecond: number | null;
  onRetry?: (retry: { attempt: number; delayMs: number; error: Error }) => void;
}

/** HTTP statuses worth another attempt: overload, gateway trouble, timeouts. */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Network failures that repeating will not cure: the host name does not exist. */
const PERMANENT_NETWORK_CODES = new Set(['ENOTFOUND']);

function networkCode(error: CswError): string | undefined {
  const fetchError = error.cause as { cause?: { code?: unknown } } | undefined;
  const code = fetchError?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether a failed request may succeed when repeated (network, timeout, 5xx, 429). */
export function isTransient(error: unknown): boolean {
  if (error instanceof HttpStatusError) return TRANSIENT_STATUSES.has(error.status);
  if (!(error instanceof CswError)) return false;
  if (error.code === 'TIMEOUT') return true;
  return error.code === 'NETWORK' && !PERMANENT_NETWORK_CODES.has(networkCode(error) ?? '');
}

const aborted = () => new CswError('ABORTED', 'the harvest was stopped');

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Spaces request starts evenly: at most `perSecond` per second, shared by parallel pagers. */
class RateLimiter {
  private next = 0;
  constructor(private readonly intervalMs: number) {}

  async wait(signal?: AbortSignal): Promise<void> {
    if (this.intervalMs <= 0) return;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    await sleep(at - now, signal);
  }
}

/**
 * The CSW client with the source's request policy: a rate limit, and retries with exponential
 * backoff for transient failures. A page is retried as a whole and its records reach the
 * handlers only after it was read completely, so a retried page never delivers a record twice.
 */
export class ResilientCswClient extends CswClient {
  private readonly limiter: RateLimiter;
  /** Records parsed on this thread share storage with the response text (see detachStrings). */
  private readonly detach: <T>(record: T) => T;

  constructor(
    options: CswClientOptions,
    private readonly policy: RequestPolicy,
  ) {
    super(options);
    this.detach = options.parser?.detachedRecords ? (record) => record : detachStrings;
    this.limiter = new RateLimiter(
      policy.maxRequestsPerSecond ? 1000 / policy.maxRequestsPerSecond : 0,
    );
  }

  override getRecordsHits(query: GetRecordsQuery = {}, signal?: AbortSignal): Promise<HitsResult> {
    return this.withRetry(() => super.getRecordsHits(query, signal), signal);
  }

  override getRecordsPage(request: PageRequest, handlers: PageHandlers): Promise<BufferedPage> {
    return this.withRetry(async () => {
      const records: IsoRecord[] = [];
      const foreign: ForeignRecord[] = [];
      const page = await super.getRecordsPage(request, {
        // Held until the page is stored: without copying, its fields keep the response text alive.
        onRecord: (record) => void records.push(this.detach(record)),
        onForeignRecord: (record) => void foreign.push(record),
      });
      for (const record of records) await handlers.onRecord(record);
      for (const record of foreign) await handlers.onForeignRecord?.(record);
      return { ...page, records, foreign };
    }, request.signal);
  }

  private async withRetry<T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const { maxAttempts, backoffMs, maxBackoffMs } = this.policy;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.wait(signal);
      try {
        return await request();
      } catch (error) {
        if (attempt >= maxAttempts || signal?.aborted || !isTransient(error)) throw error;
        const base = Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1));
        const delayMs = Math.round(base * (0.75 + Math.random() * 0.5));
        this.policy.onRetry?.({ attempt, delayMs, error: error as Error });
        await sleep(delayMs, signal);
      }
    }
  }
}
