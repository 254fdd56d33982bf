import {
  databaseUrl,
  eventually,
  freePort,
  issueToken,
  ServiceProcess,
  migrateService,
} from '@dpi/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RuleEvaluator } from './handlungsbedarfe/rule-evaluator';
import { readEvents, type SseEvent } from './live/sse.test-helper';
import { ReportingUnderTest, startReporting } from './reporting.test-helper';
import {
  countsOverWhatIsListed,
  getOperationsOf,
  pdfText,
  publicIn,
  requestsOf,
  secretsIn,
} from './visibility-matrix.reading';
import {
  ADMIN_TOKEN,
  OWN_LAND,
  OTHER_LAND,
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

/**
 * Issue 17: what a Land marks NON_PUBLIC is seen only by its own Land's editors, reviewers and
 * admins. Every GET operation of reporting's OpenAPI document is read by every kind of caller; the
 * records come the real way (registry REST API → outbox → Kafka → reporting's projector) and the
 * tokens are checked by a real registry. A cell "sees" when the response names a NON_PUBLIC record
 * (its id or the marker word in its name and description). An operation of the document that is
 * not listed in visibility-matrix.cases.ts fails the test, so a new endpoint cannot slip past the rule.
 */
describe('reporting: NON_PUBLIC records reach their own Land and reviewers only, on every GET operation (issue 17)', () => {
  let registry: ServiceProcess;
  let r: ReportingUnderTest;
  let base: string;
  let work: string;
  const tokens = new Map<Caller, string | undefined>();
  let operations: Operation[] = [];
  let fixture: Fixture;
  /** What each caller's live stream received while the fixture was registered and projected. */
  const streams = new Map<string, { status: number; events: SseEvent[] }>();
  const abort = new AbortController();

  const headersOf = (caller: Caller, extra: Record<string, string> = {}) => {
    const token = tokens.get(caller);
    return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
  };

  const registryPost = async (path: string, body: object): Promise<string> => {
    const response = await fetch(`${registry.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens.get('own Land editor')}`,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${text}`);
    return (JSON.parse(text) as { id: string }).id;
  };

  const read = async (url: string, caller: Caller, accept?: string): Promise<Read> => {
    const response = await fetch(`${base}${url}`, {
      headers: headersOf(caller, accept ? { accept } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    if (/text\/event-stream/.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel();
      throw new Error(`GET ${url} is a live stream its document does not declare`);
    }
    const body = Buffer.from(await response.arrayBuffer());
    const pdf =
      response.status === 200 &&
      /application\/pdf/.test(response.headers.get('content-type') ?? '');
    return {
      url,
      status: response.status,
      text: pdf ? await pdfText(body, work) : body.toString('utf8'),
    };
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'visibility-matrix-'));
    // Reporting and the registry share one namespace (schemas, topics): what the registry
    // publishes is what reporting projects. Reporting asks the registry who a token is.
    const registryPort = await freePort();
    r = await startReporting('visibilitymatrix', {
      REGISTRY_URL: `http://127.0.0.1:${registryPort}`,
    });
    // Nest's ConfigModule wrote reporting's validated settings into process.env, which a child
    // process inherits: the registry must not join reporting's consumer group.
    const env = r.ns.env('registry', {
      DPI_ADMIN_TOKEN: ADMIN_TOKEN,
      KAFKA_GROUP_ID: 'dpi-registry',
    });
    migrateService('registry', env);
    registry = new ServiceProcess('registry', env, registryPort);
    await registry.start();
    base = await r.serve();
    const issue = (name: string, role: 'land-editor' | 'reviewer', landCode?: string) =>
      issueToken(registry.url, ADMIN_TOKEN, { name, role, ...(landCode ? { landCode } : {}) });
    tokens.set('anonymous', undefined);
    tokens.set('other Land editor', await issue('editor-be', 'land-editor', OTHER_LAND));
    tokens.set('own Land editor', await issue('editor-bb', 'land-editor', OWN_LAND));
    tokens.set('reviewer', await issue('reviewer-ag', 'reviewer'));
    tokens.set('unknown or malformed token', `unknown-${randomBytes(16).toString('hex')}`);

    operations = getOperationsOf(await (await fetch(`${base}/api/docs-json`)).json());

    // Live streams are read while the records arrive: open one per stream and caller first.
    for (const { path } of operations.filter(isStream))
      for (const caller of CALLERS) {
        const events: SseEvent[] = [];
        const response = await readEvents(
          `${base}${path}`,
          abort.signal,
          events,
          tokens.get(caller),
        );
        streams.set(`${path} ${caller}`, { status: response.status, events });
      }

    const tag = randomBytes(4).toString('hex');
    const secretMarkers = [`Geheimplattform${tag}`, `Geheimdatensatz${tag}`];
    const publicMarker = `Offenplattform${tag}`;
    const dataset = (title: string, accessRights: string, marker = '') => ({
      title: `${title} ${marker} ${WORD}`,
      description: `Beschreibung ${marker}`,
      landCode: OWN_LAND,
      accessRights,
    });
    // No bbox and no contact: the NON_PUBLIC dataset is among the records of Land findings.
    const secretDataset = await registryPost(
      '/api/v1/datasets',
      dataset('Leitungskataster', 'NON_PUBLIC', secretMarkers[1]),
    );
    const publicDataset = await registryPost('/api/v1/datasets', {
      ...dataset('Bebauungspläne', 'PUBLIC'),
      bbox: [13.0, 52.3, 13.2, 52.5],
      contactEmail: 'geodaten@example.org',
    });
    const platform = (
      name: string,
      accessRights: string,
      marker: string,
      datasetIds: string[],
    ) => ({
      name: `${name} ${marker} ${WORD}`,
      description: `Beschreibung ${marker}`,
      landCode: OWN_LAND,
      // In production without a machine-readable endpoint: each platform has a finding of its own.
      type: 'urbanDataPlatform',
      status: 'production',
      accessRights,
      datasetIds,
    });
    const secretPlatform = await registryPost(
      '/api/v1/platforms',
      platform('Interne Plattform', 'NON_PUBLIC', secretMarkers[0], [secretDataset]),
    );
    const publicPlatform = await registryPost(
      '/api/v1/platforms',
      platform('Offene Plattform', 'PUBLIC', publicMarker, [secretDataset, publicDataset]),
    );
    const twin = await registryPost('/api/v1/twins', {
      name: `Zwilling ${WORD}`,
      landCode: OWN_LAND,
      scope: 'state',
      kind: 'geobasis',
      maturityLevel: 2,
      platformIds: [secretPlatform, publicPlatform],
      datasetIds: [secretDataset, publicDataset],
    });
    // A survey round (issue 22) over the probe records: opened by the admin, all of them open.
    const roundResponse = await fetch(`${registry.url}/api/v1/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        title: `Runde ${WORD}`,
        referenceDate: '2026-12-01',
        deadline: '2099-01-01T00:00:00Z',
        kinds: ['platform', 'dataset', 'digital-twin'],
        landCodes: [OWN_LAND],
      }),
    });
    if (roundResponse.status !== 201)
      throw new Error(`POST /api/v1/rounds: ${roundResponse.status} ${await roundResponse.text()}`);
    const roundId = ((await roundResponse.json()) as { id: string }).id;
    fixture = {
      roundId,
      secretPlatform,
      secretDataset,
      publicPlatform,
      publicDataset,
      twin,
      secretMarkers,
      publicMarker,
    };

    // Barriers, no waiting by the clock: the registry's outbox is empty (a row is deleted once
    // Kafka acknowledged it), reporting's consumer group has committed the end of its topics (it
    // commits what it applied), the rules are evaluated over that state, and a change sent
    // afterwards has reached every open stream (so everything before it has, too).
    const db = new Client({ connectionString: databaseUrl() });
    await db.connect();
    try {
      await eventually(
        async () => {
          const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${env.DB_SCHEMA}.outbox`);
          expect(rows[0].n).toBe(0);
        },
        { timeoutMs: 30_000 },
      );
    } finally {
      await db.end();
    }
    await r.projected();
    // The round's own consumer group: every probe record projected into it.
    await eventually(
      async () => {
        const response = await fetch(`${base}/api/v1/rounds/${fixture.roundId}/progress`, {
          headers: headersOf('reviewer'),
        });
        const body = (await response.json()) as { laender: { inScope: number }[] };
        expect(body.laender[0]?.inScope).toBe(5);
      },
      { timeoutMs: 30_000 },
    );
    await r.app.get(RuleEvaluator).evaluate();
    const sentinel = randomUUID();
    await r.producer.send([r.events.dataset(sentinel, 1, { landCode: 'DE-NW' })]);
    await eventually(
      () => {
        for (const [stream, { status, events }] of streams)
          if (status === 200)
            expect({ stream, sentinel: JSON.stringify(events).includes(sentinel) }).toEqual({
              stream,
              sentinel: true,
            });
      },
      { timeoutMs: 30_000 },
    );
    abort.abort();
  }, 180_000);

  afterAll(async () => {
    abort.abort();
    await r?.close();
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

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
