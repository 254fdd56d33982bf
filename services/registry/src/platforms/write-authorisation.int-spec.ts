import { eventually } from '@dpi/testing';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';
import { ADMIN_TOKEN, asAdmin, hamburgPlatform } from './platform-writes.test-helper';

// Who may write: token administration and the authorisation matrix of every record kind. What a
// permitted write does (If-Match, history, events, tombstones) is in platform-writes.int-spec.ts.
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
  const { issue, createAsAdmin } = asAdmin(() => registry);

  beforeAll(async () => {
    registry = await startRegistry('writeauth', ADMIN_TOKEN);
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
});
