import SwaggerParser from '@apidevtools/swagger-parser';
import { HarvesterUnderTest, startHarvester } from '../harvester.test-helper';

const GDK_ID = '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a01';

const valid = {
  name: 'Geoportal Hamburg (Test)',
  landCode: 'DE-HH',
  url: 'https://metaver.de/csw',
  constraint: {
    language: 'FILTER',
    text: '<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsEqualTo><ogc:PropertyName>apiso:Type</ogc:PropertyName><ogc:Literal>dataset</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>',
  },
  incrementalSchedule: '0 2 * * *',
  fullSchedule: '0 3 * * 0',
};

describe('harvester: /api/v1/sources (real PostgreSQL and Kafka)', () => {
  let h: HarvesterUnderTest;

  beforeAll(async () => {
    // The production minimum between scheduled runs (the test helper lowers it for other tests).
    h = await startHarvester('sources', { HARVEST_MIN_SCHEDULE_INTERVAL_SECONDS: '300' });
  });
  afterAll(() => h?.close());

  it('is seeded with the real catalogues; only the Geodatenkatalog is enabled', async () => {
    const response = await h.request('GET', '/api/v1/sources');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; enabled: boolean }[];
    expect(items).toHaveLength(11);
    const gdk = items.find((s) => s.id === GDK_ID);
    expect(gdk).toMatchObject({
      name: 'GDI-DE Geodatenkatalog',
      landCode: null,
      url: 'https://gdk.gdi-de.org/gdi-de/srv/ger/csw',
      protocol: 'csw-2.0.2',
      outputSchema: 'http://www.isotc211.org/2005/gmd',
      typeNames: 'gmd:MD_Metadata',
      pageSize: 100,
      enabled: true,
      incrementalSchedule: '15 1 * * *',
      fullSchedule: '30 2 * * 0',
    });
    expect(
      new Date((gdk as unknown as { nextRuns: { full: string } }).nextRuns.full).getTime(),
    ).toBeGreaterThan(Date.now());
    expect(items.filter((s) => s.enabled).map((s) => s.id)).toEqual([GDK_ID]);
    const byLand = await h.request('GET', '/api/v1/sources?landCode=DE-BY');
    expect(byLand.json().items.map((s: { name: string }) => s.name)).toEqual(['Geoportal Bayern']);
    const federal = await h.request('GET', '/api/v1/sources?landCode=federal&enabled=false');
    expect(federal.json().items).toHaveLength(2);
  });

  it('creates a source with defaults, Location and ETag; reads it back', async () => {
    const response = await h.request('POST', '/api/v1/sources', { body: valid });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      ...valid,
      protocol: 'csw-2.0.2',
      outputSchema: 'http://www.isotc211.org/2005/gmd',
      typeNames: 'gmd:MD_Metadata',
      pageSize: 100,
      concurrency: 1,
      timeoutMs: 120000,
      retry: { maxAttempts: 3, backoffMs: 2000, maxBackoffMs: 60000 },
      maxRequestsPerSecond: null,
      enabled: true,
      version: 1,
    });
    expect(body.nextRuns.incremental).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(response.headers.location).toBe(`/api/v1/sources/${body.id}`);
    expect(response.headers.etag).toBe('"1"');
    const read = await h.request('GET', `/api/v1/sources/${body.id}`);
    expect(read.json()).toEqual(body);
  });

  it.each([
    [{ ...valid, name: undefined }, 'name', 'name is required'],
    [
      { ...valid, url: 'ftp://example.org/csw' },
      'url',
      'url must be an absolute http(s) URL of the CSW endpoint',
    ],
    [{ ...valid, landCode: 'DE-XX' }, 'landCode', 'landCode must be one of the 16 Länder codes'],
    [{ ...valid, pageSize: 0 }, 'pageSize', 'pageSize must not be less than 1'],
    [
      { ...valid, retry: { maxAttempts: 20 } },
      'retry.maxAttempts',
      'maxAttempts must not be greater than 10',
    ],
    [
      { ...valid, constraint: { language: 'SQL', text: 'x' } },
      'constraint.language',
      'language must be FILTER or CQL_TEXT',
    ],
    [
      { ...valid, fullSchedule: '61 * * * *' },
      'fullSchedule',
      'fullSchedule is not a usable cron expression: Field value (61) is out of range',
    ],
    [
      { ...valid, incrementalSchedule: '* * * * * *' },
      'incrementalSchedule',
      'incrementalSchedule fires more often than every 300 s; harvest a catalogue less often',
    ],
    [
      { ...valid, fullSchedule: '*/2 * * * *' },
      'fullSchedule',
      'fullSchedule fires more often than every 300 s; harvest a catalogue less often',
    ],
    [
      { ...valid, incrementalSchedule: '0 0 31 2 *' },
      'incrementalSchedule',
      'incrementalSchedule is not a usable cron expression: never fires (no matching date)',
    ],
    [
      {
        ...valid,
        constraint: {
          language: 'FILTER',
          text: '<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">',
        },
      },
      'constraint.text',
      'constraint filter is not well-formed XML',
    ],
    [
      {
        ...valid,
        constraint: {
          language: 'FILTER',
          text: '<!DOCTYPE x [<!ENTITY e "e">]><ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"/>',
        },
      },
      'constraint.text',
      'doctype',
    ],
    [{ ...valid, surprise: 1 }, 'surprise', 'property surprise should not exist'],
  ])('refuses an invalid source with a field error (%#)', async (body, field, message) => {
    const response = await h.request('POST', '/api/v1/sources', {
      body: { ...body, name: body.name === undefined ? undefined : `${body.name} ${field}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.errors).toEqual([
      expect.objectContaining({ field, message: expect.stringContaining(message) }),
    ]);
  });

  it('needs the admin token for writes, not for reads', async () => {
    const none = await h.request('POST', '/api/v1/sources', { body: valid, token: null });
    expect(none.statusCode).toBe(401);
    expect(none.json().detail).toBe('a bearer token is required');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="harvester"');
    const wrong = await h.request('POST', '/api/v1/sources', {
      body: valid,
      token: 'not-the-admin-token-0123456789',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('the bearer token is not valid or was revoked');
    expect((await h.request('GET', '/api/v1/sources', { token: null })).statusCode).toBe(200);
    const run = await h.request('POST', `/api/v1/sources/${GDK_ID}/run`, { token: null });
    expect(run.statusCode).toBe(401);
  });

  it('reads a null retry setting as its default (it once reached the database: 500)', async () => {
    const response = await h.request('POST', '/api/v1/sources', {
      body: {
        ...valid,
        name: 'Null retry',
        retry: { maxAttempts: null, backoffMs: null, maxBackoffMs: 1000 },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().retry).toEqual({ maxAttempts: 3, backoffMs: 2000, maxBackoffMs: 1000 });
  });

  it('refuses a JSON null as a run request (Nest read it as {}: a run with defaults, 202)', async () => {
    const response = await h.request('POST', `/api/v1/sources/${GDK_ID}/run`, { body: null });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: '(body)', message: 'the body must be a JSON object (or array), not null' },
    ]);
  });

  it('refuses a second source with the same name (409)', async () => {
    const response = await h.request('POST', '/api/v1/sources', {
      body: { ...valid, name: 'GDI-DE GEODATENKATALOG' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('exists already');
  });

  it('merge-patches a source: new version, schedules and constraint changed; stale If-Match 412', async () => {
    const created = await h.createSource({ ...valid, name: 'Patch me' });
    const patched = await h.request('PATCH', `/api/v1/sources/${created.id}`, {
      body: { fullSchedule: null, constraint: null, retry: { maxAttempts: 5 }, enabled: false },
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': '"1"' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      version: 2,
      fullSchedule: null,
      constraint: null,
      retry: { maxAttempts: 5, backoffMs: 2000, maxBackoffMs: 60000 },
      enabled: false,
      nextRuns: { incremental: null, full: null },
    });
    expect(patched.headers.etag).toBe('"2"');

    const stale = await h.request('PATCH', `/api/v1/sources/${created.id}`, {
      body: { pageSize: 50 },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);

    const badCron = await h.request('PATCH', `/api/v1/sources/${created.id}`, {
      body: { incrementalSchedule: 'every night' },
      headers: { 'if-match': '"2"' },
    });
    expect(badCron.statusCode).toBe(400);
    expect(badCron.json().errors[0].field).toBe('incrementalSchedule');

    const same = await h.request('PATCH', `/api/v1/sources/${created.id}`, {
      body: { enabled: false },
      headers: { 'if-match': '"2"' },
    });
    expect(same.json().version).toBe(2);
  });

  it('needs If-Match for every change, as the registry does (a delete without it was taken)', async () => {
    const created = await h.createSource({ ...valid, name: 'Guarded' });
    const url = `/api/v1/sources/${created.id}`;
    for (const method of ['PATCH', 'DELETE'] as const) {
      const missing = await h.request(method, url, { body: { enabled: false } });
      expect({ method, status: missing.statusCode }).toEqual({ method, status: 428 });
      expect(missing.json().detail).toContain('If-Match');
      const stale = await h.request(method, url, {
        body: { enabled: false },
        headers: { 'if-match': '"7"' },
      });
      expect({ method, status: stale.statusCode }).toEqual({ method, status: 412 });
    }
    expect((await h.request('GET', url)).json().version).toBe(1);
  });

  it('deletes a source (204); afterwards it is gone (404)', async () => {
    const created = await h.createSource({ ...valid, name: 'Delete me' });
    const deleted = await h.request('DELETE', `/api/v1/sources/${created.id}`, {
      headers: { 'if-match': '"1"' },
    });
    expect(deleted.statusCode).toBe(204);
    expect((await h.request('GET', `/api/v1/sources/${created.id}`)).statusCode).toBe(404);
    const list = await h.request('GET', '/api/v1/sources');
    expect(list.json().items.map((s: { id: string }) => s.id)).not.toContain(created.id);
    // The name is free again.
    expect(
      (await h.request('POST', '/api/v1/sources', { body: { ...valid, name: 'Delete me' } }))
        .statusCode,
    ).toBe(201);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await h.request('GET', '/api/v1/sources/not-a-uuid')).statusCode).toBe(400);
    expect(
      (await h.request('GET', '/api/v1/sources/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('a run against an unreachable real catalogue ends as a recorded network failure', async () => {
    const job = await h.runToEnd(GDK_ID, 'full');
    expect(job).toMatchObject({
      state: 'failed',
      counts: expect.objectContaining({ received: 0 }),
    });
    expect(job.message).toMatch(
      /^network error for https:\/\/gdk\.gdi-de\.org\/gdi-de\/srv\/ger\/csw/,
    );
    const issues = await h.issues(job.id);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'NETWORK',
        message: expect.stringContaining('gdk.gdi-de.org'),
      }),
    ]);
  });

  it('publishes an OpenAPI 3 document that a standard validator accepts', async () => {
    const response = await h.request('GET', '/api/docs-json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/sources',
        '/api/v1/sources/{id}',
        '/api/v1/sources/{id}/run',
        '/api/v1/sources/{id}/jobs',
        '/api/v1/jobs',
        '/api/v1/jobs/{id}',
        '/api/v1/jobs/{id}/errors',
        '/api/v1/jobs/{id}/cancel',
      ]),
    );
    expect(document.components.schemas.SourceDto.additionalProperties).toBe(false);
  });
});
