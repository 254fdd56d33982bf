import { PlatformChangedSchema, PlatformStatus } from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders } from '@dpi/kafka';
import { eventually } from '@dpi/testing';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';
import { ADMIN_TOKEN, asAdmin, hamburgPlatform } from './platform-writes.test-helper';

// What a permitted write does; who may write (tokens, the authorisation matrix) is in
// write-authorisation.int-spec.ts.
describe('registry: tokens, Land scoping, If-Match, history, tombstones (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  const tokens = { hamburg: '' };

  const request = (...args: Parameters<RegistryUnderTest['request']>) => registry.request(...args);
  const { issue, createAsAdmin } = asAdmin(() => registry);

  beforeAll(async () => {
    registry = await startRegistry('writes', ADMIN_TOKEN);
    tokens.hamburg = await issue('hamburg-editor', 'land-editor', 'DE-HH');
  });

  afterAll(() => registry?.close());

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
