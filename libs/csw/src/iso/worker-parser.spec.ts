import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NotXmlError, XmlSecurityError, XmlSyntaxError } from '../errors';
import { parseIsoRecords } from './parser';
import type { ForeignRecord, IsoParseResult, IsoRecord } from './types';
import { IsoParseWorker } from './worker-parser';

// The worker runs the built library (`npm test` builds first).
const FIXTURES = join(__dirname, '../../../../../shared/fixtures/csw');

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xmlFiles(path);
    return name.endsWith('.xml') ? [path] : [];
  });
}

async function* chunked(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

type Outcome =
  | { result: IsoParseResult; records: IsoRecord[]; foreign: ForeignRecord[] }
  | { error: { class: string; code: unknown; message: string } };

async function outcome(
  parse: typeof parseIsoRecords,
  data: Buffer,
  chunkSize = 4096,
): Promise<Outcome> {
  const records: IsoRecord[] = [];
  const foreign: ForeignRecord[] = [];
  try {
    const result = await parse(chunked(data, chunkSize), (r) => void records.push(r), {
      onForeignRecord: (r) => void foreign.push(r),
    });
    return { result, records, foreign };
  } catch (e) {
    const error = e as Error & { code?: unknown };
    return { error: { class: error.constructor.name, code: error.code, message: error.message } };
  }
}

describe('IsoParseWorker', () => {
  const worker = new IsoParseWorker();
  afterAll(() => worker.close());

  it('is built (npm test builds the libraries first)', () => {
    expect(IsoParseWorker.available()).toBe(true);
  });

  it.each(xmlFiles(FIXTURES).map((path) => [relative(FIXTURES, path), path]))(
    'gives what parseIsoRecords gives for %s',
    async (_name, path) => {
      const data = readFileSync(path);
      const inThread = await outcome(parseIsoRecords, data);
      const inWorker = await outcome(worker.parse, data);
      expect(inWorker).toEqual(inThread);
    },
  );

  it('rebuilds the typed errors of hostile or broken input, with their fields', async () => {
    const doctype = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    );
    const refused = await worker.parse(doctype, () => undefined).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(XmlSecurityError);
    expect(refused).toMatchObject({ code: 'XML_DOCTYPE_REFUSED' });

    const broken = await worker
      .parse(
        Buffer.from(
          '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">\n<b></a>',
        ),
        () => undefined,
      )
      .catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(XmlSyntaxError);
    expect(broken).toMatchObject({ code: 'XML_SYNTAX', line: 2 });

    const html = await worker
      .parse('<html><body>Service Unavailable</body></html>', () => undefined)
      .catch((e: unknown) => e);
    expect(html).toBeInstanceOf(NotXmlError);
  });

  it('reads a large document no faster than the worker parses it, records in order', async () => {
    const page = readFileSync(join(FIXTURES, 'ingrid-harvester-gdk/GetRecordsResults.xml'));
    let read = 0;
    let maxAhead = 0;
    const ids: (string | null)[] = [];
    // 40 copies of the page's records: about 8 MB, read 64 KB at a time.
    async function* source(): AsyncGenerator<Buffer> {
      const text = page.toString('utf8');
      const open = text.indexOf('<gmd:MD_Metadata');
      const close = text.lastIndexOf('</csw:SearchResults>');
      yield Buffer.from(text.slice(0, open));
      for (let i = 0; i < 40; i++) {
        for await (const c of chunked(Buffer.from(text.slice(open, close)), 64 * 1024)) {
          read += c.length;
          maxAhead = Math.max(maxAhead, read - parsedBytes());
          yield c;
        }
      }
      yield Buffer.from(text.slice(close));
    }
    let parsedCount = 0;
    const recordBytes = (page.length * 0.9) / 5; // roughly: five records per page
    const parsedBytes = () => parsedCount * recordBytes;
    const result = await worker.parse(source(), (r) => {
      parsedCount++;
      ids.push(r.fileIdentifier);
    });
    expect(result.isoRecords).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(100);
    // The ids repeat the page's sequence, in order.
    const first = ids.slice(0, ids.length / 40);
    expect(ids).toEqual(Array.from({ length: 40 }, () => first).flat());
    // Never more than the in-flight bound (1 MB) and a record or two ahead of the parse.
    expect(maxAhead).toBeLessThan(3 * 1024 * 1024);
  });

  it('when the input breaks off, reports an error in what came before it, else the break', async () => {
    const head = '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">';
    const breaking = (body: string) =>
      async function* (): AsyncGenerator<string> {
        yield head + body;
        throw new Error('connection reset');
      };
    const syntax = await worker.parse(breaking('<a></b>')(), () => undefined).catch((e) => e);
    expect(syntax).toBeInstanceOf(XmlSyntaxError);
    const reset = await worker.parse(breaking('<a>')(), () => undefined).catch((e) => e);
    expect(reset).toEqual(new Error('connection reset'));
  });

  it('stops on abort, with the abort reason', async () => {
    const controller = new AbortController();
    async function* endless(): AsyncGenerator<string> {
      yield '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><x>';
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        yield '<y>text</y>';
      }
    }
    setTimeout(() => controller.abort(new Error('stop now')), 50);
    await expect(
      worker.parse(endless(), () => undefined, { signal: controller.signal }),
    ).rejects.toThrow('stop now');
  });
});
