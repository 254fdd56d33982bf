import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { ADMIN_TOKEN, Caller, CALLERS, useProbeRecords, WORD } from './visibility.test-helper';

/**
 * Issue 17: what a Land marks NON_PUBLIC stays hidden everywhere. Every GET route of the OpenAPI
 * document is probed by every kind of caller; a NON_PUBLIC record (or its id in a public record's
 * links) must show exactly to the editors of its own Land, reviewers and admins. A route that is
 * neither probed nor listed below as carrying no records fails the test, so a new endpoint
 * cannot slip past the rule.
 */

/** GET routes that carry no registry records (reference data, tokens). */
const NOT_RECORD_BEARING = new Set([
  '/api/v1/auth/principal',
  '/api/v1/admin/tokens',
  '/api/v1/laender',
  '/api/v1/laender/{code}',
  '/api/v1/standards',
  '/api/v1/standards/{code}',
  // Survey rounds (issue 22): title, dates, scope, per-Land declarations and frozen counts.
  '/api/v1/rounds',
  '/api/v1/rounds/{id}',
]);

/** Record lists under another path than their collection's: route → its key in `subjects`. */
const NESTED_LISTS: Readonly<Record<string, string>> = {
  '/api/v1/rounds/{id}/records': 'round-records',
};

const MAY_SEE_NON_PUBLIC: ReadonlySet<Caller> = new Set(['own Land editor', 'reviewer', 'admin']);

describe('registry: NON_PUBLIC records are visible only to their Land, reviewers and admins (issue 17)', () => {
  // The registry, the callers' tokens, the NON_PUBLIC records and their public controls, and the
  // GET routes of the OpenAPI document: visibility.test-helper.ts.
  const {
    registry,
    tokens,
    secret,
    subjects,
    getRoutes,
    nestedUrls,
    request,
    created,
    issue,
    subjectOf,
    tokenOf,
  } = useProbeRecords();

  const containsAny = (response: LightMyRequestResponse, ids: readonly string[]) =>
    ids.some((id) => response.body.includes(id));

  /** The problem document of a 404, with the id taken out (so two can be compared). */
  const notFoundShape = (response: LightMyRequestResponse, id: string) => {
    const body = JSON.parse(response.body.split(id).join('<id>')) as Record<string, unknown>;
    delete body.instance;
    delete body.requestId;
    return { status: response.statusCode, type: response.headers['content-type'], body };
  };

  /**
   * What `caller` sees of the NON_PUBLIC records on one route: 'sees' or 'hidden'. Throws when the
   * route misbehaves otherwise (the public control record missing, a 404 that differs from an
   * unknown id's, an unexpected status).
   */
  const probe = async (path: string, hasQ: boolean, caller: Caller): Promise<'sees' | 'hidden'> => {
    const token = tokens.get(caller);
    const nested = nestedUrls.get(path);
    const match = nested
      ? [path, NESTED_LISTS[path]]
      : /^\/api\/v1\/([\w-]+)(\/\{id\}(\/history)?)?$/.exec(path);
    const collection = match && subjects.get(match[1]);
    if (!match || !collection) throw new Error(`${path}: not covered by the visibility matrix`);
    const base = nested ?? `/api/v1/${match[1]}`;
    const suffix = match[3] ?? '';
    if (!match[2]) {
      // A list: the plain page and, where the route searches, `q`.
      const urls = [`${base}?limit=100`, ...(hasQ ? [`${base}?limit=100&q=${WORD}`] : [])];
      let sees = false;
      for (const url of urls) {
        const response = await request('GET', url, token);
        expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
        const page = response.json() as { items: { id: string }[]; total: number };
        expect(page.items.map((i) => i.id)).toContain(collection.control);
        // Counts are taken over what the caller sees.
        expect({ url, total: page.total }).toEqual({ url, total: page.items.length });
        sees ||= containsAny(response, secret);
      }
      return sees ? 'sees' : 'hidden';
    }
    const control = await request('GET', `${base}/${collection.control}${suffix}`, token);
    expect({ path, caller, status: control.statusCode }).toEqual({ path, caller, status: 200 });
    const response = await request('GET', `${base}/${collection.subject}${suffix}`, token);
    if (response.statusCode === 404) {
      const unknown = randomUUID();
      const missing = await request('GET', `${base}/${unknown}${suffix}`, token);
      // Not found looks the same whether the record is hidden or does not exist.
      expect(notFoundShape(response, collection.subject)).toEqual(notFoundShape(missing, unknown));
      return 'hidden';
    }
    expect({ path, caller, status: response.statusCode }).toEqual({ path, caller, status: 200 });
    // A NON_PUBLIC record served at all (its history names no ids), or a public one naming one.
    return secret.includes(collection.subject) || containsAny(response, secret) ? 'sees' : 'hidden';
  };

  it('covers every GET route of the OpenAPI document or lists it as carrying no records', () => {
    expect(getRoutes.length).toBeGreaterThan(NOT_RECORD_BEARING.size);
    const uncovered = getRoutes
      .map((r) => r.path)
      .filter((path) => {
        if (NOT_RECORD_BEARING.has(path) || path in NESTED_LISTS) return false;
        const match = /^\/api\/v1\/([\w-]+)(\/\{id\}(\/history)?)?$/.exec(path);
        return !(match && subjects.has(match[1]));
      });
    expect(uncovered).toEqual([]);
    // A token sent with a read must be valid: the document says so on every record route.
    const undocumented = getRoutes.filter(
      (r) => !NOT_RECORD_BEARING.has(r.path) && !r.documents401,
    );
    expect(undocumented.map((r) => r.path)).toEqual([]);
    // A route listed as carrying no records must still exist (the list does not go stale).
    const paths = new Set(getRoutes.map((r) => r.path));
    expect([...NOT_RECORD_BEARING].filter((p) => !paths.has(p))).toEqual([]);
  });

  it('shows NON_PUBLIC records on every record route exactly to the own Land editor, reviewers and admins', async () => {
    const routes = getRoutes.filter((r) => !NOT_RECORD_BEARING.has(r.path));
    const actual: Record<string, Record<Caller, string>> = {};
    const expected: Record<string, Record<Caller, string>> = {};
    for (const { path, hasQ } of routes) {
      const carries = subjects.get(
        NESTED_LISTS[path] ?? /^\/api\/v1\/([\w-]+)/.exec(path)?.[1] ?? '',
      )?.carriesSecret;
      actual[path] = {} as Record<Caller, string>;
      expected[path] = {} as Record<Caller, string>;
      for (const caller of CALLERS) {
        actual[path][caller] = await probe(path, hasQ, caller);
        expected[path][caller] = carries && MAY_SEE_NON_PUBLIC.has(caller) ? 'sees' : 'hidden';
      }
    }
    expect(actual).toEqual(expected);
    // The matrix can see records at all: secret-bearing routes show them to someone.
    expect(Object.values(actual).filter((row) => row.admin === 'sees').length).toBeGreaterThan(0);
    // 5 record collections × (list, {id}, {id}/history) × 5 callers today.
    const size = routes.length * CALLERS.length;
    process.stdout.write(
      `visibility matrix: ${routes.length} routes × ${CALLERS.length} callers = ${size} cells\n`,
    );
    expect(size).toBeGreaterThanOrEqual(15 * CALLERS.length);
  });

  it('serves routes without records to anonymous callers without NON_PUBLIC ids', async () => {
    for (const path of NOT_RECORD_BEARING) {
      if (path.includes('{')) continue;
      const response = await request('GET', path);
      expect({ path, leaks: containsAny(response, secret) }).toEqual({ path, leaks: false });
    }
  });

  it('counts totals and facets over the visible records only', async () => {
    const page = async (caller: Caller) =>
      (await request('GET', '/api/v1/datasets?landCode=DE-BB', tokens.get(caller))).json() as {
        total: number;
        facets: { landCode: Record<string, number> };
      };
    for (const caller of CALLERS) {
      const expected = caller === 'anonymous' || caller === 'other Land editor' ? 1 : 2;
      const { total, facets } = await page(caller);
      expect({ caller, total, facet: facets.landCode['DE-BB'] }).toEqual({
        caller,
        total: expected,
        facet: expected,
      });
    }
  });

  it('drops hidden ids from link fields and from the history of a public record', async () => {
    const twin = subjectOf('twins').subject;
    const [secretDataset, secretPlatform] = secret;
    const anonymous = (await request('GET', `/api/v1/twins/${twin}`)).json();
    expect(anonymous.platformIds).toEqual([subjectOf('platforms').control]);
    expect(anonymous.datasetIds).toEqual([subjectOf('datasets').control]);
    const own = (
      await request('GET', `/api/v1/twins/${twin}`, tokens.get('own Land editor'))
    ).json();
    expect(own.platformIds).toEqual(expect.arrayContaining([secretPlatform]));
    expect(own.datasetIds).toEqual(expect.arrayContaining([secretDataset]));
    const history = await request('GET', `/api/v1/twins/${twin}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.body).not.toContain(secretPlatform);
    expect(history.body).toContain(subjectOf('platforms').control);
  });

  it('lists a public record with the same link fields as its own GET, for every caller', async () => {
    // Lists hide link ids in their SQL statement, a single read in code: both must agree.
    const twin = subjectOf('twins').subject;
    const [secretDataset, secretPlatform] = secret;
    for (const caller of CALLERS) {
      const token = tokens.get(caller);
      const single = (await request('GET', `/api/v1/twins/${twin}`, token)).json();
      const page = (await request('GET', '/api/v1/twins?limit=100', token)).json() as {
        items: { id: string; platformIds: string[]; datasetIds: string[] }[];
      };
      const listed = page.items.find((item) => item.id === twin);
      const links = (r?: { platformIds: string[]; datasetIds: string[] }) => ({
        caller,
        platformIds: r?.platformIds,
        datasetIds: r?.datasetIds,
      });
      expect(links(listed)).toEqual(links(single));
      const sees = MAY_SEE_NON_PUBLIC.has(caller);
      expect({ caller, sees: listed?.datasetIds.includes(secretDataset) }).toEqual({
        caller,
        sees,
      });
      expect({ caller, sees: listed?.platformIds.includes(secretPlatform) }).toEqual({
        caller,
        sees,
      });
    }
  });

  it('refuses an invalid or revoked token on reads with 401 instead of reading anonymously', async () => {
    const wrong = await request('GET', '/api/v1/platforms', 'not-a-token-of-this-registry');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
    const token = await issue('short-lived', 'reviewer');
    expect((await request('GET', `/api/v1/datasets/${secret[0]}`, token)).statusCode).toBe(200);
    expect(
      (await request('DELETE', '/api/v1/admin/tokens/short-lived', ADMIN_TOKEN)).statusCode,
    ).toBe(204);
    expect((await request('GET', `/api/v1/datasets/${secret[0]}`, token)).statusCode).toBe(401);
  });

  it('answers another Land editor as if a NON_PUBLIC record did not exist, on writes too', async () => {
    const other = tokenOf('other Land editor');
    const [secretDataset] = secret;
    const linked = await request('POST', '/api/v1/platforms', other, {
      name: 'Berliner Plattform',
      landCode: 'DE-BE',
      type: 'urbanDataPlatform',
      status: 'production',
      datasetIds: [secretDataset],
    });
    expect(linked.statusCode).toBe(400);
    expect(linked.body).toContain(`no dataset ${secretDataset}`);
    const patched = await registry().request('PATCH', `/api/v1/datasets/${secretDataset}`, {
      token: other,
      body: { title: 'fremd' },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode).toBe(404);
  });

  // Last: it changes the NON_PUBLIC platform the matrix reads.
  it('refuses to delete a record linked from a hidden one without naming it', async () => {
    const other = tokenOf('other Land editor');
    const berlin = await created('/api/v1/datasets', other, {
      title: 'Berliner Datensatz',
      landCode: 'DE-BE',
    });
    const [secretDataset, secretPlatform] = secret;
    // Only admins link across Länder.
    const linked = await registry().request('PATCH', `/api/v1/platforms/${secretPlatform}`, {
      token: ADMIN_TOKEN,
      body: { datasetIds: [secretDataset, berlin] },
      headers: { 'if-match': '"1"' },
    });
    expect(linked.statusCode).toBe(200);
    const removed = await registry().request('DELETE', `/api/v1/datasets/${berlin}`, {
      token: other,
      headers: { 'if-match': '"1"' },
    });
    expect(removed.statusCode).toBe(409);
    expect(removed.body).toContain('1 record(s) you cannot see');
    expect(removed.body).not.toContain(secretPlatform);
    const byAdmin = await registry().request('DELETE', `/api/v1/datasets/${berlin}`, {
      token: ADMIN_TOKEN,
      headers: { 'if-match': '"1"' },
    });
    expect(byAdmin.statusCode).toBe(409);
    expect(byAdmin.body).toContain(`platform ${secretPlatform} (datasetIds)`);
  });
});
