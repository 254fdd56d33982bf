import {
  CswError,
  CswTimeoutError,
  HttpStatusError,
  OwsExceptionError,
  ResponseTooLargeError,
  snippetOf,
} from '../errors';
import { readXml, type XmlSink } from '../xml/secure-reader';

export interface HttpOptions {
  /** Whole request, body included. */
  timeoutMs: number;
  /**
   * Bytes of response body accepted; the transfer is aborted above (after handing on the bytes
   * up to the limit, so that an error in them is reported first).
   */
  maxResponseBytes: number;
  headers: Record<string, string>;
  signal?: AbortSignal;
  fetch: typeof fetch;
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
}

/** An open response whose body is read as a byte stream, bounded in size and time. */
export interface OpenResponse {
  status: number;
  contentType: string | null;
  body: AsyncIterable<Uint8Array>;
  /** Bytes read from the body so far. */
  bytesRead(): number;
  /** Maps an error thrown while reading the body to a typed one (timeout, abort …). */
  mapError(error: unknown): unknown;
}

const SNIPPET_BYTES = 64 * 1024;

/**
 * Sends one request with Node's fetch (undici). Non-2xx answers become {@link HttpStatusError} (or
 * {@link OwsExceptionError} when the body is an ExceptionReport), network failures and timeouts
 * typed errors; the body of a 2xx answer is returned as a bounded stream.
 */
export async function openRequest(req: HttpRequest, options: HttpOptions): Promise<OpenResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const mapError = (error: unknown): unknown => {
    if (error instanceof CswError) return error;
    if (timeout.aborted) return new CswTimeoutError(options.timeoutMs, req.url);
    if (options.signal?.aborted)
      return new CswError('ABORTED', `request to ${req.url} was cancelled`);
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
    return new CswError('NETWORK', `network error for ${req.url}: ${detail}`, { cause: error });
  };

  let response: Response;
  try {
    response = await options.fetch(req.url, {
      method: req.method,
      body: req.body,
      headers: {
        ...options.headers,
        ...(req.body !== undefined ? { 'Content-Type': 'application/xml; charset=UTF-8' } : {}),
      },
      signal,
      redirect: 'follow',
    });
  } catch (e) {
    throw mapError(e);
  }

  if (response.status < 200 || response.status > 299) {
    let text = '';
    try {
      text = await readSnippet(response, SNIPPET_BYTES);
    } catch {
      // The status is what matters; a body we cannot read adds nothing.
    }
    const report = await exceptionReportIn(text);
    if (report) {
      report.httpStatus = response.status;
      throw report;
    }
    throw new HttpStatusError(response.status, response.statusText, req.url, snippetOf(text));
  }

  let bytes = 0;
  const stream = response.body;
  async function* limited(): AsyncGenerator<Uint8Array> {
    if (!stream) return;
    try {
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
        const room = options.maxResponseBytes - bytes;
        bytes += chunk.length;
        if (bytes > options.maxResponseBytes) {
          // The bytes up to the limit are still handed on, so that the reader meets an error in
          // them (malformed XML, an oversized text node) before this one: of several limits a
          // response crosses, the one crossed first in the input's byte order is reported,
          // whatever the network's chunking and whichever thread parses.
          if (room > 0) yield chunk.subarray(0, room);
          throw new ResponseTooLargeError(options.maxResponseBytes, req.url);
        }
        yield chunk;
      }
    } catch (e) {
      throw mapError(e);
    }
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: limited(),
    bytesRead: () => bytes,
    mapError,
  };
}

async function readSnippet(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

const IGNORE_ALL: XmlSink = {
  open: () => undefined,
  close: () => undefined,
  text: () => undefined,
};

/** The ExceptionReport in an error body, if that is what it is. */
async function exceptionReportIn(text: string): Promise<OwsExceptionError | null> {
  if (!/ExceptionReport/.test(text)) return null;
  try {
    await readXml(text, IGNORE_ALL);
  } catch (e) {
    if (e instanceof OwsExceptionError) return e;
  }
  return null;
}
