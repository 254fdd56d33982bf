/**
 * Typed errors of the CSW client and the ISO 19139 parser. Every error a remote catalogue can
 * cause is one of these, with a stable `code`, so the harvester can record it as data (a harvest
 * error with a readable message) instead of crashing.
 */
export type CswErrorCode =
  | 'XML_SYNTAX'
  | 'XML_DOCTYPE_REFUSED'
  | 'XML_TOO_DEEP'
  | 'XML_TEXT_TOO_LARGE'
  | 'XML_UNSUPPORTED_ENCODING'
  | 'NOT_XML'
  | 'EMPTY_RESPONSE'
  | 'UNEXPECTED_DOCUMENT'
  | 'OWS_EXCEPTION'
  | 'HTTP_STATUS'
  | 'RESPONSE_TOO_LARGE'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'NETWORK'
  | 'INVALID_REQUEST';

export class CswError extends Error {
  override readonly name: string = 'CswError';
  constructor(
    readonly code: CswErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Input that is not well-formed XML. `line`/`column` are 1-based where saxes knows them. */
export class XmlSyntaxError extends CswError {
  override readonly name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super('XML_SYNTAX', message);
  }
}

/** Input refused for safety: a DOCTYPE, nesting too deep, a text node too large. */
export class XmlSecurityError extends CswError {
  override readonly name = 'XmlSecurityError';
}

/** The response is not XML at all, typically an HTML error page of a proxy or servlet container. */
export class NotXmlError extends CswError {
  override readonly name = 'NotXmlError';
  constructor(
    message: string,
    readonly snippet: string,
    code: 'NOT_XML' | 'EMPTY_RESPONSE' = 'NOT_XML',
  ) {
    super(code, message);
  }
}

/** Well-formed XML, but not a document this code knows how to read (e.g. a WMS capabilities). */
export class UnexpectedDocumentError extends CswError {
  override readonly name = 'UnexpectedDocumentError';
  constructor(
    message: string,
    readonly rootElement: string,
  ) {
    super('UNEXPECTED_DOCUMENT', message);
  }
}

export interface OwsException {
  exceptionCode: string | null;
  locator: string | null;
  texts: string[];
}

/** An `ows:ExceptionReport` (or an OGC `ServiceExceptionReport`) sent by the catalogue. */
export class OwsExceptionError extends CswError {
  override readonly name = 'OwsExceptionError';
  /** HTTP status of the response that carried the report, when known. */
  httpStatus?: number;
  constructor(
    readonly exceptions: OwsException[],
    readonly version: string | null,
  ) {
    super('OWS_EXCEPTION', `catalogue answered with an ExceptionReport: ${describe(exceptions)}`);
  }
  /** The first exception's code, the one that usually matters. */
  get exceptionCode(): string | null {
    return this.exceptions[0]?.exceptionCode ?? null;
  }
  get locator(): string | null {
    return this.exceptions[0]?.locator ?? null;
  }
  get text(): string {
    return this.exceptions.flatMap((e) => e.texts).join(' ');
  }
}

function describe(exceptions: OwsException[]): string {
  if (exceptions.length === 0) return '(empty report)';
  return exceptions
    .map((e) => {
      const head = [e.exceptionCode ?? 'unknown code', e.locator ? `locator=${e.locator}` : '']
        .filter(Boolean)
        .join(' ');
      const text = e.texts.join(' ').slice(0, 500);
      return text ? `${head}: ${text}` : head;
    })
    .join('; ');
}

export class HttpStatusError extends CswError {
  override readonly name = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    /** The start of the response body, for the harvest error record. */
    readonly snippet: string,
  ) {
    super(
      'HTTP_STATUS',
      `HTTP ${status} ${statusText} from ${url}${snippet ? `: ${snippet}` : ''}`,
    );
  }
}

export class ResponseTooLargeError extends CswError {
  override readonly name = 'ResponseTooLargeError';
  constructor(
    readonly limitBytes: number,
    readonly url: string,
  ) {
    super('RESPONSE_TOO_LARGE', `response from ${url} exceeds the limit of ${limitBytes} bytes`);
  }
}

export class CswTimeoutError extends CswError {
  override readonly name = 'CswTimeoutError';
  constructor(
    readonly timeoutMs: number,
    readonly url: string,
  ) {
    super('TIMEOUT', `request to ${url} did not complete within ${timeoutMs} ms`);
  }
}

/** Shortens untrusted text for messages: one line, bounded. */
export function snippetOf(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
