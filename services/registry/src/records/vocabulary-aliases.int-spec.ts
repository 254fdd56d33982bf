import { DigitalTwinChangedSchema, ThreeDFormat, TOPICS } from '@dpi/contracts';
import { decodeMessage, prefixedTopic } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { NormalisedVocabulary1763900000011 } from '../database/migrations/1763900000011-normalised-vocabulary';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

/**
 * One vocabulary of standards (issue 21, part 8): the registry stores the canonical code whatever
 * spelling a client sends, and migration 1763900000011 rewrites what was stored before.
 */
const ADMIN_TOKEN = 'vocabulary-admin-token-0123456789';
const twin = {
  name: 'Digitaler Zwilling Musterstadt',
  landCode: 'DE-SN',
  scope: 'municipality',
  kind: 'urban',
  maturityLevel: 1,
};
const platform = {
  name: 'Geoportal Musterland',
  landCode: 'DE-SN',
  type: 'geoportal',
  status: 'production',
};

describe('registry: vocabulary aliases are stored as canonical codes (real PostgreSQL)', () => {
  let registry: RegistryUnderTest;
  let twinEvents: KafkaProbe;
  const post = (path: string, body: unknown) =>
    registry.request('POST', path, { token: ADMIN_TOKEN, body });
  const stored = async (table: string, column: string, id: string): Promise<string[]> =>
    (
      await registry.db.query(
        `SELECT ${column} AS v FROM ${registry.schema}.${table} WHERE id = $1`,
        [id],
      )
    ).rows[0].v;

  beforeAll(async () => {
    registry = await startRegistry('vocabulary', ADMIN_TOKEN);
    twinEvents = await new KafkaProbe(
      prefixedTopic(TOPICS.registryDigitalTwin, registry.ns.topicPrefix),
    ).start();
  });

  afterAll(async () => {
    await twinEvents?.stop();
    await registry?.close();
  });

  it('stores a twin registered with the old 3D format words under the canonical codes', async () => {
    const created = await post('/api/v1/twins', {
      ...twin,
      formats: ['cityGml2', '3dTiles', 'gltf'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().formats).toEqual(['3d-tiles', 'citygml-2', 'gltf']);
    expect(await stored('digital_twin', 'formats', id)).toEqual(['3d-tiles', 'citygml-2', 'gltf']);
    expect((await registry.request('GET', `/api/v1/twins/${id}`)).json().formats).toEqual([
      '3d-tiles',
      'citygml-2',
      'gltf',
    ]);
    // The contract is unchanged: the same enum values as before the words were normalised.
    const event = await eventually(() => {
      const found = twinEvents.messages.find((m) => m.key === id);
      if (!found) throw new Error('not yet published');
      return found;
    });
    expect(decodeMessage(DigitalTwinChangedSchema, event.value as Buffer).twin?.formats).toEqual([
      ThreeDFormat.THREE_D_FORMAT_3D_TILES,
      ThreeDFormat.THREE_D_FORMAT_CITYGML_2,
      ThreeDFormat.THREE_D_FORMAT_GLTF,
    ]);
    // An alias of what is stored is no change (same set, same version).
    const again = await registry.request('PATCH', `/api/v1/twins/${id}`, {
      token: ADMIN_TOKEN,
      body: { formats: ['gltf', 'citygml-2', '3dTiles'] },
      headers: { 'if-match': '"1"' },
    });
    expect([again.statusCode, again.json().version]).toEqual([200, 1]);
    // A list filtered by an old word finds it, as by the code.
    for (const format of ['cityGml2', 'citygml-2']) {
      const list = await registry.request('GET', `/api/v1/twins?format=${format}`);
      expect([format, list.statusCode, list.json().items.map((t: { id: string }) => t.id)]).toEqual(
        [format, 200, [id]],
      );
    }
  });

  it('stores a platform whose standards are spelt otherwise under the codes of the list', async () => {
    const created = await post('/api/v1/platforms', {
      ...platform,
      standards: ['CityGML', 'OGC CSW', '3dTiles', 'wms', 'i3s'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const codes = ['3d-tiles', 'citygml', 'i3s', 'ogc-csw', 'ogc-wms'];
    expect([...(await stored('platform', 'standards', id))].sort()).toEqual(codes);
    expect([...created.json().standards].sort()).toEqual(codes);
    for (const standard of ['CityGML', 'citygml', 'OGC%20CSW']) {
      const list = await registry.request('GET', `/api/v1/platforms?standard=${standard}`);
      expect([
        standard,
        list.statusCode,
        list.json().items.map((p: { id: string }) => p.id),
      ]).toEqual([standard, 200, [id]]);
    }
  });

  it('rejects what it cannot map, naming the codes it takes (negative control)', async () => {
    const format = await post('/api/v1/twins', { ...twin, formats: ['CityGML'] });
    expect(format.statusCode).toBe(400);
    expect(JSON.stringify(format.json())).toContain('citygml-2');
    const standard = await post('/api/v1/platforms', { ...platform, standards: ['ISO 19119'] });
    expect(standard.statusCode).toBe(400);
    const unknown = await post('/api/v1/platforms', { ...platform, standards: ['citygml4'] });
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(unknown.statusCode).toBeLessThan(500);
  });

  it('migration 1763900000011 rewrites stored old words and its down restores them', async () => {
    const created = await post('/api/v1/twins', { ...twin, name: 'Zwilling Altbestand' });
    const id = created.json().id;
    // A row as the registry wrote it before the migration.
    await registry.db.query(
      `UPDATE ${registry.schema}.digital_twin SET formats = $2 WHERE id = $1`,
      [id, ['cityGml3', 'i3s', 'cityJson']],
    );
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${registry.schema}`);
      const runner = {
        query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
      } as unknown as QueryRunner;
      const migration = new NormalisedVocabulary1763900000011();
      await migration.up(runner);
      expect(await stored('digital_twin', 'formats', id)).toEqual(['citygml-3', 'i3s', 'cityjson']);
      await migration.down(runner);
      expect(await stored('digital_twin', 'formats', id)).toEqual(['cityGml3', 'i3s', 'cityJson']);
      const standards = await client.query('SELECT code FROM standard WHERE code IN ($1, $2)', [
        'i3s',
        'gltf',
      ]);
      expect(standards.rowCount).toBe(0);
      await migration.up(runner);
      await migration.up(runner); // twice: nothing left to rewrite, the standards already there
      expect(await stored('digital_twin', 'formats', id)).toEqual(['citygml-3', 'i3s', 'cityjson']);
      expect(
        (await client.query("SELECT code FROM standard WHERE code IN ('i3s', 'gltf')")).rowCount,
      ).toBe(2);
    } finally {
      await client.end();
    }
  });
});
