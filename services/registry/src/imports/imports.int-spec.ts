import { randomUUID } from 'node:crypto';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'imports-admin-token-0123456789';

describe('registry: bulk import (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  let hamburg: string;
  const orgId = randomUUID();
  const platformId = randomUUID();

  const items = () => [
    {
      kind: 'organisation',
      id: orgId,
      data: { name: 'LGV Hamburg', landCode: 'DE-HH', level: 'state', type: 'surveyingAuthority' },
    },
    {
      kind: 'platform',
      id: platformId,
      data: {
        name: 'Geoportal Hamburg',
        landCode: 'DE-HH',
        type: 'geoportal',
        status: 'production',
        operatorOrganisationId: orgId,
      },
    },
    { kind: 'platform', data: { name: 'Incomplete', landCode: 'DE-HH' } },
    {
      kind: 'platform',
      data: { name: 'Foreign', landCode: 'DE-BY', type: 'geoportal', status: 'pilot' },
    },
    { kind: 'spaceship', data: {} },
  ];

  const post = (body: unknown, query = '', contentType = 'application/json') =>
    registry.app.inject({
      method: 'POST',
      url: `/api/v1/imports${query}`,
      headers: { authorization: `Bearer ${hamburg}`, 'content-type': contentType },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    registry = await startRegistry('imports', ADMIN_TOKEN);
    const issued = await registry.request('POST', '/api/v1/admin/tokens', {
      token: ADMIN_TOKEN,
      body: { name: 'hamburg-importer', role: 'land-editor', landCode: 'DE-HH' },
    });
    hamburg = issued.json().token;
  });

  afterAll(() => registry?.close());

  it('reports every item of a dry run and stores nothing', async () => {
    const response = await post(items(), '?dryRun=true');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.dryRun).toBe(true);
    expect(report.items.map((i: { status: string }) => i.status)).toEqual([
      'created',
      // Links to what the dry run would create earlier count as existing.
      'created',
      'invalid',
      'forbidden',
      'invalid',
    ]);
    expect(report.items[2].errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'data.type' })]),
    );
    expect(report.items[0].changes).toEqual(
      expect.arrayContaining([{ field: 'name', old: null, new: 'LGV Hamburg' }]),
    );
    expect(await registry.count('organisation')).toBe(0);
    expect(await registry.count('platform')).toBe(0);
  });

  it('imports in order, per item, and is idempotent when repeated', async () => {
    const first = (await post(items())).json();
    expect(first.summary).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(first.items[1]).toMatchObject({ id: platformId, status: 'created', version: 1 });
    expect(await registry.count('platform')).toBe(1);

    const again = (await post(items().slice(0, 2))).json();
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });

    const platform = items()[1] as { data: Record<string, unknown> };
    platform.data.status = 'retired';
    const changed = [platform];
    const dry = (await post(changed, '?dryRun=true')).json();
    expect(dry.items[0]).toMatchObject({
      status: 'updated',
      changes: [{ field: 'status', old: 'production', new: 'retired' }],
    });
    expect((await registry.request('GET', `/api/v1/platforms/${platformId}`)).json().status).toBe(
      'production',
    );
    const stale = (await post([{ ...changed[0], version: 7 }])).json();
    expect(stale.items[0].status).toBe('conflict');
    const updated = (await post([{ ...changed[0], version: 1 }])).json();
    expect(updated.items[0]).toMatchObject({ status: 'updated', version: 2 });
  });

  it('takes NDJSON and bodies over 1 MB, refuses malformed lines and too many items', async () => {
    const ndjson = items()
      .slice(0, 1)
      .map((i) => JSON.stringify(i))
      .join('\n');
    const response = await post(`${ndjson}\n\n`, '', 'application/x-ndjson');
    expect(response.statusCode).toBe(200);
    expect(response.json().summary.unchanged).toBe(1);

    const malformed = await post(`${ndjson}\n{oops`, '', 'application/x-ndjson');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().detail).toContain('line 2');

    const big = Array.from({ length: 1500 }, () => ({
      kind: 'dataset',
      data: { title: 'x', landCode: 'DE-HH', description: 'd'.repeat(1000) },
    }));
    const accepted = await post(big, '?dryRun=true');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().summary.created).toBe(1500);

    const tooMany = await post(
      Array.from({ length: 10_001 }, () => ({ kind: 'platform', data: {} })),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(await registry.count('dataset')).toBe(0);
  });

  // Last: it stores records of another Land, which the counts above do not expect.
  it("answers an id of another Land's NON_PUBLIC record as if it did not exist (issue 17)", async () => {
    const byAdmin = async (path: string, body: object) => {
      const response = await registry.request('POST', path, { token: ADMIN_TOKEN, body });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const bavarian = (name: string, accessRights: string) => ({
      name,
      landCode: 'DE-BY',
      type: 'geoportal',
      status: 'production',
      accessRights,
    });
    const hidden = await byAdmin('/api/v1/platforms', bavarian('Internes Portal', 'NON_PUBLIC'));
    const visible = await byAdmin('/api/v1/platforms', bavarian('Offenes Portal', 'PUBLIC'));
    const hiddenDataset = await byAdmin('/api/v1/datasets', {
      title: 'Interner Datensatz',
      landCode: 'DE-BY',
      accessRights: 'NON_PUBLIC',
    });
    const missing = randomUUID();
    const missingDataset = randomUUID();
    const data = {
      name: 'Geoportal Hamburg',
      landCode: 'DE-HH',
      type: 'geoportal',
      status: 'production',
    };
    const probes = [
      { kind: 'platform', id: hidden, version: 1, data },
      { kind: 'platform', id: missing, version: 1, data },
      { kind: 'platform', data: { ...data, datasetIds: [hiddenDataset] } },
      { kind: 'platform', data: { ...data, datasetIds: [missingDataset] } },
      { kind: 'platform', id: hidden, data },
      { kind: 'platform', id: visible, data },
    ];
    /** An item's result with the probed id replaced, to compare a hidden id's with a missing one's. */
    const shape = (item: Record<string, unknown>, id: string) =>
      JSON.parse(
        JSON.stringify({ ...item, index: 0 })
          .split(id)
          .join('<id>'),
      );
    for (const query of ['?dryRun=true', '']) {
      const report = (await post(probes, query)).json();
      const [hiddenItem, missingItem, hiddenLink, missingLink, hiddenNoVersion, visibleItem] =
        report.items;
      // A hidden record and an unknown id: the same answer, no Land named.
      expect(hiddenItem.status).toBe('notFound');
      expect(shape(hiddenItem, hidden)).toEqual(shape(missingItem, missing));
      expect(hiddenLink.status).toBe('invalid');
      expect(shape(hiddenLink, hiddenDataset)).toEqual(shape(missingLink, missingDataset));
      // Without a version an unknown id would be created; a hidden one cannot be, and is still
      // answered as missing, not as Bavaria's.
      expect(hiddenNoVersion).toMatchObject({
        status: 'notFound',
        detail: `platform ${hidden} does not exist`,
      });
      expect(JSON.stringify([hiddenItem, hiddenLink, hiddenNoVersion])).not.toContain('DE-BY');
      // A record the caller can see but not write stays a 403 naming its Land.
      expect(visibleItem.status).toBe('forbidden');
      expect(visibleItem.detail).toContain('DE-BY');
    }
    // Nothing of Bavaria's changed.
    const stored = await registry.request('GET', `/api/v1/platforms/${hidden}`, {
      token: ADMIN_TOKEN,
    });
    expect(stored.json()).toMatchObject({ version: 1, landCode: 'DE-BY' });
  });
});
