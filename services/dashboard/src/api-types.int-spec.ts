import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@dpi/testing';

const DASHBOARD = join(WORKSPACE_ROOT, 'services/dashboard');
const TSC = join(WORKSPACE_ROOT, 'node_modules/typescript/bin/tsc');

/**
 * The dashboard's API types (src/generated/reporting-api.ts) are generated from reporting's OpenAPI
 * document. Here they are generated again from the current reporting build and the dashboard's
 * sources are typechecked against them: a change of the API that the dashboard's code does not
 * survive fails here, until the types are regenerated (`npx nx run dashboard:api-types`) and the
 * code follows. Additive changes (a new endpoint, a new field) pass.
 */
describe('dashboard API types against the current reporting OpenAPI document', () => {
  let dir: string;
  const generated = () => join(dir, 'src/generated/reporting-api.ts');
  const typecheck = () =>
    execFileSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json'), '--noEmit'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });

  beforeAll(() => {
    dir = mkdtempSync(join(WORKSPACE_ROOT, '.infra/dashboard-api-types-'));
    cpSync(join(DASHBOARD, 'src'), join(dir, 'src'), { recursive: true });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(DASHBOARD, 'tsconfig.json'), include: ['src/**/*.ts'] }),
    );
    execFileSync(
      process.execPath,
      [join(DASHBOARD, 'scripts/api-types.mjs'), '--out', generated()],
      { stdio: 'pipe', env: process.env },
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the dashboard typechecks against types generated from the running API', () => {
    expect(readFileSync(generated(), 'utf8')).toContain('InventoryItemView: {');
    expect(() => typecheck()).not.toThrow();
  });

  it('negative control: a field the dashboard reads, gone from the API, fails the typecheck', () => {
    const text = readFileSync(generated(), 'utf8');
    const item = text.indexOf('InventoryItemView: {');
    const title = text.indexOf('      title: string;\n', item);
    expect(item).toBeGreaterThan(0);
    expect(title).toBeGreaterThan(item);
    writeFileSync(
      generated(),
      text.slice(0, title) + text.slice(title + '      title: string;\n'.length),
    );
    let output = '';
    try {
      typecheck();
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/Property 'title' does not exist/);
  });
});
