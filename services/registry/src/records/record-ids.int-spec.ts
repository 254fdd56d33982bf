import { migrate } from '@dpi/db';
import { createTestNamespace } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { registryEnvSchema } from '../config';
import { REGISTRY_MIGRATIONS, registryDataSourceOptions } from '../database/data-source';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

/**
 * Issue 20, identity: one id names one record across all kinds. A create (bulk import with ids,
 * its dry run, two racing imports, a row written past the application) under an id another kind
 * holds is refused — 409 naming that kind, or naming nothing when the holder is a NON_PUBLIC
 * record the caller may not see (issue 17) — and migration 1763900000008 reports the duplicates
 * an existing database already has.
 */
const ADMIN_TOKEN = 'record-ids-admin-token-0123456789';

describe('registry: record ids are unique across kinds (issue 20)', () => {
  let registry: RegistryUnderTest;
  let brandenburg: string;
  let berlin: string;

  const platform = (landCode: string, extra: object = {}) => ({
    name: 'Geoportal',
    landCode,
    type: 'geoportal',
    status: 'production',
    ...extra,
  });
  const dataset = (landCode: string, extra: object = {}) => ({
    title: 'Bebauungspläne',
    landCode,
    ...extra,
  });

  const importItems = async (token: string, items: object[], dryRun = false) => {
    const response = await registry.request(
      'POST',
      `/api/v1/imports${dryRun ? '?dryRun=true' : ''}`,
      { token, body: items },
    );
    expect(response.statusCode).toBe(200);
    return response.json().items as { status: string; detail?: string; id: string | null }[];
  };

  beforeAll(async () => {
    registry = await startRegistry('recordids', ADMIN_TOKEN);
    const issue = async (name: string, landCode: string) =>
      (
        await registry.request('POST', '/api/v1/admin/tokens', {
          token: ADMIN_TOKEN,
          body: { name, role: 'land-editor', landCode },
        })
      ).json().token as string;
    brandenburg = await issue('editor-bb', 'DE-BB');
    berlin = await issue('editor-be', 'DE-BE');
  });

  afterAll(() => registry?.close());

  it('an import of a dataset under a platform id is a conflict naming the platform, dry run or not', async () => {
    const id = randomUUID();
    const [first] = await importItems(berlin, [{ kind: 'platform', id, data: platform('DE-BE') }]);
    expect(first.status).toBe('created');
    for (const dryRun of [true, false]) {
      const [second] = await importItems(
        brandenburg,
        [{ kind: 'dataset', id, data: dataset('DE-BB') }],
        dryRun,
      );
      expect({ dryRun, status: second.status }).toEqual({ dryRun, status: 'conflict' });
      expect(second.detail).toContain(`already used by platform ${id}`);
    }
    // Control: the same import under a fresh id is created.
    const [fresh] = await importItems(brandenburg, [
      { kind: 'dataset', id: randomUUID(), data: dataset('DE-BB') },
    ]);
    expect(fresh.status).toBe('created');
    expect(
      await registry.db.query(`SELECT 1 FROM ${registry.schema}.dataset WHERE id = $1`, [id]),
    ).toMatchObject({ rowCount: 0 });
    // The platform is still reachable as itself, and nothing else carries its id.
    const read = await registry.request('GET', `/api/v1/platforms/${id}`);
    expect(read.statusCode).toBe(200);
    expect((await registry.request('GET', `/api/v1/datasets/${id}`)).statusCode).toBe(404);
  });

  it('a NON_PUBLIC holder another Land may not see is named by nothing', async () => {
    const id = randomUUID();
    const [hidden] = await importItems(brandenburg, [
      { kind: 'dataset', id, data: dataset('DE-BB', { accessRights: 'NON_PUBLIC' }) },
    ]);
    expect(hidden.status).toBe('created');
    const [stranger] = await importItems(berlin, [
      { kind: 'platform', id, data: platform('DE-BE') },
    ]);
    expect(stranger.status).toBe('conflict');
    expect(stranger.detail).toBe(
      `id ${id} is already used by another record; ids are unique across all kinds`,
    );
    // Control: whoever may see the dataset (its own Land, admins) is told what holds the id.
    const [own] = await importItems(brandenburg, [
      { kind: 'platform', id, data: platform('DE-BB') },
    ]);
    expect(own.detail).toContain(`already used by dataset ${id}`);
  });

  it('of two imports racing for one id under two kinds exactly one wins', async () => {
    for (let round = 0; round < 10; round++) {
      const id = randomUUID();
      const results = await Promise.all([
        importItems(ADMIN_TOKEN, [{ kind: 'platform', id, data: platform('DE-BE') }]),
        importItems(ADMIN_TOKEN, [{ kind: 'dataset', id, data: dataset('DE-BB') }]),
      ]);
      const statuses = results.map(([item]) => item.status).sort();
      expect({ round, statuses }).toEqual({ round, statuses: ['conflict', 'created'] });
      const { rows } = await registry.db.query(
        `SELECT (SELECT count(*) FROM ${registry.schema}.platform WHERE id = $1)
              + (SELECT count(*) FROM ${registry.schema}.dataset WHERE id = $1) AS n`,
        [id],
      );
      expect(Number(rows[0].n)).toBe(1);
    }
  });

  it('PostgreSQL refuses a row of another kind under a taken id, whoever writes it', async () => {
    const created = await registry.request('POST', '/api/v1/platforms', {
      token: ADMIN_TOKEN,
      body: platform('DE-BE'),
    });
    const platformId = created.json().id as string;
    const source = await registry.request('POST', '/api/v1/datasets', {
      token: ADMIN_TOKEN,
      body: dataset('DE-BB'),
    });
    const datasetId = source.json().id as string;
    // A copy of the dataset row (as a harvested-dataset upsert or a bulk load would write one).
    const { rows: columns } = await registry.db.query(
      `SELECT string_agg(quote_ident(column_name), ', ') AS list FROM information_schema.columns
       WHERE table_schema = $1 AND table_name = 'dataset' AND is_generated = 'NEVER'
         AND column_name <> 'id'`,
      [registry.schema],
    );
    const copy = (id: string) =>
      registry.db.query(
        `INSERT INTO ${registry.schema}.dataset (id, ${columns[0].list})
         SELECT $1, ${columns[0].list} FROM ${registry.schema}.dataset WHERE id = $2`,
        [id, datasetId],
      );
    await expect(copy(platformId)).rejects.toMatchObject({
      code: '23505',
      constraint: 'record_id_pkey',
    });
    // Control: the same copy under a fresh id is stored, and its id is claimed for datasets.
    const fresh = randomUUID();
    await copy(fresh);
    const { rows } = await registry.db.query(
      `SELECT kind FROM ${registry.schema}.record_id WHERE id = $1`,
      [fresh],
    );
    expect(rows).toEqual([{ kind: 'dataset' }]);
  });
});

describe('registry: migration 1763900000008 reports ids an existing database already shares (issue 20)', () => {
  it('claims each id for the kind that created it first and lists the others', async () => {
    const ns = await createTestNamespace('recordidsmigration');
    const env = registryEnvSchema.parse({ ...process.env, ...ns.env('registry') });
    const options = registryDataSourceOptions(env);
    const before = REGISTRY_MIGRATIONS.filter((m) => m.name !== 'RecordIds1763900000008');
    expect(before).toHaveLength(REGISTRY_MIGRATIONS.length - 1);
    await migrate({ ...options, migrations: before });
    const db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const schema = options.schema;
      const shared = randomUUID();
      const alone = randomUUID();
      await db.query(
        `INSERT INTO ${schema}.platform (id, land_code, name, description, type, status,
           created_by, created_at, updated_at, version)
         VALUES ($1, 'DE-BE', 'Älter', '', 'geoportal', 'production', 'test',
           '2025-01-01T00:00:00Z', now(), 1),
           ($2, 'DE-BE', 'Allein', '', 'geoportal', 'production', 'test', now(), now(), 1)`,
        [shared, alone],
      );
      await db.query(
        `INSERT INTO ${schema}.dataset (id, land_code, title, description, created_by,
           created_at, updated_at, version)
         VALUES ($1, 'DE-BB', 'Jünger', '', 'test', '2025-06-01T00:00:00Z', now(), 1)`,
        [shared],
      );
      expect(await migrate(options)).toEqual(['RecordIds1763900000008']);
      const claims = await db.query(
        `SELECT id::text, kind FROM ${schema}.record_id WHERE id = ANY ($1::uuid[]) ORDER BY kind`,
        [[shared, alone]],
      );
      expect(claims.rows).toEqual(
        expect.arrayContaining([
          { id: shared, kind: 'platform' },
          { id: alone, kind: 'platform' },
        ]),
      );
      expect(claims.rows).toHaveLength(2);
      const conflicts = await db.query(
        `SELECT kind, id::text, land_code, claimed_by FROM ${schema}.record_id_conflict`,
      );
      expect(conflicts.rows).toEqual([
        { kind: 'dataset', id: shared, land_code: 'DE-BB', claimed_by: 'platform' },
      ]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`dataset ${shared}`));
    } finally {
      warn.mockRestore();
      await db.end();
    }
  });
});
