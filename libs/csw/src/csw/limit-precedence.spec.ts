import { CswError, ResponseTooLargeError, XmlSecurityError, XmlSyntaxError } from '../errors';
import { IsoParseWorker, type IsoRecordsParser } from '../iso/worker-parser';
import { parseIsoRecords } from '../iso/parser';
import { CswClient } from './client';

/**
 * Which error a response that crosses several limits fails with: the one crossed first in the
 * input's byte order. The network's chunking and the thread that parses must not change it (it
 * once did: a chunk that crossed the byte limit was dropped whole, so the parser never saw the
 * oversized text node in front of the limit — or did, when the chunks happened to be small).
 */

// The worker runs the built library (`npm test` builds first).
const worker = new IsoParseWorker();
afterAll(() => worker.close());

const MAX_BYTES = 64 * 1024;
const MAX_TEXT = 32_000;

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">' +
  '<csw:SearchResults numberOfRecordsMatched="0" numberOfRecordsReturned="0" nextRecord="0">';
const TAIL = '</csw:SearchResults></csw:GetRecordsResponse>';

/** Well-formed markup of `n` bytes: small comments, no text node anywhere near a limit. */
const padding = (n: number) => '<!---->'.repeat(Math.ceil(n / 7)).slice(0, n - (n % 7));
const document = (...middle: string[]) => Buffer.from(HEAD + middle.join('') + TAIL);

/** The same bytes cut into chunks in every way that once mattered. */
const CHUNKINGS: [string, (body: Buffer) => Buffer[]][] = [
  ['the whole body in one chunk', (body) => [body]],
  ['1 KiB chunks', (body) => cut(body, 1024)],
  ['48 KiB chunks', (body) => cut(body, 48 * 1024)],
  [
    'a chunk ending exactly at the limit',
    (body) => [body.subarray(0, MAX_BYTES), body.subarray(MAX_BYTES)],
  ],
  [
    'a chunk ending one byte past the limit',
    (body) => [body.subarray(0, MAX_BYTES + 1), body.subarray(MAX_BYTES + 1)],
  ],
];

const PARSERS: [string, () => IsoRecordsParser][] = [
  ['in thread', () => parseIsoRecords],
  ['on the parse worker', () => worker.parse],
];

function cut(body: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) chunks.push(body.subarray(i, i + size));
  return chunks;
}

/** A fetch whose response body arrives in exactly these chunks. */
function fetchOf(chunks: Buffer[]): typeof fetch {
  return async () => {
    const queue = chunks.map((c) => new Uint8Array(c));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = queue.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/xml' } });
  };
}

async function outcome(body: Buffer, chunking: (b: Buffer) => Buffer[], parser: IsoRecordsParser) {
  const client = new CswClient({
    url: 'http://csw.invalid/csw',
    method: 'POST',
    maxResponseBytes: MAX_BYTES,
    parse: { maxTextNodeChars: MAX_TEXT },
    fetch: fetchOf(chunking(body)),
    parser,
  });
  return client.getRecordsPage({ start: 1, maxRecords: 10 }, { onRecord: () => undefined }).then(
    () => 'no error',
    (e: unknown) => e,
  );
}

const CASES: { name: string; body: Buffer; expected: (e: unknown) => void }[] = [
  {
    name: 'an oversized text node that starts early: its limit is crossed first',
    body: document('<!--', 'x'.repeat(200_000), '-->'),
    expected: (e) => {
      expect(e).toBeInstanceOf(XmlSecurityError);
      expect(e).toMatchObject({ code: 'XML_TEXT_TOO_LARGE' });
      expect((e as Error).message).toMatch(`longer than ${MAX_TEXT} characters`);
    },
  },
  {
    name: 'an oversized text node that starts late: the byte limit is crossed first',
    body: document(padding(50_000), '<!--', 'x'.repeat(200_000), '-->'),
    expected: (e) => expect(e).toBeInstanceOf(ResponseTooLargeError),
  },
  {
    name: 'malformed XML before the byte limit: the syntax error comes first',
    body: document(padding(60_000), '<a></b>', padding(100_000)),
    expected: (e) => expect(e).toBeInstanceOf(XmlSyntaxError),
  },
  {
    name: 'malformed XML after the byte limit: the byte limit comes first',
    body: document(padding(70_000), '<a></b>', padding(100_000)),
    expected: (e) => expect(e).toBeInstanceOf(ResponseTooLargeError),
  },
  {
    name: 'only padding: the byte limit',
    body: document(padding(200_000)),
    expected: (e) => {
      expect(e).toBeInstanceOf(ResponseTooLargeError);
      expect(e).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: MAX_BYTES });
    },
  },
];

describe('a response that crosses several limits fails with the first in byte order', () => {
  describe.each(PARSERS)('parsed %s', (_parser, parser) => {
    describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, { body, expected }) => {
      it.each(CHUNKINGS)('%s', async (_chunking, chunking) => {
        const error = await outcome(body, chunking, parser());
        expect(error).toBeInstanceOf(CswError);
        expected(error);
      });
    });
  });

  it('a response of exactly the byte limit is read whole (the limit is inclusive)', async () => {
    const head = document('');
    const body = document(padding(MAX_BYTES - head.length));
    expect(body.length).toBeLessThanOrEqual(MAX_BYTES);
    expect(body.length).toBeGreaterThan(MAX_BYTES - 7);
    for (const [, parser] of PARSERS) {
      expect(await outcome(body, (b) => [b], parser())).toBe('no error');
    }
  });
});
