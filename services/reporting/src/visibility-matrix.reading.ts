import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type Fixture,
  type Operation,
  OWN_LAND,
  OWN_QUERIES,
  type Read,
  UNDECLARED_REPRESENTATIONS,
  WORD,
} from './visibility-matrix.cases';

/** How the reporting visibility matrix (visibility-matrix.int-spec.ts) reads an operation's responses. */

/** The text of a PDF (pdf.js in a plain Node process: its worker needs a dynamic import jest lacks). */
export const pdfText = async (pdf: Buffer, work: string): Promise<string> => {
  const file = join(work, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  const { stdout } = await promisify(execFile)(process.execPath, [
    '-e',
    `const { PDFParse } = require('pdf-parse');
     const parser = new PDFParse({ data: require('node:fs').readFileSync(process.argv[1]) });
     parser.getText().then(({ text }) => console.log(JSON.stringify(text)));`,
    file,
  ]);
  return JSON.parse(stdout) as string;
};

/** Values for the path parameters, from the fixture; a parameter without any fails. */
const pathValues = (fixture: Fixture): Record<string, string[]> => ({
  code: [OWN_LAND],
  collectionId: ['inventar'],
  recordId: [fixture.secretPlatform, fixture.secretDataset, fixture.publicPlatform],
  id: [fixture.secretDataset, fixture.publicDataset],
  roundId: [fixture.roundId],
});

/** The requests that read one operation: every path value, searches, every representation. */
export const requestsOf = (
  operation: Operation,
  fixture: Fixture,
): { url: string; accept?: string }[] => {
  let paths = [operation.path];
  for (const [, name] of operation.path.matchAll(/\{(\w+)\}/g)) {
    const values = pathValues(fixture)[name];
    if (!values) throw new Error(`${operation.path}: no fixture value for {${name}}`);
    paths = paths.flatMap((p) => values.map((v) => p.replace(`{${name}}`, v)));
  }
  const has = (name: string) => operation.query.find((q) => q.name === name);
  // The largest page the operation allows, so that no record is on a later page.
  const page = ['limit', 'pageSize']
    .map((name) => has(name))
    .filter((q) => q?.maximum !== undefined)
    .map((q) => `${q?.name}=${q?.maximum}`);
  const queries = OWN_QUERIES[operation.path]?.(fixture) ?? [
    page,
    ...(has('q') ? [[...page, `q=${WORD}`]] : []),
  ];
  if (has('landCode')) queries.push([...page, `landCode=${OWN_LAND}`]);
  const accepts = operation.produces.length > 1 ? operation.produces : [undefined];

  return paths.flatMap((path) =>
    queries.flatMap((query) =>
      accepts.map((accept) => ({
        url: query.length ? `${path}?${query.join('&')}` : path,
        accept,
      })),
    ),
  );
};

export const secretsIn = (text: string, fixture: Fixture) =>
  [fixture.secretPlatform, fixture.secretDataset, ...fixture.secretMarkers].filter((s) =>
    text.includes(s),
  );
export const publicIn = (text: string, fixture: Fixture) =>
  [fixture.publicPlatform, fixture.publicDataset, fixture.publicMarker].filter((s) =>
    text.includes(s),
  );

/**
 * A complete list counts what it lists: a total over records the caller may not see would
 * betray them. Holds trivially for responses that are not one-page lists.
 */
export const countsOverWhatIsListed = (response: Read) => {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return { url: response.url, caller: expect.any(String), equal: true };
  }
  const page = body as {
    items?: unknown[];
    total?: number;
    nextCursor?: string | null;
    features?: unknown[];
    numberMatched?: number;
    links?: { rel: string }[];
  };
  let equal = true;
  if (Array.isArray(page.items) && typeof page.total === 'number' && page.nextCursor === null)
    equal = page.total === page.items.length;
  if (Array.isArray(page.features) && !page.links?.some((l) => l.rel === 'next'))
    equal = page.numberMatched === page.features.length;
  return { url: response.url, caller: expect.any(String), equal };
};

/** The GET operations of an OpenAPI document, with their query parameters and representations. */
export const getOperationsOf = (document: unknown): Operation[] => {
  const doc = document as {
    paths: Record<
      string,
      {
        get?: {
          parameters?: { name: string; in: string; schema?: { maximum?: number } }[];
          responses?: Record<string, { content?: Record<string, unknown> }>;
        };
      }
    >;
  };
  return Object.entries(doc.paths)
    .filter(([, item]) => item.get)
    .map(([path, item]) => ({
      path,
      query: (item.get?.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, maximum: p.schema?.maximum })),
      produces: [
        ...new Set([
          ...Object.keys(item.get?.responses?.['200']?.content ?? {}),
          ...(UNDECLARED_REPRESENTATIONS[path] ?? []),
        ]),
      ],
    }));
};
