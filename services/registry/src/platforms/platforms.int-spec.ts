import { PlatformChangedSchema, PlatformStatus, PlatformType } from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import SwaggerParser from '@apidevtools/swagger-parser';
import { MAX_INPUT_DEPTH } from '@dpi/service-kit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'integration-admin-token-0123456789';
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const valid = {
  name: 'Urban Data Platform Hamburg',
  landCode: 'DE-HH',
  type: 'urbanDataPlatform',
  status: 'production',
  homepage: 'https://www.hamburg.de/',
};

describe('registry: POST /api/v1/platforms (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  let app: NestFastifyApplication;
  let probe: KafkaProbe;

  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/platforms',
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const count = (table: string) => registry.count(table);
  /** Nothing queued, and the probe has read everything published: a baseline that holds still. */
  const settled = async () => {
    await eventually(async () => expect(await count('outbox')).toBe(0));
    await probe.caughtUp();
  };

  beforeAll(async () => {
    registry = await startRegistry('registry', ADMIN_TOKEN);
    app = registry.app;
    probe = registry.platformEvents;
  });

  afterAll(() => registry?.close());

  it('stores the platform and publishes PlatformChanged keyed by its id, with the envelope in headers', async () => {
    const response = await post(valid, { 'x-correlation-id': 'corr-registry-int-1' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ ...valid, version: 1, source: 'manual', createdBy: 'admin' });
    expect(response.headers.location).toBe(`/api/v1/platforms/${body.id}`);
    expect(response.headers.etag).toBe('"1"');

    const read = await app.inject({ method: 'GET', url: `/api/v1/platforms/${body.id}` });
    expect(read.json()).toEqual(body);
    expect(read.headers.etag).toBe('"1"');

    const message = await eventually(() => {
      const found = probe.messages.find((m) => m.key === body.id);
      if (!found) throw new Error('not published yet');
      return found;
    });
    const envelope = envelopeFromHeaders(message.headers);
    expect(envelope).toMatchObject({
      correlationId: 'corr-registry-int-1',
      producer: 'registry',
      schema: 'dpi.registry.v1.PlatformChanged',
      entityVersion: 1,
    });
    const event = decodeMessage(PlatformChangedSchema, message.value as Buffer, envelope.schema);
    expect(event.platform).toMatchObject({
      id: body.id,
      landCode: 'DE-HH',
      name: valid.name,
      type: PlatformType.URBAN_DATA_PLATFORM,
      status: PlatformStatus.PRODUCTION,
      version: 1n,
    });
    await eventually(async () => expect(await count('outbox')).toBe(0));
  });

  it('publishes many registrations in commit order, each exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await post({ ...valid, name: `Ordered platform ${i}`, landCode: 'DE-BB' });
      expect(response.statusCode).toBe(201);
      ids.push(response.json().id);
    }
    await eventually(() =>
      expect(probe.messages.filter((m) => ids.includes(m.key))).toHaveLength(20),
    );
    // Rows leave the outbox once acknowledged: after that, no copy of them can be published.
    await settled();
    expect(probe.messages.filter((m) => ids.includes(m.key))).toHaveLength(20);
  });

  it('stores a name in one spelling: NFC, trimmed', async () => {
    const response = await post({ ...valid, name: ' Geoportal Mu\u0308nchen ' });
    expect(response.statusCode).toBe(201);
    expect(response.json().name).toBe('Geoportal M\u00fcnchen');
  });

  const bad: [string, string | object, number, string][] = [
    ['unknown Land code', { ...valid, landCode: 'DE-XX' }, 400, 'landCode'],
    ['missing name', { ...valid, name: undefined }, 400, 'name'],
    ['blank name', { ...valid, name: '   ' }, 400, 'name'],
    ['name of wrong type', { ...valid, name: 42 }, 400, 'name'],
    ['type of wrong type', { ...valid, type: ['geoportal'] }, 400, 'type'],
    ['unknown platform type', { ...valid, type: 'blockchain' }, 400, 'type'],
    ['homepage not a URL', { ...valid, homepage: 'javascript:alert(1)' }, 400, 'homepage'],
    ['unknown field', { ...valid, operator: 'someone' }, 400, 'operator'],
    ['array body', [valid], 400, 'name'],
    [
      'a NUL character in a string',
      { ...valid, description: 'before\u0000after' },
      400,
      'description',
    ],
    // Each of the next two was a 500 (a lone surrogate failed as json in PostgreSQL; thousands
    // of levels overflowed the stack in validation).
    ['a lone surrogate in a string', { ...valid, name: 'x\ud800' }, 400, 'name'],
    ['a name of zero-width spaces', { ...valid, name: '\u200b\u200b' }, 400, 'name'],
    ['a name of Hangul fillers', { ...valid, name: '\u3164\u3164' }, 400, 'name'],
    ['a name with a right-to-left override', { ...valid, name: 'Geo\u202eportal' }, 400, 'name'],
    [
      'a Point with a height (PostGIS refused it: 500)',
      { ...valid, geometry: { type: 'Point', coordinates: [10, 53, 5] } },
      400,
      'geometry',
    ],
    [
      'a body nested 5,000 levels deep',
      JSON.stringify(valid).replace(
        /}$/,
        `,"description":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}`,
      ),
      400,
      `description${'.a'.repeat(MAX_INPUT_DEPTH - 1)}`,
    ],
  ];

  it.each(bad)(
    'rejects %s with a field-level problem, storing and publishing nothing',
    async (_label, payload, status, field) => {
      await settled();
      const before = {
        platforms: await count('platform'),
        outbox: await count('outbox'),
        published: probe.messages.length,
      };
      const response = await post(payload);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.json();
      expect(problem).toMatchObject({ status, type: 'urn:dpi:problem:validation-error' });
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count('platform')).toBe(before.platforms);
      expect(await count('outbox')).toBe(before.outbox);
      // A row it queued is in the outbox still or, deleted, acknowledged by the broker: read to the
      // end of the topic.
      await probe.caughtUp();
      expect(probe.messages.length).toBe(before.published);
    },
  );

  it.each([
    ['malformed JSON', '{"name":', {}, 400],
    [
      'a 2 MB body',
      JSON.stringify({ ...valid, description: 'x'.repeat(2 * 1024 * 1024) }),
      {},
      413,
    ],
    [
      'a non-JSON content type',
      'name=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
    ],
    ['no token', valid, { authorization: '' }, 401],
    ['a wrong token', valid, { authorization: 'Bearer not-the-admin-token-at-all' }, 401],
  ] as [string, string | object, Record<string, string>, number][])(
    'answers %s with a problem document and changes nothing',
    async (_label, payload, headers, status) => {
      await settled();
      const before = { platforms: await count('platform'), published: probe.messages.length };
      const response = await post(payload, headers);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().status).toBe(status);
      expect(await count('platform')).toBe(before.platforms);
      expect(await count('outbox')).toBe(0);
      await probe.caughtUp();
      expect(probe.messages.length).toBe(before.published);
    },
  );

  it('lists platforms with a Land filter and cursor pagination', async () => {
    const first = await app.inject({
      method: 'GET',
      url: '/api/v1/platforms?landCode=DE-BB&limit=15',
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(15);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/platforms?landCode=DE-BB&limit=15&cursor=${page1.nextCursor}`,
      })
    ).json();
    expect(page2.items).toHaveLength(5);
    expect(page2.nextCursor).toBeNull();
    const names = [...page1.items, ...page2.items].map((p: { name: string }) => p.name);
    expect(new Set(names).size).toBe(20);
  });

  it('serves an OpenAPI 3 document that a standard validator accepts, and is ready', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs-json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/platforms',
        '/api/v1/platforms/{id}',
        '/api/v1/platforms/{id}/history',
        '/api/v1/organisations',
        '/api/v1/twins',
        '/api/v1/endpoints',
        '/api/v1/admin/tokens',
      ]),
    );
    // Request bodies are closed: the server rejects unknown fields, and the document says so.
    expect(doc.components.schemas.CreatePlatformDto.additionalProperties).toBe(false);
    expect(doc.components.schemas.ContactDto.additionalProperties).toBe(false);
    // Throws with the offending path when the document breaks the OpenAPI schema or its $refs.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().details).toMatchObject({
      database: { status: 'up' },
      kafka: { status: 'up' },
    });
  });
});
