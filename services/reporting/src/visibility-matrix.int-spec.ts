import { randomUUID } from 'node:crypto';
import {
  countsOverWhatIsListed,
  publicIn,
  requestsOf,
  secretsIn,
} from './visibility-matrix.reading';
import {
  WORD,
  OPERATIONS,
  UNDECLARED_REPRESENTATIONS,
  Caller,
  CALLERS,
  MAY_SEE_NON_PUBLIC,
  Cell,
  expectedCell,
  Operation,
  Fixture,
  Read,
  isStream,
  UUID,
} from './visibility-matrix.cases';
import { useVisibilityMatrix } from './visibility-matrix.test-helper';

/**
 * Issue 17: what a Land marks NON_PUBLIC is seen only by its own Land's editors, reviewers and
 * admins. Every GET operation of reporting's OpenAPI document is read by every kind of caller; the
 * records come the real way (registry REST API → outbox → Kafka → reporting's projector) and the
 * tokens are checked by a real registry. A cell "sees" when the response names a NON_PUBLIC record
 * (its id or the marker word in its name and description). An operation of the document that is
 * not listed in visibility-matrix.cases.ts fails the test, so a new endpoint cannot slip past the rule.
 */
describe('reporting: NON_PUBLIC records reach their own Land and reviewers only, on every GET operation (issue 17)', () => {
  // Reporting and the registry, the callers' tokens, the live streams, the probe records and the
  // reads: visibility-matrix.test-helper.ts.
  const matrix = useVisibilityMatrix();
  const { streams, headersOf, read } = matrix;
  let base: string;
  let operations: Operation[];
  let fixture: Fixture;
  beforeAll(() => ({ base, operations, fixture } = matrix.started()));

  /**
   * One cell: what `caller` gets from every request of `operation`. A 404 for one record reads as
   * "hidden" only when it looks exactly like the 404 for an id that does not exist.
   */
  const probe = async (
    operation: Operation,
    caller: Caller,
  ): Promise<{ cell: Cell; seen: string[]; controls: string[]; statuses: string[] }> => {
    let reads: Read[];
    if (isStream(operation)) {
      const stream = streams.get(`${operation.path} ${caller}`);
      if (!stream) throw new Error(`no stream for ${caller}`);
      reads = [{ url: operation.path, status: stream.status, text: JSON.stringify(stream.events) }];
    } else {
      reads = [];
      for (const { url, accept } of requestsOf(operation, fixture))
        reads.push(await read(url, caller, accept));
    }
    const seen = new Set<string>();
    const controls = new Set<string>();
    for (const response of reads) {
      if (response.status === 401) continue;
      const requestedId = /\/items\/([0-9a-f-]{36})(\/quality)?$/.exec(response.url)?.[1];
      if (response.status === 404 && requestedId && UUID.test(requestedId)) {
        const unknown = randomUUID();
        const missing = await read(response.url.replace(requestedId, unknown), caller);
        const shape = (text: string, id: string) => {
          const body = JSON.parse(text.split(id).join('<id>')) as Record<string, unknown>;
          delete body.instance;
          delete body.requestId;
          return body;
        };
        expect(shape(response.text, requestedId)).toEqual(shape(missing.text, unknown));
        continue;
      }
      if (response.status !== 200)
        throw new Error(`GET ${response.url} as ${caller}: ${response.status} ${response.text}`);
      expect(countsOverWhatIsListed(response)).toEqual({ url: response.url, caller, equal: true });
      for (const s of secretsIn(response.text, fixture)) seen.add(s);
      for (const s of publicIn(response.text, fixture)) controls.add(s);
    }
    const statuses = [...new Set(reads.map((x) => String(x.status)))];
    const refused = reads.every((x) => x.status === 401);
    if (!refused && reads.some((x) => x.status === 401))
      throw new Error(`${operation.path} as ${caller}: refused only some reads (${statuses})`);
    return {
      cell: refused ? 'refused' : seen.size > 0 ? 'sees' : 'hidden',
      seen: [...seen],
      controls: [...controls],
      statuses,
    };
  };

  it('lists every GET operation of the OpenAPI document (a new one must be decided in visibility-matrix.cases.ts)', () => {
    const paths = operations.map((o) => o.path);
    expect(paths.filter((p) => !(p in OPERATIONS))).toEqual([]);
    // The list does not go stale either.
    expect(Object.keys(OPERATIONS).filter((p) => !paths.includes(p))).toEqual([]);
    expect(Object.keys(UNDECLARED_REPRESENTATIONS).filter((p) => !paths.includes(p))).toEqual([]);
    // Every path parameter has fixture values.
    for (const operation of operations) expect(() => requestsOf(operation, fixture)).not.toThrow();
  });

  it('shows NON_PUBLIC records exactly to the own Land editor and reviewers, on every operation', async () => {
    const covered = operations.filter((o) => o.path in OPERATIONS);
    const actual: Record<string, Record<Caller, Cell>> = {};
    const expected: Record<string, Record<Caller, Cell>> = {};
    const leaks: string[] = [];
    const missingControls: string[] = [];
    let requests = 0;
    for (const operation of covered) {
      const shows = OPERATIONS[operation.path];
      actual[operation.path] = {} as Record<Caller, Cell>;
      expected[operation.path] = {} as Record<Caller, Cell>;
      requests += isStream(operation) ? 1 : requestsOf(operation, fixture).length;
      for (const caller of CALLERS) {
        const { cell, seen, controls } = await probe(operation, caller);
        actual[operation.path][caller] = cell;
        expected[operation.path][caller] = expectedCell(shows, caller);
        if (cell === 'sees' && expectedCell(shows, caller) !== 'sees')
          leaks.push(`${operation.path} → ${caller}: ${seen.join(', ')}`);
        // Negative control: where records are shown, every caller who is answered sees the
        // public ones, so a "hidden" cell is not an empty or failed answer.
        if (shows !== 'no records' && cell !== 'refused' && controls.length === 0)
          missingControls.push(`${operation.path} → ${caller}`);
      }
    }
    const cells = covered.length * CALLERS.length;
    process.stdout.write(
      `reporting visibility matrix: ${covered.length} operations × ${CALLERS.length} callers = ` +
        `${cells} cells (${requests} requests per caller), ${leaks.length} leaks\n` +
        leaks.map((l) => `  leak: ${l}\n`).join(''),
    );
    expect(leaks).toEqual([]);
    expect(missingControls).toEqual([]);
    expect(actual).toEqual(expected);
    // The matrix can see records at all: the reviewer sees them on every record operation.
    const recordOperations = Object.values(OPERATIONS).filter((s) => s === 'records').length;
    expect(Object.values(actual).filter((row) => row.reviewer === 'sees').length).toBe(
      recordOperations,
    );
    expect(cells).toBeGreaterThanOrEqual(28 * CALLERS.length);
  }, 300_000);

  it('refuses a malformed Authorization header with 401, as an unknown token', async () => {
    for (const header of ['Basic dXNlcjpwdw==', 'Bearer', `Bearer ${WORD} ${WORD}`]) {
      const response = await fetch(`${base}/api/v1/items`, { headers: { authorization: header } });
      expect({ header, status: response.status }).toEqual({ header, status: 401 });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('drops NON_PUBLIC ids from the links of public items for everyone but the own Land and reviewers', async () => {
    const links = async (caller: Caller) => {
      const response = await fetch(`${base}/api/v1/items?q=${WORD}&limit=500`, {
        headers: headersOf(caller),
      });
      const { items } = (await response.json()) as {
        items: { id: string; links: Record<string, unknown> }[];
      };
      return Object.fromEntries(items.map((i) => [i.id, i.links]));
    };
    for (const caller of CALLERS.filter((c) => c !== 'unknown or malformed token')) {
      const seen = await links(caller);
      const mayNameSecret = MAY_SEE_NON_PUBLIC.has(caller);
      expect({ caller, platform: seen[fixture.publicPlatform]?.datasetIds }).toEqual({
        caller,
        platform: mayNameSecret
          ? expect.arrayContaining([fixture.secretDataset, fixture.publicDataset])
          : [fixture.publicDataset],
      });
      expect({ caller, twin: seen[fixture.twin]?.platformIds }).toEqual({
        caller,
        twin: mayNameSecret
          ? expect.arrayContaining([fixture.secretPlatform, fixture.publicPlatform])
          : [fixture.publicPlatform],
      });
    }
  });
});
