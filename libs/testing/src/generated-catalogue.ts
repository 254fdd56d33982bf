import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/*
 * A CSW 2.0.2 catalogue of any number of distinct ISO 19139 records made from a few real ones:
 * record n is template n mod T with its own fileIdentifier. Nothing is held but the templates,
 * and each response is streamed record by record with backpressure, so 10,000 or 100,000 records
 * cost no memory. Used by the harvest benchmark (services/harvester/bench, through this lib's
 * build) and by the fault suite (services/stack-e2e).
 */

/** A record's XML cut around the text of its fileIdentifier. */
export interface RecordTemplate {
  before: Buffer;
  after: Buffer;
}

/** What the catalogue needs of a GetRecords request (the harvester demo's parseCswRequest gives it). */
export interface GetRecordsRequest {
  resultType: string;
  /** 1-based. */
  start: number;
  max: number;
}

export type GetRecordsParser = (method: string, url: URL, body: string) => GetRecordsRequest;

const RESPONSE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse ' +
  'xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="2.0.2">\n' +
  '<csw:SearchStatus timestamp="2026-01-01T00:00:00Z"/>\n';
const RESPONSE_CLOSE = Buffer.from('\n</csw:SearchResults>\n</csw:GetRecordsResponse>\n');
const SEPARATOR = Buffer.from('\n');

/** Identifiers sort as their numbers do (the harvester asks for SortBy identifier). */
export const generatedIdentifier = (prefix: string, n: number): string =>
  `${prefix}-${String(n).padStart(9, '0')}`;

/** A standalone ISO record as a template; throws when it has no fileIdentifier. */
export function recordTemplate(xml: string): RecordTemplate {
  const m =
    /(<gmd:fileIdentifier[^>]*>\s*<gco:CharacterString[^>]*>)([^<]*)(<\/gco:CharacterString>)/.exec(
      xml,
    );
  if (!m) throw new Error('template record has no gmd:fileIdentifier');
  const at = m.index + m[1].length;
  return {
    before: Buffer.from(xml.slice(0, at), 'utf8'),
    after: Buffer.from(xml.slice(at + m[2].length), 'utf8'),
  };
}

/**
 * The buffers of one GetRecords response: records `start`…`start + max - 1` (1-based) of a corpus
 * of `total`, with numberOfRecordsMatched, numberOfRecordsReturned and nextRecord as CSW 2.0.2
 * has them (nextRecord 0 after the last). `hits`: no records.
 */
export function* getRecordsResponse(
  templates: readonly RecordTemplate[],
  options: { total: number; start: number; max: number; hits?: boolean; prefix: string },
): Generator<Buffer> {
  const { total, start, max, hits = false, prefix } = options;
  const first = Math.max(1, start);
  const returned = hits ? 0 : Math.max(0, Math.min(max, total - first + 1));
  const after = first + returned;
  const next = hits ? 1 : after > total ? 0 : after;
  yield Buffer.from(
    RESPONSE_OPEN +
      `<csw:SearchResults numberOfRecordsMatched="${total}" numberOfRecordsReturned="${returned}" ` +
      `nextRecord="${next}" elementSet="full" recordSchema="http://www.isotc211.org/2005/gmd">\n`,
  );
  for (let i = 0; i < returned; i++) {
    const n = first + i;
    const t = templates[(n - 1) % templates.length];
    if (i > 0) yield SEPARATOR;
    yield t.before;
    yield Buffer.from(generatedIdentifier(prefix, n));
    yield t.after;
  }
  yield RESPONSE_CLOSE;
}

/** Writes `parts` to `res`, waiting for 'drain' when the client is slower than we are. */
export async function streamParts(res: ServerResponse, parts: Iterable<Buffer>): Promise<void> {
  for (const part of parts) {
    if (!res.write(part)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          res.off('close', onClose);
          resolve();
        };
        const onClose = () => {
          res.off('drain', onDrain);
          reject(new Error('client went away'));
        };
        res.once('drain', onDrain);
        res.once('close', onClose);
      });
    }
  }
  res.end();
}

/** Requests for pages from record `from` on are held until `release()`. */
export interface HeldPages {
  /** Resolves when the first held request arrived (the harvest reached `from`). */
  reached: Promise<void>;
  release(): void;
}

/**
 * The generated catalogue over HTTP on loopback. Each path `/<prefix>/csw` is a catalogue of its
 * own with identifiers `<prefix>-000000001` …: one server gives every harvest source of a test
 * distinct records.
 */
export class GeneratedCatalogue {
  private server: Server | null = null;
  private held: {
    from: number;
    release: () => void;
    gate: Promise<void>;
    reached: () => void;
  } | null = null;
  private readonly templates: RecordTemplate[];
  /** GetRecords requests answered or being answered. */
  requests = 0;

  constructor(
    private readonly options: {
      /** Standalone ISO 19139 records (each with a gmd:fileIdentifier). */
      templates: readonly string[];
      total: number;
      parseRequest: GetRecordsParser;
    },
  ) {
    this.templates = options.templates.map(recordTemplate);
  }

  get total(): number {
    return this.options.total;
  }

  /** The CSW endpoint of the catalogue `prefix`. */
  url(prefix: string): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('catalogue not started');
    return `http://127.0.0.1:${address.port}/${encodeURIComponent(prefix)}/csw`;
  }

  /** Every identifier of catalogue `prefix`. */
  identifiers(prefix: string): string[] {
    return Array.from({ length: this.total }, (_, i) => generatedIdentifier(prefix, i + 1));
  }

  /** Holds pages starting at record `from` or later, until released (one hold at a time). */
  holdFrom(from: number): HeldPages {
    this.held?.release();
    let release = () => undefined as void;
    let reached = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const hold = { from, gate, reached, release: () => undefined as void };
    hold.release = () => {
      release();
      if (this.held === hold) this.held = null;
    };
    this.held = hold;
    return { reached: reachedPromise, release: hold.release };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
        if (!/client went away/.test(error.message)) console.error(`catalogue: ${error.stack}`);
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.held?.release();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/([^/]+)\/csw$/.exec(url.pathname);
    if (!match) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = this.options.parseRequest(
      req.method ?? 'GET',
      url,
      Buffer.concat(chunks).toString('utf8'),
    );
    const hits = request.resultType === 'hits';
    this.requests++;
    const held = this.held;
    if (held && !hits && request.start >= held.from) {
      held.reached();
      await held.gate;
    }
    res.setHeader('content-type', 'application/xml; charset=UTF-8');
    await streamParts(
      res,
      getRecordsResponse(this.templates, {
        total: this.total,
        start: request.start,
        max: request.max,
        hits,
        prefix: decodeURIComponent(match[1]),
      }),
    );
  }
}
