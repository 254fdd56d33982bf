import { HttpStatusError, OwsExceptionError, UnexpectedDocumentError } from '../errors';
import { parseIsoRecords, type IsoParseLimits } from '../iso/parser';
import type { IsoRecordsParser } from '../iso/worker-parser';
import type { ForeignRecord, IsoParseResult, IsoRecord } from '../iso/types';
import { parseCapabilities, type CswCapabilities } from './capabilities';
import { openRequest, type HttpOptions, type HttpRequest } from './http';
import {
  getCapabilitiesUrl,
  getRecordsUrl,
  getRecordsXml,
  type GetRecordsPaging,
  type GetRecordsQuery,
} from './requests';

export interface CswClientOptions {
  /** The CSW endpoint, e.g. `https://gdk.gdi-de.org/gdi-de/srv/ger/csw`. */
  url: string;
  /** Per request, body included. Default 120 s. */
  timeoutMs?: number;
  /** Default 100 MB. */
  maxResponseBytes?: number;
  /**
   * `auto` (default): POST, and GET from then on when the catalogue answers that it does not take
   * POST (405/415/501, or an ExceptionReport like OperationNotSupported / a missing `request`).
   */
  method?: 'auto' | 'POST' | 'GET';
  headers?: Record<string, string>;
  /** Limits of the ISO parser (depth, text node, record size). */
  parse?: IsoParseLimits;
  /** For tests or a proxy-aware fetch; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Parses the responses; default {@link parseIsoRecords} on this thread (or on a worker thread: IsoParseWorker). */
  parser?: IsoRecordsParser;
}

export type HttpMethod = 'GET' | 'POST';

export interface HitsResult {
  numberOfRecordsMatched: number;
  nextRecord: number | null;
  timestamp: string | null;
  method: HttpMethod;
}

export interface PageRequest extends GetRecordsQuery {
  /** 1-based startPosition. */
  start: number;
  maxRecords: number;
  signal?: AbortSignal;
}

export interface PageHandlers {
  onRecord: (record: IsoRecord) => void | Promise<void>;
  onForeignRecord?: (record: ForeignRecord) => void | Promise<void>;
}

export interface PageResult {
  start: number;
  maxRecords: number;
  method: HttpMethod;
  numberOfRecordsMatched: number | null;
  numberOfRecordsReturned: number | null;
  nextRecord: number | null;
  timestamp: string | null;
  isoRecords: number;
  foreignRecords: number;
  /** Records actually delivered (ISO + foreign). */
  received: number;
  commentsInResults: number;
  warnings: string[];
  bytes: number;
  durationMs: number;
}

const DEFAULTS = { timeoutMs: 120_000, maxResponseBytes: 100 * 1024 * 1024 };

/**
 * A CSW 2.0.2 client for harvesting ISO 19139 records. Framework-free; one instance per source.
 * It does not retry: the harvester owns the retry policy.
 */
export class CswClient {
  private method: 'auto' | HttpMethod;
  private readonly http: Omit<HttpOptions, 'signal'>;

  constructor(private readonly options: CswClientOptions) {
    new URL(options.url); // fail fast on a malformed endpoint
    this.method = options.method ?? 'auto';
    this.http = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
      headers: {
        Accept: 'application/xml, text/xml;q=0.9, */*;q=0.1',
        'User-Agent': 'dpi-harvester/0.1 (Datenplattform-Inventar)',
        ...options.headers,
      },
      fetch: options.fetch ?? fetch,
    };
  }

  get url(): string {
    return this.options.url;
  }

  /** The method GetRecords currently uses (`auto` until a request has shown it). */
  get currentMethod(): 'auto' | HttpMethod {
    return this.method;
  }

  async getCapabilities(signal?: AbortSignal): Promise<CswCapabilities> {
    const res = await openRequest(
      { url: getCapabilitiesUrl(this.options.url), method: 'GET' },
      { ...this.http, signal },
    );
    try {
      return await parseCapabilities(res.body, { ...this.options.parse, signal });
    } catch (e) {
      throw res.mapError(e);
    }
  }

  /** GetRecords with `resultType=hits`: how many records the query matches. */
  async getRecordsHits(query: GetRecordsQuery = {}, signal?: AbortSignal): Promise<HitsResult> {
    const { result, method } = await this.getRecords(
      query,
      { resultType: 'hits', startPosition: 1, maxRecords: 0 },
      { onRecord: () => undefined },
      signal,
    );
    const matched = result.searchResults?.numberOfRecordsMatched ?? null;
    if (matched === null) {
      throw new UnexpectedDocumentError(
        'hits response without a numeric csw:SearchResults/@numberOfRecordsMatched',
        result.rootElement,
      );
    }
    return {
      numberOfRecordsMatched: matched,
      nextRecord: result.searchResults?.nextRecord ?? null,
      timestamp: result.timestamp,
      method,
    };
  }

  /**
   * One page of GetRecords results. Records reach `handlers` while the response is still being
   * read; the returned promise resolves after the last one.
   */
  async getRecordsPage(request: PageRequest, handlers: PageHandlers): Promise<PageResult> {
    const started = Date.now();
    const { start, maxRecords, signal, ...query } = request;
    const { result, method, bytes } = await this.getRecords(
      query,
      { resultType: 'results', startPosition: start, maxRecords },
      handlers,
      signal,
    );
    if (result.documentKind !== 'GetRecordsResponse') {
      throw new UnexpectedDocumentError(
        `expected a GetRecordsResponse, got ${result.rootElement}`,
        result.rootElement,
      );
    }
    const sr = result.searchResults;
    const received = result.isoRecords + result.foreignRecords;
    const warnings = [...result.warnings];
    const announced = sr?.numberOfRecordsReturned ?? null;
    if (announced !== null && received < announced) {
      warnings.push(
        `page at ${start} announced ${announced} records but contained ${received}` +
          (result.commentsInResults > 0
            ? ` (and ${result.commentsInResults} comment(s) in their place)`
            : ''),
      );
    } else if (announced !== null && received > announced) {
      warnings.push(`page at ${start} announced ${announced} records but contained ${received}`);
    }
    if (
      result.foreignRecords > 0 &&
      (query.outputSchema === undefined || query.outputSchema.includes('isotc211'))
    ) {
      warnings.push(
        `page at ${start} contained ${result.foreignRecords} record(s) that are not ISO 19139 (outputSchema ignored?)`,
      );
    }
    return {
      start,
      maxRecords,
      method,
      numberOfRecordsMatched: sr?.numberOfRecordsMatched ?? null,
      numberOfRecordsReturned: announced,
      nextRecord: sr?.nextRecord ?? null,
      timestamp: result.timestamp,
      isoRecords: result.isoRecords,
      foreignRecords: result.foreignRecords,
      received,
      commentsInResults: result.commentsInResults,
      warnings,
      bytes,
      durationMs: Date.now() - started,
    };
  }

  private async getRecords(
    query: GetRecordsQuery,
    paging: GetRecordsPaging,
    handlers: PageHandlers,
    signal: AbortSignal | undefined,
  ): Promise<{ result: IsoParseResult; method: HttpMethod; bytes: number }> {
    if (this.method !== 'GET') {
      try {
        const out = await this.send(
          { url: this.options.url, method: 'POST', body: getRecordsXml(query, paging) },
          handlers,
          signal,
        );
        if (this.method === 'auto') this.method = 'POST';
        return { ...out, method: 'POST' };
      } catch (e) {
        if (this.method === 'POST' || !postUnsupported(e)) throw e;
        this.method = 'GET';
      }
    }
    const out = await this.send(
      { url: getRecordsUrl(this.options.url, query, paging), method: 'GET' },
      handlers,
      signal,
    );
    return { ...out, method: 'GET' };
  }

  private async send(
    req: HttpRequest,
    handlers: PageHandlers,
    signal: AbortSignal | undefined,
  ): Promise<{ result: IsoParseResult; bytes: number }> {
    const res = await openRequest(req, { ...this.http, signal });
    try {
      const parse = this.options.parser ?? parseIsoRecords;
      const result = await parse(res.body, handlers.onRecord, {
        ...this.options.parse,
        onForeignRecord: handlers.onForeignRecord,
        signal,
      });
      return { result, bytes: res.bytesRead() };
    } catch (e) {
      const mapped = res.mapError(e);
      if (mapped instanceof OwsExceptionError) mapped.httpStatus ??= res.status;
      throw mapped;
    }
  }
}

/** Whether an error to a POST request says "this endpoint does not take POST". */
export function postUnsupported(error: unknown): boolean {
  if (error instanceof HttpStatusError) {
    if ([405, 415, 501].includes(error.status)) return true;
    return error.status === 400 && /\bpost\b|method/i.test(error.snippet);
  }
  if (error instanceof OwsExceptionError) {
    const code = (error.exceptionCode ?? '').toLowerCase();
    const locator = (error.locator ?? '').toLowerCase();
    if (code === 'operationnotsupported') return true;
    // A server that reads only KVP parameters misses `request`/`service` in a POST body.
    if (code === 'missingparametervalue' && ['request', 'service', 'version'].includes(locator))
      return true;
    return /\bpost\b|http method|method not allowed/i.test(error.text);
  }
  return false;
}

/** Convenience: the capabilities of one endpoint. */
export function getCapabilities(
  url: string,
  options: Omit<CswClientOptions, 'url'> = {},
): Promise<CswCapabilities> {
  return new CswClient({ ...options, url }).getCapabilities();
}
