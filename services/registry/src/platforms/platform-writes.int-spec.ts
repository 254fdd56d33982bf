import { PlatformChangedSchema, PlatformStatus } from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders } from '@dpi/kafka';
import { eventually } from '@dpi/testing';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'writes-admin-token-0123456789';
const hamburgPlatform = {
  name: 'Geoportal Hamburg',
  landCode: 'DE-HH',
  type: 'geoportal',
  status: 'pilot',
  homepage: 'https://www.geoportal-hamburg.de/',
};

describe('registry: tokens, Land scoping, If-Match, history, tombstones (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  const tokens: Record<'hamburg' | 'brandenburg' | 'reviewer' | 'operator' | 'revoked', string> = {
    hamburg: '',
    brandenburg: '',
    reviewer: '',
    operator: '',
    revoked: '',
  };

  const request = (...args: Parameters<RegistryUnderTest['request']>) => registry.request(...args);

  async function issue(name: string, role: string, landCode?: string): Promise<string> {
    const response = await request('POST', '/api/v1/admin/tokens', {
      token: ADMIN_TOKEN,
      body: { name, role, landCode },
    });
    expect(response.statusCode).toBe(201);
    return response.json().token;
  }

  async function createAsAdmin(
    body: object = hamburgPlatform,
  ): Promise<{ id: string; etag: string }> {
    const response = await request('POST', '/api/v1/platforms', { token: ADMIN_TOKEN, body });
    expect(response.statusCode).toBe(201);
    return { id: response.json().id, etag: String(response.headers.etag) };
  }

  beforeAll(async () => {
    registry = await startRegistry('writes', ADMIN_TOKEN);
    tokens.hamburg = await issue('hamburg-editor', 'land-editor', 'DE-HH');
    tokens.brandenburg = await issue('brandenburg-editor', 'land-editor', 'DE-BB');
    tokens.reviewer = await issue('ag-reviewer', 'reviewer');
    tokens.operator = await issue('harvest-operator', 'operator');
    tokens.revoked = await issue('former-editor', 'land-editor', 'DE-HH');
    expect(
      (await request('DELETE', '/api/v1/admin/tokens/former-editor', { token: ADMIN_TOKEN }))
        .statusCode,
    ).toBe(204);
  });

  afterAll(() => registry?.close());

  describe('token administration', () => {
    it('tells a token who it is (GET /api/v1/auth/principal), and nobody else', async () => {
      const reviewer = await request('GET', '/api/v1/auth/principal', { token: tokens.reviewer });
      expect(reviewer.statusCode).toBe(200);
      expect(reviewer.headers['cache-control']).toBe('no-store');
      expect(reviewer.json()).toEqual({ name: 'ag-reviewer', role: 'reviewer', landCode: null });
      const editor = await request('GET', '/api/v1/auth/principal', { token: tokens.hamburg });
      expect(editor.json()).toEqual({
        name: 'hamburg-editor',
        role: 'land-editor',
        landCode: 'DE-HH',
      });
      const operator = await request('GET', '/api/v1/auth/principal', { token: tokens.operator });
      expect(operator.json()).toEqual({
        name: 'harvest-operator',
        role: 'operator',
        landCode: null,
      });
      for (const token of [tokens.revoked, undefined]) {
        const refused = await request('GET', '/api/v1/auth/principal', { token });
        expect(refused.statusCode).toBe(401);
      }
    });

    it('stores only digests and never lists tokens', async () => {
      const list = await request('GET', '/api/v1/admin/tokens', { token: ADMIN_TOKEN });
      expect(list.statusCode).toBe(200);
      expect(list.json().map((c: { name: string }) => c.name)).toEqual([
        'hamburg-editor',
        'brandenburg-editor',
        'ag-reviewer',
        'harvest-operator',
        'former-editor',
      ]);
      expect(JSON.stringify(list.json())).not.toContain('dpi_');
      const { rows } = await registry.db.query(
        `SELECT token_sha256 FROM ${registry.schema}.api_client`,
      );
      expect(rows).toHaveLength(5);
      for (const row of rows) expect((row.token_sha256 as Buffer).length).toBe(32);
      expect(JSON.stringify(rows)).not.toContain(tokens.hamburg);
    });

    it.each([
      ['a duplicate name', { name: 'hamburg-editor', role: 'reviewer' }, 409],
      ['a land-editor without Land', { name: 'x-editor', role: 'land-editor' }, 400],
      ['a reviewer with a Land', { name: 'x-reviewer', role: 'reviewer', landCode: 'DE-HH' }, 400],
      ['an operator with a Land', { name: 'x-operator', role: 'operator', landCode: 'DE-HH' }, 400],
      ['an unknown role', { name: 'x-root', role: 'root' }, 400],
    ])('refuses %s', async (_label, body, status) => {
      expect(
        (await request('POST', '/api/v1/admin/tokens', { token: ADMIN_TOKEN, body })).statusCode,
      ).toBe(status);
    });

    it('is for admins only', async () => {
      for (const token of [tokens.hamburg, tokens.reviewer, tokens.operator]) {
        expect((await request('GET', '/api/v1/admin/tokens', { token })).statusCode).toBe(403);
        expect(
          (
            await request('POST', '/api/v1/admin/tokens', {
              token,
              body: { name: 'sneaky', role: 'admin' },
            })
          ).statusCode,
        ).toBe(403);
      }
      expect((await request('GET', '/api/v1/admin/tokens')).statusCode).toBe(401);
    });
  });

  describe('authorisation matrix: every write × {other Land, reviewer, operator, no token, revoked token}', () => {
    const outsiders = () =>
      [
        ['another Land’s editor', tokens.brandenburg, 403],
        ['a reviewer', tokens.reviewer, 403],
        // Operators manage the harvester; records are not theirs to write (issue 17).
        ['an operator', tokens.operator, 403],
        ['no token', undefined, 401],
        ['a revoked token', tokens.revoked, 401],
      ] as const;

    /** Every record kind with a valid Hamburg body and a harmless change. */
    const KINDS = [
      { path: '/api/v1/platforms', table: 'platform', body: hamburgPlatform },
      {
        path: '/api/v1/organisations',
        table: 'organisation',
        body: {
          name: 'LGV Hamburg',
          landCode: 'DE-HH',
          level: 'state',
          type: 'surveyingAuthority',
        },
      },
      {
        path: '/api/v1/twins',
        table: 'digital_twin',
        body: {
          name: 'Connected Urban Twin Hamburg',
          landCode: 'DE-HH',
          scope: 'municipality',
          kind: 'urban',
          maturityLevel: 3,
        },
      },
      {
        path: '/api/v1/endpoints',
        table: 'endpoint',
        body: {
          name: 'OGC API Features Hamburg',
          landCode: 'DE-HH',
          serviceType: 'ogcApiFeatures',
          serviceVersion: '1.0',
          url: 'https://api.hamburg.de/datasets/v1',
          authentication: 'none',
        },
      },
      {
        path: '/api/v1/datasets',
        table: 'dataset',
        body: { title: 'Baumkataster Hamburg', landCode: 'DE-HH', themes: ['ENVI'] },
      },
    ];
    const nameOf = (body: object) =>
      'name' in body ? { name: 'Hijacked' } : { title: 'Hijacked' };
    const outboxPosition = async () =>
      (
        await registry.db.query(
          `SELECT last_value, is_called FROM ${registry.schema}.outbox_id_seq`,
        )
      ).rows[0];

    it.each(KINDS)('refuses every write of $path and changes nothing', async (kind) => {
      const created = await request('POST', kind.path, { token: ADMIN_TOKEN, body: kind.body });
      expect(created.statusCode).toBe(201);
      const { id } = created.json();
      const etag = String(created.headers.etag);
      const before = {
        records: await registry.count(kind.table),
        history: await registry.count('change_log'),
        outbox: await outboxPosition(),
      };
      // The creation published and read: a baseline that holds still.
      await eventually(async () => expect(await registry.count('outbox')).toBe(0));
      await registry.platformEvents.caughtUp();
      const published = registry.platformEvents.messages.length;
      for (const [who, token, status] of outsiders()) {
        const writes = [
          request('POST', kind.path, { token, body: kind.body }),
          request('PUT', `${kind.path}/${id}`, {
            token,
            body: { ...kind.body, ...nameOf(kind.body) },
            headers: { 'if-match': etag },
          }),
          request('PATCH', `${kind.path}/${id}`, {
            token,
            body: nameOf(kind.body),
            headers: { 'if-match': etag },
          }),
          request('DELETE', `${kind.path}/${id}`, { token, headers: { 'if-match': etag } }),
        ];
        for (const response of await Promise.all(writes)) {
          expect({ who, status: response.statusCode }).toEqual({ who, status });
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }
      const read = await request('GET', `${kind.path}/${id}`);
      expect(read.json()).toMatchObject({ ...kind.body, version: 1 });
      expect(await registry.count(kind.table)).toBe(before.records);
      expect(await registry.count('change_log')).toBe(before.history);
      // Every event goes through the outbox: an unmoved sequence means nothing was queued.
      expect(await outboxPosition()).toEqual(before.outbox);
      // Nor was anything published past the outbox: read to the end of the topic.
      await registry.platformEvents.caughtUp();
      expect(registry.platformEvents.messages.length).toBe(published);
    });

    it('keeps reference data (standards) for admins', async () => {
      const body = { title: 'Hijacked', body: 'x', category: 'api' };
      for (const [who, token, status] of outsiders()) {
        const response = await request('PUT', '/api/v1/standards/ogc-wms', { token, body });
        expect({ who, status: response.statusCode }).toEqual({ who, status });
      }
      const read = await request('GET', '/api/v1/standards/ogc-wms');
      expect(read.json().title).toBe('OGC Web Map Service (WMS)');
    });

    it('stops a Land editor from reaching into another Land through the body', async () => {
      const created = await request('POST', '/api/v1/platforms', {
        token: tokens.hamburg,
        body: { ...hamburgPlatform, landCode: 'DE-BB' },
      });
      expect(created.statusCode).toBe(403);
      const { id, etag } = await createAsAdmin();
      const moved = await request('PATCH', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        body: { landCode: 'DE-BB' },
        headers: { 'if-match': etag },
      });
      expect(moved.statusCode).toBe(403);
      const replaced = await request('PUT', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        body: { ...hamburgPlatform, landCode: 'DE-BB' },
        headers: { 'if-match': etag },
      });
      expect(replaced.statusCode).toBe(403);
      expect((await request('GET', `/api/v1/platforms/${id}`)).json()).toMatchObject({
        landCode: 'DE-HH',
        version: 1,
      });
    });
  });

  describe('optimistic concurrency', () => {
    it('needs If-Match (428) and refuses a stale one (412)', async () => {
      const { id } = await createAsAdmin();
      const missing = await request('PATCH', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        body: { status: 'production' },
      });
      expect(missing.statusCode).toBe(428);
      const stale = await request('PATCH', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        body: { status: 'production' },
        headers: { 'if-match': '"7"' },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().type).toBe('urn:dpi:problem:stale-version');
    });

    it('lets exactly one of two PATCHes with the same ETag win', async () => {
      const { id, etag } = await createAsAdmin();
      const responses = await Promise.all(
        ['production', 'retired'].map((status) =>
          request('PATCH', `/api/v1/platforms/${id}`, {
            token: tokens.hamburg,
            body: { status },
            headers: { 'if-match': etag, 'content-type': 'application/merge-patch+json' },
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const winner = responses.find((r) => r.statusCode === 200)?.json();
      expect((await request('GET', `/api/v1/platforms/${id}`)).json()).toMatchObject({
        status: winner.status,
        version: 2,
      });
      const history = (await request('GET', `/api/v1/platforms/${id}/history`)).json().items;
      expect(history.map((h: { version: number }) => h.version)).toEqual([1, 2]);
    });
  });

  describe('a platform’s life: create, patch, replace, delete', () => {
    it('versions every change, keeps the history, and ends with a tombstone', async () => {
      const created = await request('POST', '/api/v1/platforms', {
        token: tokens.hamburg,
        body: hamburgPlatform,
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect(created.json().createdBy).toBe('hamburg-editor');

      const patched = await request('PATCH', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        body: { status: 'production', homepage: null },
        headers: {
          'if-match': '"1"',
          'content-type': 'application/merge-patch+json',
          'x-correlation-id': 'patch-1',
        },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.headers.etag).toBe('"2"');
      expect(patched.json()).toMatchObject({ status: 'production', homepage: null, version: 2 });

      const unchanged = await request('PUT', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        body: { ...hamburgPlatform, status: 'production', homepage: undefined },
        headers: { 'if-match': '"2"' },
      });
      expect(unchanged.statusCode).toBe(200);
      expect(unchanged.json().version).toBe(2); // nothing changed: no new version, no event

      for (const [body, field] of [
        [{ type: 'blockchain' }, 'type'],
        [{ colour: 'blue' }, 'colour'],
        [{ name: null }, 'name'],
      ] as const) {
        const invalid = await request('PATCH', `/api/v1/platforms/${id}`, {
          token: tokens.hamburg,
          body,
          headers: { 'if-match': '"2"' },
        });
        expect(invalid.statusCode).toBe(400);
        expect(invalid.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const notObject = await request('PATCH', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        body: ['x'],
        headers: { 'if-match': '"2"' },
      });
      expect(notObject.statusCode).toBe(400);

      const deleted = await request('DELETE', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        headers: { 'if-match': '"2"' },
      });
      expect(deleted.statusCode).toBe(204);
      expect((await request('GET', `/api/v1/platforms/${id}`)).statusCode).toBe(404);
      const again = await request('DELETE', `/api/v1/platforms/${id}`, {
        token: tokens.hamburg,
        headers: { 'if-match': '"3"' },
      });
      expect(again.statusCode).toBe(404);

      const history = (await request('GET', `/api/v1/platforms/${id}/history`)).json().items;
      expect(
        history.map((h: { operation: string; version: number; changedBy: string }) => [
          h.version,
          h.operation,
          h.changedBy,
        ]),
      ).toEqual([
        [1, 'create', 'hamburg-editor'],
        [2, 'update', 'hamburg-editor'],
        [3, 'delete', 'hamburg-editor'],
      ]);
      expect(history[1].changes).toEqual([
        { field: 'homepage', old: hamburgPlatform.homepage, new: null },
        { field: 'status', old: 'pilot', new: 'production' },
      ]);
      expect(history[1].correlationId).toBe('patch-1');

      const events = await eventually(() => {
        const mine = registry.platformEvents.messages.filter((m) => m.key === id);
        expect(mine).toHaveLength(3);
        return mine;
      });
      expect(events.map((m) => envelopeFromHeaders(m.headers).entityVersion)).toEqual([1, 2, 3]);
      const update = decodeMessage(PlatformChangedSchema, events[1].value as Buffer);
      expect(update.platform).toMatchObject({
        status: PlatformStatus.PRODUCTION,
        homepage: '',
        version: 2n,
      });
      expect(events[2].value).toBeNull();
    });
  });
});
