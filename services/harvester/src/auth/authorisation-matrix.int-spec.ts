import {
  createTestNamespace,
  eventually,
  freePort,
  issueToken,
  ServiceProcess,
  migrateService,
} from '@dpi/testing';
import { ADMIN_TOKEN, HarvesterUnderTest, startHarvester } from '../harvester.test-helper';
import { TestCatalogue } from '../testing/test-catalogue.test-helper';

/**
 * Issue 17: one authorisation for all services. Every write route of the harvester's OpenAPI
 * document × every kind of caller, against a real registry process (built from dist/, as in
 * production) that issued and revoked the tokens. Admins and operators manage harvests; Land
 * editors and reviewers are known but refused (403); no, malformed, unknown and revoked tokens
 * are not known (401). A leak is a write that succeeded for a caller who must be refused.
 */
const REGISTRY_ADMIN_TOKEN = 'harvester-matrix-registry-admin-0123456789';

type Caller =
  | 'no token'
  | 'malformed'
  | 'unknown'
  | 'revoked registry token'
  | 'land-editor'
  | 'reviewer'
  | 'operator'
  | 'registry-issued admin'
  | 'bootstrap admin';

/** Who may write (2xx) and what everyone else gets. */
const EXPECTED: Record<Caller, 'writes' | 401 | 403> = {
  'no token': 401,
  malformed: 401,
  unknown: 401,
  'revoked registry token': 401,
  'land-editor': 403,
  reviewer: 403,
  operator: 'writes',
  'registry-issued admin': 'writes',
  'bootstrap admin': 'writes',
};
const CALLERS = Object.keys(EXPECTED) as Caller[];

interface Write {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * How to exercise one write route. `target(fresh)`: for a caller who may write, a target of its
 * own (the write changes or consumes it); for the others one shared target, on which a leaked write
 * would have succeeded just the same (a source without an active job, a job still active).
 */
interface Scenario {
  target(fresh: boolean): Promise<Write>;
  /** Once per cell that wrote: e.g. wait until the job it started has finished. */
  settle?(response: { json(): unknown }): Promise<void>;
}

describe('harvester authorisation matrix: every write route × every caller (real registry; issue 17)', () => {
  let registry: ServiceProcess;
  let h: HarvesterUnderTest;
  const catalogue = new TestCatalogue();
  /** A catalogue that never answers: its jobs stay active until cancelled. */
  const stuck = new TestCatalogue();
  const authorization = new Map<Caller, string | undefined>();
  let counter = 0;

  const source = (url: string, name = `Matrix source ${++counter}`) => ({
    name,
    landCode: 'DE-HH',
    url,
    enabled: false,
    timeoutMs: 600_000,
    retry: { maxAttempts: 1 },
  });

  const request = (caller: Caller, method: string, write: Write) =>
    h.app.inject({
      method: method as 'POST',
      url: write.url,
      headers: {
        ...(write.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(authorization.get(caller) ? { authorization: authorization.get(caller) } : {}),
        ...write.headers,
      },
      ...(write.body !== undefined ? { payload: JSON.stringify(write.body) } : {}),
    });

  /** A source created by the bootstrap admin, with its current ETag. */
  const createdSource = async (url = catalogue.url) => {
    const created = await h.createSource(source(url));
    return { id: created.id, etag: `"${created.version}"` };
  };
  const etagOf = async (id: string) => {
    const response = await h.request('GET', `/api/v1/sources/${id}`);
    expect(response.statusCode).toBe(200);
    return String(response.headers.etag);
  };
  /** A job that stays active (its catalogue never answers) until cancelled. */
  const activeJob = async () => {
    const { id } = await createdSource(stuck.url);
    const run = await h.request('POST', `/api/v1/sources/${id}/run`, { body: {} });
    expect(run.statusCode).toBe(202);
    return (run.json() as { id: string }).id;
  };

  let sharedJob: string | null = null;
  let sharedSource: { id: string; etag: string } | null = null;
  const shared = async () => (sharedSource ??= await createdSource());

  const SCENARIOS: Record<string, Scenario> = {
    'POST /api/v1/sources': {
      target: async () => ({ url: '/api/v1/sources', body: source(catalogue.url) }),
    },
    'PATCH /api/v1/sources/{id}': {
      target: async (fresh) => {
        const { id } = fresh ? await createdSource() : await shared();
        return {
          url: `/api/v1/sources/${id}`,
          body: { maxRequestsPerSecond: 5 },
          headers: { 'content-type': 'application/merge-patch+json', 'if-match': await etagOf(id) },
        };
      },
    },
    'DELETE /api/v1/sources/{id}': {
      target: async (fresh) => {
        const { id } = fresh ? await createdSource() : await shared();
        return { url: `/api/v1/sources/${id}`, headers: { 'if-match': await etagOf(id) } };
      },
    },
    'POST /api/v1/sources/{id}/run': {
      target: async (fresh) => {
        const { id } = fresh ? await createdSource() : await shared();
        return { url: `/api/v1/sources/${id}/run`, body: { mode: 'full' } };
      },
      settle: async (response) => {
        await h.waitForJob((response.json() as { id: string }).id);
      },
    },
    'POST /api/v1/jobs/{id}/cancel': {
      target: async (fresh) => {
        const job = fresh ? await activeJob() : (sharedJob ??= await activeJob());
        return { url: `/api/v1/jobs/${job}/cancel` };
      },
      settle: async (response) => {
        await h.waitForJob((response.json() as { id: string }).id);
      },
    },
  };

  /** What refused writes must leave alone: every source's version, every job's cancel flag. */
  const snapshot = async () => ({
    sources: (
      await h.db.query(
        `SELECT id, version, deleted_at IS NOT NULL AS deleted FROM ${h.schema}.harvest_source ORDER BY id`,
      )
    ).rows,
    jobs: (
      await h.db.query(
        `SELECT id, cancel_requested_at IS NOT NULL AS cancel FROM ${h.schema}.harvest_job ORDER BY id`,
      )
    ).rows,
  });

  let writeRoutes: { method: string; path: string; documented: string[] }[] = [];

  beforeAll(async () => {
    await catalogue.start();
    stuck.behaviour = () => ({ body: 'hang' });
    await stuck.start();

    const ns = await createTestNamespace('harvester-auth-registry');
    const env = ns.env('registry', { DPI_ADMIN_TOKEN: REGISTRY_ADMIN_TOKEN });
    migrateService('registry', env);
    registry = new ServiceProcess('registry', env, await freePort());
    await registry.start();
    const issue = (name: string, role: 'admin' | 'land-editor' | 'reviewer' | 'operator') =>
      issueToken(registry.url, REGISTRY_ADMIN_TOKEN, {
        name,
        role,
        ...(role === 'land-editor' ? { landCode: 'DE-HH' } : {}),
      });
    const bearer = (token: string) => `Bearer ${token}`;
    authorization.set('no token', undefined);
    authorization.set('malformed', 'Bearer not a token');
    authorization.set('unknown', bearer('dpi_unknown-token-of-nobody-0123456789'));
    // An operator token (that would be allowed) revoked before the harvester ever saw it.
    authorization.set('revoked registry token', bearer(await issue('former-operator', 'operator')));
    const revoked = await fetch(`${registry.url}/api/v1/admin/tokens/former-operator`, {
      method: 'DELETE',
      headers: { authorization: bearer(REGISTRY_ADMIN_TOKEN) },
    });
    expect(revoked.status).toBe(204);
    authorization.set('land-editor', bearer(await issue('hh-editor', 'land-editor')));
    authorization.set('reviewer', bearer(await issue('ag-reviewer', 'reviewer')));
    // Lower case: the scheme is case-insensitive (RFC 9110).
    authorization.set('operator', `bearer ${await issue('harvest-operator', 'operator')}`);
    authorization.set('registry-issued admin', bearer(await issue('personal-admin', 'admin')));
    authorization.set('bootstrap admin', bearer(ADMIN_TOKEN));

    h = await startHarvester('auth-matrix', {
      REGISTRY_URL: registry.url,
      REGISTRY_AUTH_CACHE_MS: '500',
    });
    const doc = (await h.request('GET', '/api/docs-json', { token: null })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    writeRoutes = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          documented: Object.keys(operation.responses ?? {}),
        })),
    );
  });

  afterAll(async () => {
    await h?.close();
    await registry?.stop();
    await Promise.all([catalogue.stop(), stuck.stop()]);
  });

  it('knows how to exercise every write route of the OpenAPI document, and each documents 401 and 403', () => {
    const routes = writeRoutes.map((r) => `${r.method} ${r.path}`);
    expect(routes.filter((r) => !SCENARIOS[r])).toEqual([]);
    expect(Object.keys(SCENARIOS).filter((r) => !routes.includes(r))).toEqual([]);
    const undocumented = writeRoutes
      .filter((r) => !['401', '403', '503'].every((status) => r.documented.includes(status)))
      .map((r) => `${r.method} ${r.path}`);
    expect(undocumented).toEqual([]);
  });

  it('lets exactly admins and operators write: 401 for unknown tokens, 403 for known ones without the role', async () => {
    const actual: Record<string, Record<Caller, number | 'writes'>> = {};
    const expected: Record<string, Record<Caller, number | 'writes'>> = {};
    const leaks: string[] = [];
    /** Refusals that were not clean: no problem document, no challenge, something changed. */
    const flaws: string[] = [];
    let cells = 0;
    for (const { method, path } of writeRoutes) {
      const route = `${method} ${path}`;
      const scenario = SCENARIOS[route];
      actual[route] = {} as Record<Caller, number | 'writes'>;
      expected[route] = {} as Record<Caller, number | 'writes'>;
      // The refused callers first, on one shared target that must stay as it was; then each
      // caller who may write, on a target of its own.
      const refused = CALLERS.filter((c) => EXPECTED[c] !== 'writes');
      const allowed = CALLERS.filter((c) => EXPECTED[c] === 'writes');
      let before: Awaited<ReturnType<typeof snapshot>> | null = null;
      for (const caller of [...refused, ...allowed]) {
        const mayWrite = EXPECTED[caller] === 'writes';
        const write = await scenario.target(mayWrite);
        if (!mayWrite) before ??= await snapshot();
        const response = await request(caller, method, write);
        cells++;
        const status = response.statusCode;
        const wrote = status >= 200 && status < 300;
        actual[route][caller] = wrote && mayWrite ? 'writes' : status;
        expected[route][caller] = EXPECTED[caller];
        if (!mayWrite) {
          if (wrote) {
            leaks.push(`${route} by ${caller}: ${status}`);
            // The leak changed the shared target: the next caller gets fresh ones, so that every
            // leak is counted, not only the first.
            sharedSource = null;
            sharedJob = null;
          }
          if (!/^application\/problem\+json/.test(String(response.headers['content-type'])))
            flaws.push(`${route} by ${caller}: not a problem document`);
          if (
            status === 401 &&
            !/^Bearer realm=/.test(String(response.headers['www-authenticate']))
          )
            flaws.push(`${route} by ${caller}: 401 without a Bearer challenge`);
          if (caller === refused[refused.length - 1]) {
            const after = await snapshot();
            if (JSON.stringify(after) !== JSON.stringify(before))
              flaws.push(`${route}: refused writes changed sources or jobs`);
          }
        } else if (wrote) {
          await scenario.settle?.(response);
        }
      }
    }
    process.stdout.write(
      `harvester authorisation matrix: ${writeRoutes.length} write routes × ${CALLERS.length} callers = ${cells} cells, ${leaks.length} leaks\n`,
    );
    expect(leaks).toEqual([]);
    expect(flaws).toEqual([]);
    // The negative control is in `expected`: admins and operators must succeed (2xx), so a
    // harvester that refused everyone fails here too.
    expect(actual).toEqual(expected);
    expect(cells).toBe(writeRoutes.length * CALLERS.length);
    expect(writeRoutes.length).toBeGreaterThanOrEqual(5);
  });

  it('records who started a run', async () => {
    const { id } = await createdSource();
    const run = await request('operator', 'POST', { url: `/api/v1/sources/${id}/run`, body: {} });
    expect(run.statusCode).toBe(202);
    expect(run.json()).toMatchObject({ requestedBy: 'harvest-operator' });
    await h.waitForJob(run.json().id);
  });

  it('stops accepting a token once the registry revoked it (after REGISTRY_AUTH_CACHE_MS)', async () => {
    const token = await issueToken(registry.url, REGISTRY_ADMIN_TOKEN, {
      name: 'short-lived-operator',
      role: 'operator',
    });
    // An invalid body: authorised callers get 400 from validation, which runs after the guard,
    // so the probe changes nothing whatever it is answered.
    const probe = () =>
      h
        .request('POST', '/api/v1/sources', { token, body: { name: 'x' } })
        .then((r) => r.statusCode);
    expect(await probe()).toBe(400);
    const revoked = await fetch(`${registry.url}/api/v1/admin/tokens/short-lived-operator`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${REGISTRY_ADMIN_TOKEN}` },
    });
    expect(revoked.status).toBe(204);
    await eventually(async () => expect(await probe()).toBe(401), { timeoutMs: 15_000 });
  });

  // Last: it stops the registry.
  it('answers 503 when the registry cannot be asked, and still takes the bootstrap token', async () => {
    await registry.stop();
    const never = await h.request('POST', '/api/v1/sources', {
      token: 'dpi_never-seen-before-token-0123456789',
      body: source(catalogue.url),
    });
    expect(never.statusCode).toBe(503);
    expect(never.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(never.json().detail).toContain('registry');
    const bootstrap = await h.request('POST', '/api/v1/sources', { body: source(catalogue.url) });
    expect(bootstrap.statusCode).toBe(201);
  });
});
