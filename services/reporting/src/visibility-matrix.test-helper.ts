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
  ADMIN_TOKEN,
  OWN_LAND,
  OTHER_LAND,
  WORD,
  Caller,
  CALLERS,
  Operation,
  Fixture,
  Read,
  isStream,
} from './visibility-matrix.cases';
import { getOperationsOf, pdfText } from './visibility-matrix.reading';

/**
 * The set-up of visibility-matrix.int-spec.ts (issue 17): reporting and a real registry in one
 * namespace, a token per kind of caller, every live stream opened per caller, the probe records
 * written through the registry's API and projected (with barriers, no waiting by the clock), and
 * the reads of the matrix.
 */
export interface VisibilityMatrix {
  /** What beforeAll set up: reporting's base URL, the GET operations of its document, the records. */
  started(): { base: string; operations: Operation[]; fixture: Fixture };
  /** What each caller's live stream received while the fixture was registered and projected. */
  streams: Map<string, { status: number; events: SseEvent[] }>;
  headersOf(caller: Caller, extra?: Record<string, string>): Record<string, string>;
  /** GET from reporting as `caller`; a PDF as its text. */
  read(url: string, caller: Caller, accept?: string): Promise<Read>;
}

/** Starts both services and writes and projects the probe records in beforeAll; stops in afterAll. */
export function useVisibilityMatrix(): VisibilityMatrix {
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

  return { started: () => ({ base, operations, fixture }), streams, headersOf, read };
}
