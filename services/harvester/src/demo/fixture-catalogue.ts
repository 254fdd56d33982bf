import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** What a GetRecords request asked for (POST XML or GET KVP). */
export interface CswRequest {
  method: string;
  path: string;
  resultType: string;
  start: number;
  max: number;
  /** The `Modified >=` date of an incremental request, if any. */
  since: string | null;
  sortBy: boolean;
}

export interface CatalogueRecord {
  xml: string;
  /** `gmd:dateStamp`, compared with an incremental request's date. */
  dateStamp: string;
}

/** Files of `../shared/fixtures/csw` holding real ISO 19139 records. */
const RECORD_FILES = [
  'ingrid-harvester-gdk/GetRecordsResults.xml',
  'owslib/inspire-getrecords-response.xml',
  'owslib/csw_dov_getrecordbyid.xml',
  'owslib/iso19139_srv.xml',
  'ckanext-spatial/iso19139_dataset.xml',
];

/**
 * The `gmd:MD_Metadata` elements of a document as standalone records: prefixes declared only on
 * the container (a GetRecordsResponse) are declared on each record's start tag.
 */
export function standaloneRecords(text: string): string[] {
  const rootTag = /<(?!\?|!)[^>]+>/.exec(text)?.[0] ?? '';
  const rootDeclarations = new Map(
    [...rootTag.matchAll(/xmlns:(\w+)="([^"]*)"/g)].map(([, p, uri]) => [p, uri]),
  );
  return [...text.matchAll(/<gmd:MD_Metadata[\s>][\s\S]*?<\/gmd:MD_Metadata>/g)].map(([xml]) => {
    const start = xml.slice(0, xml.indexOf('>'));
    const declared = new Set([...start.matchAll(/xmlns:(\w+)=/g)].map(([, p]) => p));
    const used = new Set([
      ...[...xml.matchAll(/<\/?(\w+):/g)].map(([, p]) => p),
      ...[...xml.matchAll(/\s(\w+):[\w-]+=/g)].map(([, p]) => p),
    ]);
    const missing = [...used]
      .filter((p) => !declared.has(p) && p !== 'xmlns' && p !== 'xml' && rootDeclarations.has(p))
      .map((p) => `xmlns:${p}="${rootDeclarations.get(p)}"`);
    return missing.length
      ? xml.replace('<gmd:MD_Metadata', `<gmd:MD_Metadata ${missing.join(' ')}`)
      : xml;
  });
}

/** Every real record of the shared fixtures, keyed by fileIdentifier. */
export function fixtureRecords(fixturesDir: string): Map<string, CatalogueRecord> {
  const records = new Map<string, CatalogueRecord>();
  for (const file of RECORD_FILES) {
    for (const xml of standaloneRecords(readFileSync(join(fixturesDir, file), 'utf8'))) {
      const id = /<gmd:fileIdentifier[^>]*>\s*<gco:CharacterString[^>]*>([^<]+)</.exec(xml)?.[1];
      const dateStamp =
        /<gmd:dateStamp>\s*<gco:Date(?:Time)?[^>]*>([^<]+)</.exec(xml)?.[1] ?? '1970-01-01';
      if (id) records.set(id.trim(), { xml, dateStamp: dateStamp.trim() });
    }
  }
  return records;
}

/**
 * The records of German publishers among the fixtures, which the demo source of `npm start`
 * serves: BKG's GN250 dataset and its WFS and WMS, HLBG's (Hessen) hydrography dataset and WMS,
 * LDBV's (Bayern) ALKIS WFS. Left out: Scotland (Country Parks), Flanders (DOV), Belgium (NGI)
 * and Austria (ZAMG) — a German inventory's demo shows no foreign records.
 */
export const GERMAN_FIXTURE_RECORD_IDS: readonly string[] = [
  '142d56bb-108b-4e6a-96a6-8239b80af77e',
  '256a7a13-2bc7-462c-8353-4d09f6c3f8a8',
  'cd7b8516-bbe3-4836-9ed8-b49b6d279932',
  'def3f393-48c8-730a-328f-947231f493f4',
  'f1950cd0-de59-413c-93fd-b669af06c863',
  '01ef8e6a-df59-4c2d-8468-79da95046705',
];

/** The fixtures' records of German publishers (GERMAN_FIXTURE_RECORD_IDS); fails if one is gone. */
export function germanFixtureRecords(fixturesDir: string): Map<string, CatalogueRecord> {
  const all = fixtureRecords(fixturesDir);
  const missing = GERMAN_FIXTURE_RECORD_IDS.filter((id) => !all.has(id));
  if (missing.length > 0)
    throw new Error(`the fixtures in ${fixturesDir} lack the records ${missing.join(', ')}`);
  return new Map(GERMAN_FIXTURE_RECORD_IDS.map((id) => [id, all.get(id) as CatalogueRecord]));
}

const RESPONSE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse ' +
  'xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="2.0.2">';

/**
 * A minimal CSW 2.0.2 GetRecords endpoint on loopback serving ISO records from memory: sorted by
 * identifier, `hits` and `results`, paging with correct `nextRecord`, and the `Modified >=`
 * filter of incremental runs. Used by `npm start` as the local demo source and, with hostile
 * behaviours added, by the tests. Not a general CSW server: it ignores other constraints.
 */
export class FixtureCatalogue {
  readonly records = new Map<string, CatalogueRecord>();
  protected server: Server | null = null;

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('catalogue not started');
    return `http://127.0.0.1:${address.port}/csw`;
  }

  put(id: string, xml: string, dateStamp = '2026-01-01'): void {
    this.records.set(id, { xml, dateStamp });
  }

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(`catalogue failed: ${error.message}`);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, host, resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The normal answer: a page of the records matching the request. */
  page(request: CswRequest): string {
    const all = [...this.records.entries()]
      .filter(([, r]) => request.since === null || r.dateStamp >= request.since)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const hits = request.resultType === 'hits';
    const slice = hits ? [] : all.slice(request.start - 1, request.start - 1 + request.max);
    const after = request.start + slice.length;
    const next = hits ? 1 : after > all.length ? 0 : after;
    return this.response(all.length, slice.length, next, slice.map(([, r]) => r.xml).join('\n'));
  }

  /** A GetRecordsResponse with the given numbers and records (null next = no attribute). */
  response(matched: number, returned: number, next: number | null, records: string): string {
    const nextAttribute = next === null ? '' : ` nextRecord="${next}"`;
    return (
      `${RESPONSE_OPEN}\n<csw:SearchStatus timestamp="${new Date().toISOString()}"/>\n` +
      `<csw:SearchResults numberOfRecordsMatched="${matched}" numberOfRecordsReturned="${returned}"` +
      ` elementSet="full"${nextAttribute}>\n${records}\n</csw:SearchResults>\n</csw:GetRecordsResponse>\n`
    );
  }

  /** Answers one parsed request; subclasses may answer differently. */
  protected async answer(request: CswRequest, res: ServerResponse): Promise<void> {
    res.setHeader('content-type', 'application/xml; charset=UTF-8');
    res.end(this.page(request));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const request = parseCswRequest(req.method ?? 'GET', url, body);
    this.onRequest(request);
    if (!url.pathname.endsWith('/csw')) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    await this.answer(request, res);
  }

  protected onRequest(_request: CswRequest): void {
    // for subclasses that keep a log
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1024 * 1024) req.destroy(new Error('request too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The paging parameters of a GetRecords request, POST (XML) or GET (KVP). */
export function parseCswRequest(method: string, url: URL, body: string): CswRequest {
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(body)?.[1];
  const param = (name: string) =>
    [...url.searchParams.entries()].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const get = (name: string) => (method === 'POST' ? attr(name) : param(name));
  const constraint = method === 'POST' ? body : (param('constraint') ?? '');
  const since = /apiso:Modified[\s\S]*?(\d{4}-\d{2}-\d{2})/.exec(constraint)?.[1] ?? null;
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return {
    method,
    path: url.pathname,
    resultType: get('resultType') ?? 'results',
    start: Math.max(1, number(get('startPosition'), 1)),
    max: Math.min(1000, number(get('maxRecords'), 10)),
    since,
    sortBy: method === 'POST' ? body.includes('SortBy') : param('sortBy') !== undefined,
  };
}
