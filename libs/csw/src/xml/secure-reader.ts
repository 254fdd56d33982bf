import { SaxesParser, type SaxesTagNS } from 'saxes';
import {
  CswError,
  NotXmlError,
  OwsExceptionError,
  XmlSecurityError,
  XmlSyntaxError,
  snippetOf,
  type OwsException,
} from '../errors';
import { decodeXml, type XmlSource } from './decode';
import { NS, clark, isOwsNamespace } from './namespaces';

/** Bounds applied to every document read from outside. */
export interface XmlLimits {
  /** Deepest element nesting accepted (root = 1). */
  maxDepth: number;
  /** Longest run of characters without markup (a text node, a tag) accepted. */
  maxTextNodeChars: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxDepth: 256,
  maxTextNodeChars: 2_000_000,
};

export interface ReadXmlOptions extends Partial<XmlLimits> {
  signal?: AbortSignal;
}

/**
 * Receives the events of one document. `depth` is the element's depth (root = 1); `position` the
 * parser's character offset, so that a consumer can bound the size of a subtree.
 */
export interface XmlSink {
  open(tag: SaxesTagNS, depth: number, position: number): void;
  close(tag: SaxesTagNS, depth: number, position: number): void;
  text(text: string): void;
  comment?(text: string, depth: number): void;
  /** A recoverable oddity of the document (reported, parsing goes on). */
  warning?(message: string): void;
  /** After every chunk; awaited if it returns a promise (an async consumer's backpressure). */
  drain?(): Promise<void> | void;
}

export interface ReadXmlStats {
  /** Characters read (after decoding). */
  chars: number;
  /** `{uri}local` of the root element. */
  rootElement: string;
}

/**
 * Prefixes some catalogues use without declaring them. Resolving these to their standard URI (with a
 * warning) keeps one sloppy record from failing a whole page; any other unbound prefix is an error.
 */
const WELL_KNOWN_PREFIXES: Record<string, string> = {
  gmd: NS.gmd,
  gco: NS.gco,
  gmx: NS.gmx,
  srv: NS.srv,
  gmi: NS.gmi,
  xlink: NS.xlink,
  xsi: NS.xsi,
  csw: NS.csw,
  ows: NS.ows,
  ogc: NS.ogc,
  dc: NS.dc,
  dct: NS.dct,
};

/**
 * Reads one XML document from an untrusted source, streaming, with the project's safety rules:
 * no DOCTYPE (so no DTD, no external entity, no entity expansion beyond the five built-ins), bounded
 * element depth and text size, non-XML input (an HTML error page) recognised, and an OWS
 * ExceptionReport turned into an {@link OwsExceptionError}.
 */
export async function readXml(
  source: XmlSource,
  sink: XmlSink,
  options: ReadXmlOptions = {},
): Promise<ReadXmlStats> {
  const maxDepth = options.maxDepth ?? DEFAULT_XML_LIMITS.maxDepth;
  const maxText = options.maxTextNodeChars ?? DEFAULT_XML_LIMITS.maxTextNodeChars;
  const signal = options.signal;

  const parser = new SaxesParser({
    xmlns: true,
    resolvePrefix: (prefix: string) => {
      const uri = WELL_KNOWN_PREFIXES[prefix];
      if (uri !== undefined)
        sink.warning?.(`undeclared namespace prefix "${prefix}" read as ${uri}`);
      return uri;
    },
  });

  let depth = 0;
  let root: string | null = null;
  let exceptionReport: ExceptionCollector | null = null;
  let target: XmlSink = sink;

  // No 'error' handler: saxes then throws its error from write()/close() and we wrap it below.
  // (Registering every saxes event makes V8 deoptimise saxes' hot loop: ~5x slower on Node 20.)
  const syntaxError = (e: unknown): unknown =>
    e instanceof CswError
      ? e
      : new XmlSyntaxError(
          `malformed XML at line ${parser.line}, column ${parser.column}: ${stripPosition((e as Error).message)}`,
          parser.line,
          parser.column,
        );
  parser.on('doctype', (doctype: string) => {
    throw doctypeError(doctype);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth > maxDepth) {
      throw new XmlSecurityError(
        'XML_TOO_DEEP',
        `element nesting deeper than ${maxDepth} levels at line ${parser.line}`,
      );
    }
    if (depth === 1) {
      root = clark(tag.uri, tag.local);
      if (tag.local.toLowerCase() === 'html') {
        throw new NotXmlError('received an HTML page instead of XML', `<${tag.name}>`);
      }
      if (isExceptionReportRoot(tag)) {
        exceptionReport = new ExceptionCollector(tag);
        target = exceptionReport;
      }
    }
    target.open(tag, depth, parser.position);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    target.close(tag, depth, parser.position);
    depth--;
  });
  parser.on('text', (text: string) => {
    if (text.length > maxText) throw textTooLarge(maxText, parser.line);
    if (depth > 0) target.text(text);
  });
  parser.on('cdata', (text: string) => {
    if (text.length > maxText) throw textTooLarge(maxText, parser.line);
    if (depth > 0) target.text(text);
  });
  if (sink.comment) {
    parser.on('comment', (text: string) => target.comment?.(text, depth));
  }

  let started = false;
  let prologDone = false;
  let prologTail = '';
  let sinceMarkup = 0;
  for await (let chunk of decodeXml(source)) {
    if (signal?.aborted) throw abortError(signal);
    if (!started) {
      // Leading whitespace (and a BOM) before the first '<' is tolerated and dropped.
      const at = firstNonSpace(chunk);
      if (at === -1) continue;
      chunk = chunk.slice(at);
      if (chunk[0] !== '<') {
        throw new NotXmlError(
          `response is not XML (starts with "${snippetOf(chunk, 60)}")`,
          snippetOf(chunk),
        );
      }
      started = true;
    }
    if (!prologDone) {
      // Refuse a DOCTYPE before saxes buffers it: an internal subset can be large.
      const scan = prologTail + chunk;
      const rootAt = scan.search(/<[A-Za-z_:]/);
      const prolog = rootAt === -1 ? scan : scan.slice(0, rootAt);
      const doctypeAt = prolog.search(/<!doctype/i);
      if (doctypeAt !== -1) throw doctypeError(prolog.slice(doctypeAt + 9, doctypeAt + 60));
      if (rootAt !== -1) prologDone = true;
      else prologTail = scan.slice(-16);
    }
    // Text nodes cannot contain '<', so a long run without one is an oversized text node (or tag).
    const lastLt = chunk.lastIndexOf('<');
    sinceMarkup = lastLt === -1 ? sinceMarkup + chunk.length : chunk.length - lastLt - 1;
    if (sinceMarkup > maxText) throw textTooLarge(maxText, parser.line);

    try {
      parser.write(chunk);
    } catch (e) {
      // What was complete before the error is delivered, as it would have been in an earlier chunk.
      await drained(sink);
      throw syntaxError(e);
    }
    await drained(sink);
  }
  if (signal?.aborted) throw abortError(signal);
  if (!started) throw new NotXmlError('response is empty', '', 'EMPTY_RESPONSE');
  const chars = parser.position;
  try {
    parser.close();
  } catch (e) {
    await drained(sink);
    throw syntaxError(e);
  }
  await drained(sink);
  if (root === null) throw new NotXmlError('response contains no XML element', '');
  if (exceptionReport !== null) throw (exceptionReport as ExceptionCollector).toError();
  return { chars, rootElement: root };
}

/** Hands the sink what the last chunk completed: one await per chunk, none per record. */
async function drained(sink: XmlSink): Promise<void> {
  await sink.drain?.();
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return i;
  }
  return -1;
}

function stripPosition(message: string): string {
  return message.replace(/^\d+:\d+: /, '');
}

function doctypeError(doctype: string): CswError {
  if (/^\s*html\b/i.test(doctype)) {
    return new NotXmlError('received an HTML page instead of XML', `<!DOCTYPE ${doctype.trim()}`);
  }
  return new XmlSecurityError(
    'XML_DOCTYPE_REFUSED',
    'document has a DOCTYPE declaration; DTDs and entity declarations are refused',
  );
}

function textTooLarge(max: number, line: number): XmlSecurityError {
  return new XmlSecurityError(
    'XML_TEXT_TOO_LARGE',
    `text node or tag longer than ${max} characters near line ${line}`,
  );
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new CswError('ABORTED', 'aborted');
}

function isExceptionReportRoot(tag: SaxesTagNS): boolean {
  if (tag.local === 'ExceptionReport') return isOwsNamespace(tag.uri) || tag.uri === '';
  if (tag.local === 'ServiceExceptionReport') return tag.uri === NS.ogc || tag.uri === '';
  return false;
}

const MAX_EXCEPTIONS = 20;
const MAX_EXCEPTION_TEXT = 4000;

/** Collects an OWS ExceptionReport (OWS 1.0/1.1/2.0) or an OGC ServiceExceptionReport. */
class ExceptionCollector implements XmlSink {
  private readonly exceptions: OwsException[] = [];
  private readonly version: string | null;
  private current: OwsException | null = null;
  private inText = false;
  private buffer = '';

  constructor(root: SaxesTagNS) {
    this.version = root.attributes['version']?.value ?? null;
  }

  open(tag: SaxesTagNS, depth: number): void {
    if (depth === 2 && (tag.local === 'Exception' || tag.local === 'ServiceException')) {
      if (this.exceptions.length >= MAX_EXCEPTIONS) return;
      const attr = (name: string): string | null => tag.attributes[name]?.value ?? null;
      this.current = {
        exceptionCode: attr('exceptionCode') ?? attr('code'),
        locator: attr('locator'),
        texts: [],
      };
      this.exceptions.push(this.current);
      // A ServiceException carries its text directly.
      this.inText = tag.local === 'ServiceException';
      this.buffer = '';
    } else if (depth === 3 && tag.local === 'ExceptionText' && this.current) {
      this.inText = true;
      this.buffer = '';
    }
  }

  close(tag: SaxesTagNS, depth: number): void {
    if (this.inText && (depth === 3 || tag.local === 'ServiceException') && this.current) {
      const text = this.buffer.replace(/\s+/g, ' ').trim();
      if (text) this.current.texts.push(text);
      this.inText = false;
    }
    if (depth === 2) this.current = null;
  }

  text(text: string): void {
    if (this.inText && this.buffer.length < MAX_EXCEPTION_TEXT) this.buffer += text;
  }

  toError(): OwsExceptionError {
    return new OwsExceptionError(this.exceptions, this.version);
  }
}
