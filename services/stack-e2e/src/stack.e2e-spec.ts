import { TOPICS } from '@dpi/contracts';
import { prefixedTopic } from '@dpi/kafka';
import {
  consumerGroupCaughtUp,
  createTestNamespace,
  databaseUrl,
  eventually,
  freePort,
  issueToken,
  ServiceProcess,
  TcpProxy,
  TestNamespace,
  WORKSPACE_ROOT,
  migrateService,
} from '@dpi/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
/** Reporting's consumer group (its default KAFKA_GROUP_ID; the topic prefix is prepended). */
const REPORTING_GROUP = 'dpi-reporting';

interface Summary {
  total: number;
  laender: { code: string; name: string; platforms: number }[];
}

/** The whole system as real processes built from dist/, on the real PostgreSQL and Kafka. */
describe('stack: registry → Kafka → reporting → dashboard', () => {
  let ns: TestNamespace;
  let registry: ServiceProcess;
  let reporting: ServiceProcess;
  let harvester: ServiceProcess;
  let dashboard: ServiceProcess;
  const extra: ServiceProcess[] = [];

  const migrate = (service: string) => migrateService(service, ns.env(service));

  async function register(name: string, landCode: string, fields: object = {}): Promise<string> {
    const response = await fetch(`${registry.url}/api/v1/platforms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ name, landCode, type: 'geoportal', status: 'production', ...fields }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function summary(base = reporting.url): Promise<Summary> {
    const response = await fetch(`${base}/api/v1/inventory/summary`);
    expect(response.status).toBe(200);
    return (await response.json()) as Summary;
  }
  const platformsOf = (s: Summary, code: string) =>
    s.laender.find((l) => l.code === code)?.platforms ?? -1;

  beforeAll(async () => {
    ns = await createTestNamespace('e2e');
    for (const service of ['registry', 'reporting', 'harvester']) {
      expect(migrate(service)).toMatch(new RegExp(`${service} schema "${ns.schema(service)}"`));
    }
    registry = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, OUTBOX_POLL_INTERVAL_MS: '200' }),
      await freePort(),
    );
    reporting = new ServiceProcess(
      'reporting',
      ns.env('reporting', {
        REGISTRY_URL: registry.url,
        REGISTRY_AUTH_CACHE_MS: '500',
        // Rules run after every change, not throttled to a share of the machine (the int-specs do
        // the same): on a loaded machine the throttle alone outlasted the findings' wait.
        FINDINGS_GAP_PER_RUN_TIME: '0',
      }),
      await freePort(),
    );
    harvester = new ServiceProcess('harvester', ns.env('harvester'), await freePort());
    dashboard = new ServiceProcess(
      'dashboard',
      { REPORTING_URL: reporting.url, LOG_LEVEL: 'warn' },
      await freePort(),
      join(WORKSPACE_ROOT, 'services/dashboard/dist/server/main.js'),
    );
    await Promise.all([registry.start(), reporting.start(), harvester.start()]);
    await dashboard.start();
  });

  afterAll(async () => {
    await Promise.all([registry, reporting, harvester, dashboard, ...extra].map((s) => s?.stop()));
  });

  it('all four services answer their health checks', async () => {
    for (const service of [registry, reporting, harvester, dashboard]) {
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    }
  });

  it('a registered platform appears in the summary, also through the dashboard', async () => {
    const before = await summary();
    await register('Geoportal Hamburg', 'DE-HH');
    await eventually(async () =>
      expect(platformsOf(await summary(), 'DE-HH')).toBe(platformsOf(before, 'DE-HH') + 1),
    );
    const viaDashboard = await summary(dashboard.url);
    expect(viaDashboard.total).toBe(before.total + 1);
    const page = await (await fetch(`${dashboard.url}/`)).text();
    expect(page).toContain('Datenplattform-Inventar');
  });

  it('reviewers see unpublished (NON_PUBLIC) records, the public does not', async () => {
    const reviewer = await issueToken(registry.url, ADMIN_TOKEN, {
      name: 'ag-pruefer',
      role: 'reviewer',
    });
    const hidden = await register('Lagebild-Plattform Innenministerium', 'DE-BB', {
      accessRights: 'NON_PUBLIC',
    });
    const open = await register('Lagebild-Plattform Open Data', 'DE-BB');
    const read = (path: string, token?: string) =>
      fetch(`${reporting.url}${path}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const titles = async (token?: string) => {
      const response = await read('/api/v1/items?q=Lagebild-Plattform', token);
      expect(response.status).toBe(200);
      expect(response.headers.get('vary')).toContain('authorization');
      const body = (await response.json()) as { items: { id: string }[]; total: number };
      return body.items.map((i) => i.id).sort();
    };
    await eventually(async () => expect(await titles(reviewer)).toEqual([hidden, open].sort()));
    expect(await titles()).toEqual([open]);
    expect(await (await read('/api/v1/viewer', reviewer)).json()).toEqual({
      reviewer: true,
      name: 'ag-pruefer',
    });
    expect(await (await read('/api/v1/viewer')).json()).toEqual({ reviewer: false, name: null });

    const ogcItem = (id: string) => `/api/v1/ogc/collections/inventar/items/${id}`;
    expect((await read(ogcItem(hidden))).status).toBe(404);
    expect((await read(ogcItem(hidden), reviewer)).status).toBe(200);
    const csv = async (token?: string) =>
      (await read('/api/v1/exports/items.csv?q=Lagebild-Plattform', token)).text();
    expect(await csv()).not.toContain('Innenministerium');
    expect(await csv(reviewer)).toContain('Innenministerium');

    // Both platforms lack a machine-readable interface: the public sees only the finding about
    // the open one; a reviewer both.
    const aboutPlatforms = async (token?: string) => {
      const response = await read(
        '/api/v1/findings?ruleId=platform-without-machine-readable-interface&landCode=DE-BB&limit=500',
        token,
      );
      const body = (await response.json()) as { items: { recordIds: string[] }[] };
      return body.items.flatMap((f) => f.recordIds).filter((id) => id === hidden || id === open);
    };
    await eventually(async () =>
      expect((await aboutPlatforms(reviewer)).sort()).toEqual([hidden, open].sort()),
    );
    expect(await aboutPlatforms()).toEqual([open]);

    // A finding about a Land stays public, but its evidence names no unpublished platform.
    const draft = await register('Open-Data-Portal Saarland (Entwurf)', 'DE-SL', {
      type: 'openDataPortal',
      status: 'planned',
      accessRights: 'NON_PUBLIC',
    });
    const portalFinding = async (token?: string) => {
      const response = await read(
        '/api/v1/findings?ruleId=land-without-open-data-portal&landCode=DE-SL',
        token,
      );
      const body = (await response.json()) as {
        items: { recordIds: string[]; evidence: { planned: string[]; plannedNotPublic: number } }[];
      };
      return body.items[0];
    };
    await eventually(async () =>
      expect((await portalFinding(reviewer))?.recordIds).toContain(draft),
    );
    const publicFinding = await portalFinding();
    expect(publicFinding.recordIds).not.toContain(draft);
    expect(publicFinding.evidence.plannedNotPublic).toBe(1);
    expect(JSON.stringify(publicFinding)).not.toContain('Entwurf');

    // A token the registry does not know is refused, not read as the public.
    const unknown = await read('/api/v1/items', 'not-a-token-the-registry-issued');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('Bearer');
    expect((await read('/api/v1/items', undefined)).status).toBe(200);
    const malformed = await fetch(`${reporting.url}/api/v1/items`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(malformed.status).toBe(401);

    // Revoked at the registry: refused once the cached answer (REGISTRY_AUTH_CACHE_MS) expired.
    const revoked = await fetch(`${registry.url}/api/v1/admin/tokens/ag-pruefer`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(revoked.status).toBe(204);
    await eventually(async () => expect((await read('/api/v1/items', reviewer)).status).toBe(401));
  });

  it('kill -9 of reporting loses and double-counts nothing', async () => {
    const before = await summary();
    // Round 1: crash right after a registration, before it was necessarily applied.
    await register('Geoportal Brandenburg', 'DE-BB');
    await reporting.kill9();
    await register('Digitaler Zwilling Sachsen', 'DE-SN');
    await reporting.start();
    // Round 2: crash right after the change became visible, before the offset commit may have run.
    await register('Urban Data Platform Hamburg', 'DE-HH');
    await eventually(
      async () =>
        expect(platformsOf(await summary(), 'DE-HH')).toBe(platformsOf(before, 'DE-HH') + 1),
      // The killed member holds its partitions until its Kafka session (10 s) expires.
      { intervalMs: 5, timeoutMs: 30_000 },
    );
    await reporting.kill9();
    await reporting.start();

    const expected = (s: Summary) => {
      expect(s.total).toBe(before.total + 3);
      expect(platformsOf(s, 'DE-BB')).toBe(platformsOf(before, 'DE-BB') + 1);
      expect(platformsOf(s, 'DE-SN')).toBe(platformsOf(before, 'DE-SN') + 1);
      expect(platformsOf(s, 'DE-HH')).toBe(platformsOf(before, 'DE-HH') + 1);
    };
    await eventually(async () => expected(await summary()), { timeoutMs: 20_000 });
    // Reporting commits an offset only once it applied the event: when its group has committed
    // the end of the platform topic, no redelivery of a registration is pending any more.
    await consumerGroupCaughtUp(
      `${ns.topicPrefix}${REPORTING_GROUP}`,
      [prefixedTopic(TOPICS.registryPlatform, ns.topicPrefix)],
      { timeoutMs: 30_000 },
    );
    expected(await summary());
  });

  it('is live but not ready (503) while Kafka is unreachable', async () => {
    const deadBroker = `127.0.0.1:${await freePort()}`;
    const cutOff = new ServiceProcess(
      'harvester',
      ns.env('harvester', { KAFKA_BROKERS: deadBroker }),
      await freePort(),
    );
    extra.push(cutOff);
    await cutOff.start({ waitFor: 'live' });
    const ready = await fetch(`${cutOff.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'error',
      details: { kafka: { status: 'down' }, database: { status: 'up' } },
    });
  });

  it('turns not ready while its database is unreachable, and ready again when it is back', async () => {
    const db = new URL(databaseUrl());
    const proxy = new TcpProxy(db.hostname, Number(db.port || 5432));
    const proxied = new URL(db.toString());
    proxied.port = String(await proxy.open());
    const service = new ServiceProcess(
      'reporting',
      ns.env('reporting', { DATABASE_URL: proxied.toString() }),
      await freePort(),
    );
    extra.push(service);
    await service.start();
    await proxy.cut();
    await eventually(
      async () => expect((await fetch(`${service.url}/health/ready`)).status).toBe(503),
      { timeoutMs: 15_000 },
    );
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    await proxy.open();
    await eventually(
      async () => expect((await fetch(`${service.url}/health/ready`)).status).toBe(200),
      { timeoutMs: 15_000 },
    );
    await service.stop();
    await proxy.cut();
  });

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const broken = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: 'short', LOG_LEVEL: 'loud' }),
      await freePort(),
    );
    extra.push(broken);
    await expect(broken.start({ timeoutMs: 10_000 })).rejects.toThrow(/exited with 1/);
    const log = readFileSync(broken.logFile, 'utf8');
    expect(log).toContain('registry failed to start: invalid configuration');
    expect(log).toMatch(/LOG_LEVEL: /);
    expect(log).toMatch(/DPI_ADMIN_TOKEN: must be at least 16 characters/);
  });
});
