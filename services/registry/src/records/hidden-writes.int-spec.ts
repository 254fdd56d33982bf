import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { HttpMethod, RegistryUnderTest, startRegistry } from '../registry.test-helper';

/**
 * Issue 17, the write side of the visibility rule: to a caller who may not see a NON_PUBLIC
 * record (another Land's editor), every write naming it — by its URL or in a link — answers
 * exactly as for an id that does not exist; a record the caller can see but not write stays 403.
 * (Reads: auth/visibility.int-spec.ts; bulk imports: imports/imports.int-spec.ts.)
 */
const ADMIN_TOKEN = 'hidden-writes-admin-token-0123456789';

describe('registry: writes naming a record the caller cannot see answer as for an unknown id (issue 17)', () => {
  let registry: RegistryUnderTest;
  let stranger: string;
  /** NON_PUBLIC records of Brandenburg, and public ones, by collection. */
  const hidden = new Map<string, string>();
  const visible = new Map<string, string>();
  /** A Berlin platform the stranger may write, for links in bodies. */
  let ownPlatform: string;

  const created = async (path: string, body: object, token = ADMIN_TOKEN) => {
    const response = await registry.request('POST', path, { token, body });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };

  /** A write's answer with `id` taken out (and per-request members), to compare two. */
  const shape = (response: LightMyRequestResponse, id: string) => {
    const body = JSON.parse(response.body.split(id).join('<id>')) as Record<string, unknown>;
    delete body.instance;
    delete body.requestId;
    return { status: response.statusCode, type: response.headers['content-type'], body };
  };

  const platform = (name: string, landCode: string, extra: object = {}) => ({
    name,
    landCode,
    type: 'urbanDataPlatform',
    status: 'production',
    ...extra,
  });
  const dataset = (title: string, accessRights: string) => ({
    title,
    landCode: 'DE-BB',
    accessRights,
  });
  const bodies: Record<string, object> = {
    platforms: platform('Fremde Plattform', 'DE-BE'),
    datasets: { title: 'Fremder Datensatz', landCode: 'DE-BE' },
  };

  const write = (method: HttpMethod, url: string, body?: object) =>
    registry.request(method, url, {
      token: stranger,
      body,
      headers: { 'if-match': '"1"' },
    });

  beforeAll(async () => {
    registry = await startRegistry('hiddenwrites', ADMIN_TOKEN);
    const issued = await registry.request('POST', '/api/v1/admin/tokens', {
      token: ADMIN_TOKEN,
      body: { name: 'editor-be', role: 'land-editor', landCode: 'DE-BE' },
    });
    stranger = issued.json().token;
    hidden.set(
      'platforms',
      await created(
        '/api/v1/platforms',
        platform('Interne Plattform', 'DE-BB', { accessRights: 'NON_PUBLIC' }),
      ),
    );
    visible.set(
      'platforms',
      await created('/api/v1/platforms', platform('Offene Plattform', 'DE-BB')),
    );
    hidden.set(
      'datasets',
      await created('/api/v1/datasets', dataset('Leitungskataster', 'NON_PUBLIC')),
    );
    visible.set('datasets', await created('/api/v1/datasets', dataset('Bebauungspläne', 'PUBLIC')));
    ownPlatform = await created(
      '/api/v1/platforms',
      platform('Berliner Plattform', 'DE-BE'),
      stranger,
    );
  });

  afterAll(() => registry?.close());

  const collections = ['platforms', 'datasets'];
  const writes: { method: HttpMethod; body: (collection: string) => object | undefined }[] = [
    { method: 'PUT', body: (c) => bodies[c] },
    { method: 'PATCH', body: () => ({ description: 'übernommen' }) },
    { method: 'DELETE', body: () => undefined },
  ];

  it.each(collections)(
    '%s: PUT, PATCH and DELETE of a hidden record answer exactly as for an unknown id',
    async (collection) => {
      const id = hidden.get(collection) as string;
      for (const { method, body } of writes) {
        const unknown = randomUUID();
        const toHidden = await write(method, `/api/v1/${collection}/${id}`, body(collection));
        const toUnknown = await write(method, `/api/v1/${collection}/${unknown}`, body(collection));
        expect({ method, status: toHidden.statusCode }).toEqual({ method, status: 404 });
        expect({ method, ...shape(toHidden, id) }).toEqual({
          method,
          ...shape(toUnknown, unknown),
        });
        expect(toHidden.body).not.toContain('DE-BB');
      }
    },
  );

  it.each(collections)(
    '%s: PUT, PATCH and DELETE of a visible record of another Land stay 403',
    async (collection) => {
      const id = visible.get(collection) as string;
      for (const { method, body } of writes) {
        const response = await write(method, `/api/v1/${collection}/${id}`, body(collection));
        expect({ method, status: response.statusCode }).toEqual({ method, status: 403 });
        expect(response.json().detail).toContain('DE-BB');
      }
    },
  );

  it('links in a body naming a hidden record answer as links naming an unknown id', async () => {
    const id = hidden.get('datasets') as string;
    const unknown = randomUUID();
    const cases: { method: HttpMethod; url: string; body: (ids: string[]) => object }[] = [
      {
        method: 'POST',
        url: '/api/v1/platforms',
        body: (datasetIds) => platform('Neue Plattform', 'DE-BE', { datasetIds }),
      },
      {
        method: 'PUT',
        url: `/api/v1/platforms/${ownPlatform}`,
        body: (datasetIds) => platform('Berliner Plattform', 'DE-BE', { datasetIds }),
      },
      {
        method: 'PATCH',
        url: `/api/v1/platforms/${ownPlatform}`,
        body: (datasetIds) => ({ datasetIds }),
      },
      {
        method: 'POST',
        url: '/api/v1/twins',
        body: (platformIds) => ({
          name: 'Berliner Zwilling',
          landCode: 'DE-BE',
          scope: 'state',
          kind: 'geobasis',
          maturityLevel: 2,
          platformIds,
        }),
      },
    ];
    for (const { method, url, body } of cases) {
      const target = url === '/api/v1/twins' ? (hidden.get('platforms') as string) : id;
      const toHidden = await write(method, url, body([target]));
      const toUnknown = await write(method, url, body([unknown]));
      expect({ method, url, status: toHidden.statusCode }).toEqual({ method, url, status: 400 });
      expect({ method, url, ...shape(toHidden, target) }).toEqual({
        method,
        url,
        ...shape(toUnknown, unknown),
      });
    }
    // Control: a visible record of another Land in a link is refused as foreign, naming it.
    const foreign = await write('PATCH', `/api/v1/platforms/${ownPlatform}`, {
      datasetIds: [visible.get('datasets')],
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().detail).toContain('DE-BB');
    // Nothing was written: the stranger's platform is still at its first version.
    const own = await registry.request('GET', `/api/v1/platforms/${ownPlatform}`);
    expect(own.json().version).toBe(1);
  });
});
