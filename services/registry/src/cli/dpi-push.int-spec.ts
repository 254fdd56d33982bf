import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'push-admin-token-0123456789';
const run = promisify(execFile);
const ROOT = join(__dirname, '../../../..');
const DPI_BIN = join(ROOT, 'node_modules/.bin/dpi');

const FILE = `# Hamburg's entries for the AG Datenplattformen
items:
  - kind: platform
    data:
      name: Urban Data Platform Hamburg
      landCode: DE-HH
      type: urbanDataPlatform
      status: production
      components: [Masterportal, FROST-Server]
  - kind: endpoint
    data:
      name: SensorThings API Hamburg
      landCode: DE-HH
      serviceType: sensorThings
      serviceVersion: "1.1"
      url: https://iot.hamburg.de/v1.1
      authentication: none
`;

describe('dpi push (the CLI as a process against a real registry)', () => {
  let registry: RegistryUnderTest;
  let url: string;
  let token: string;
  let dir: string;

  // The bin npm links for `npx dpi`, run by node itself: npx's own start-up took seconds per call
  // on a loaded CI machine and pushed a test of three calls past its deadline (stop 27).
  const dpi = (...args: string[]) =>
    run(process.execPath, [DPI_BIN, ...args, '--url', url, '--token', token], { cwd: ROOT }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  beforeAll(async () => {
    registry = await startRegistry('push', ADMIN_TOKEN);
    await registry.app.listen(0, '127.0.0.1');
    url = await registry.app.getUrl();
    token = (
      await registry.request('POST', '/api/v1/admin/tokens', {
        token: ADMIN_TOKEN,
        body: { name: 'hamburg-cli', role: 'land-editor', landCode: 'DE-HH' },
      })
    ).json().token;
    dir = await mkdtemp(join(tmpdir(), 'dpi-push-'));
  });

  afterAll(() => registry?.close());

  it('refuses an invalid file locally and sends nothing', async () => {
    const file = join(dir, 'invalid.yaml');
    await writeFile(file, FILE.replace('status: production', 'status: someday'));
    const result = (await dpi('push', file, '--yes')) as { code: number; stderr: string };
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('#0 data.status: status must be one of');
    expect(await registry.count('platform')).toBe(0);
  });

  it('assigns ids, shows the diff, pushes, and is a no-op the second time', async () => {
    const file = join(dir, 'hamburg.yaml');
    await writeFile(file, FILE);
    const dry = (await dpi('push', file, '--dry-run', '--assign-ids')) as { stdout: string };
    expect(dry.stdout).toContain('+ platform "Urban Data Platform Hamburg"');
    expect(dry.stdout).toContain('would change: 2 created, 0 updated, 0 unchanged, 0 failed');
    const written = await readFile(file, 'utf8');
    expect(written).toContain("# Hamburg's entries"); // comments kept
    expect(written.match(/\bid: [0-9a-f-]{36}/g)).toHaveLength(2);
    expect(await registry.count('platform')).toBe(0);

    const pushed = (await dpi('push', file, '--yes')) as { stdout: string; stderr: string };
    expect(pushed.stdout).toContain('changed: 2 created, 0 updated, 0 unchanged, 0 failed');
    expect(pushed.stderr).toContain('pushed 2/2');
    expect(await registry.count('platform')).toBe(1);

    await writeFile(file, written.replace('status: production', 'status: retired'));
    const update = (await dpi('push', file, '--yes')) as { stdout: string };
    expect(update.stdout).toContain('status: "production" → "retired"');
    expect(update.stdout).toContain('changed: 0 created, 1 updated, 1 unchanged, 0 failed');

    const again = (await dpi('push', file, '--yes')) as { stdout: string };
    expect(again.stdout).toContain('nothing to push');
  }, 120_000); // three CLI processes: a deadline for a loaded machine

  it('needs --yes when stdin is not a terminal', async () => {
    const file = join(dir, 'new.json');
    await writeFile(
      file,
      JSON.stringify([{ kind: 'dataset', data: { title: 'Baumkataster', landCode: 'DE-HH' } }]),
    );
    const result = (await dpi('push', file)) as { code: number; stderr: string };
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pass --yes');
  });
});
