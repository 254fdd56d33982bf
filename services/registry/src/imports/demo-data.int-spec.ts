import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'demo-admin-token-0123456789';
const DEMO = join(__dirname, '../../../../deploy/local/demo/inventory.json');

/** `npm start` loads the demo inventory through the bulk import: it must stay valid. */
describe('demo data (deploy/local/demo/inventory.json)', () => {
  let registry: RegistryUnderTest;

  beforeAll(async () => {
    registry = await startRegistry('demo', ADMIN_TOKEN);
  });

  afterAll(() => registry?.close());

  it('imports completely, links included, and a second import changes nothing', async () => {
    const items = JSON.parse(readFileSync(DEMO, 'utf8'));
    const first = await registry.request('POST', '/api/v1/imports', {
      token: ADMIN_TOKEN,
      body: items,
    });
    expect(first.statusCode).toBe(200);
    const failed = first.json().items.filter((i: { status: string }) => i.status !== 'created');
    expect(failed).toEqual([]);
    const laender = new Set(
      items
        .filter((i: { kind: string }) => i.kind === 'platform')
        .map((i: { data: { landCode: string } }) => i.data.landCode),
    );
    expect(laender.size).toBe(16);

    const again = await registry.request('POST', '/api/v1/imports', {
      token: ADMIN_TOKEN,
      body: items,
    });
    expect(again.json().summary).toEqual({
      created: 0,
      updated: 0,
      unchanged: items.length,
      failed: 0,
    });
  });
});
