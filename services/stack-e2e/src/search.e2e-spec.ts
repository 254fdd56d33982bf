import {
  createTestNamespace,
  eventually,
  freePort,
  migrateService,
  runHarvest,
  SHARED_DIR,
  ServiceProcess,
  TestNamespace,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { join } from 'node:path';

const ADMIN_TOKEN = 'search-e2e-admin-token-0123456789';
/** Start-up on a shared 2-core machine under other suites' load can take long. */
const STARTUP_MS = 180_000;

/** The harvester's demo CSW catalogue (built), serving ../shared/fixtures/csw. */
const harvesterDemo = require(
  join(WORKSPACE_ROOT, 'services/harvester/dist/demo/fixture-catalogue.js'),
) as {
  FixtureCatalogue: new () => {
    url: string;
    put(id: string, xml: string, dateStamp: string): void;
    start(port?: number): Promise<unknown>;
    stop(): Promise<void>;
  };
  fixtureRecords(dir: string): Map<string, { xml: string; dateStamp: string }>;
};

interface Dataset {
  id: string;
  title: string;
  resourceIdentifier: string | null;
  provenance: { fileIdentifier: string } | null;
}

/**
 * Issue 20, items 5 and 6 through the whole stack: every record of ../shared/fixtures/csw is
 * harvested (harvester → Kafka → registry → Kafka → reporting) and then found as catalogue users
 * search — by fileIdentifier, resource identifier and id, by a word's prefix — in the registry's
 * dataset list and in reporting's items; a record registered under a harvested dataset's id is
 * refused with a 409 naming the dataset.
 */
describe('stack: harvested fixture records are found by identifier and prefix; ids stay unique (issue 20)', () => {
  let ns: TestNamespace;
  let registry: ServiceProcess;
  let reporting: ServiceProcess;
  let harvester: ServiceProcess;
  let catalogue: InstanceType<typeof harvesterDemo.FixtureCatalogue>;
  let datasets: Dataset[] = [];
  const fixtures = harvesterDemo.fixtureRecords(join(SHARED_DIR, 'fixtures/csw'));

  const registryIds = async (q: string) => {
    const response = await fetch(
      `${registry.url}/api/v1/datasets?q=${encodeURIComponent(q)}&limit=500`,
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { id: string }[] }).items.map((d) => d.id);
  };
  const reportingIds = async (q: string) => {
    const response = await fetch(
      `${reporting.url}/api/v1/items?q=${encodeURIComponent(q)}&limit=500`,
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { id: string }[] }).items.map((d) => d.id);
  };

  beforeAll(async () => {
    ns = await createTestNamespace('search');
    for (const service of ['registry', 'reporting', 'harvester'])
      migrateService(service, ns.env(service));
    registry = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN }),
      await freePort(),
    );
    await registry.start({ timeoutMs: STARTUP_MS });
    reporting = new ServiceProcess(
      'reporting',
      ns.env('reporting', { REGISTRY_URL: registry.url }),
      await freePort(),
    );
    harvester = new ServiceProcess(
      'harvester',
      ns.env('harvester', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, HARVEST_SCHEDULER_ENABLED: 'false' }),
      await freePort(),
    );
    await reporting.start({ timeoutMs: STARTUP_MS });
    await harvester.start({ timeoutMs: STARTUP_MS });
    catalogue = new harvesterDemo.FixtureCatalogue();
    for (const [id, record] of fixtures) catalogue.put(id, record.xml, record.dateStamp);
    await catalogue.start(0);
    const { sourceId } = await runHarvest(
      harvester.url,
      ADMIN_TOKEN,
      { name: 'Fixture-Katalog', url: catalogue.url, landCode: 'DE-TH' },
      { mode: 'full' },
    );
    datasets = await eventually(
      async () => {
        const response = await fetch(
          `${registry.url}/api/v1/datasets?harvestSourceId=${sourceId}&limit=500`,
        );
        const found = ((await response.json()) as { items: Dataset[] }).items;
        if (found.length < fixtures.size)
          throw new Error(`${found.length} of ${fixtures.size} records in the registry so far`);
        return found;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    // Reporting has projected them all.
    await eventually(
      async () => {
        for (const d of datasets) expect(await reportingIds(d.id)).toEqual([d.id]);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }, 600_000);

  afterAll(async () => {
    await Promise.all([registry?.stop(), reporting?.stop(), harvester?.stop(), catalogue?.stop()]);
  });

  it('finds every harvested record by its fileIdentifier (any case) and resource identifier, on both sides', async () => {
    expect(datasets).toHaveLength(fixtures.size);
    for (const d of datasets) {
      const fileIdentifier = d.provenance?.fileIdentifier as string;
      expect(fixtures.has(fileIdentifier)).toBe(true);
      for (const q of [fileIdentifier, fileIdentifier.toUpperCase()]) {
        expect({ q, registry: await registryIds(q) }).toEqual({ q, registry: [d.id] });
        expect({ q, reporting: await reportingIds(q) }).toEqual({ q, reporting: [d.id] });
      }
      if (d.resourceIdentifier) {
        expect(await registryIds(d.resourceIdentifier)).toContain(d.id);
        expect(await reportingIds(d.resourceIdentifier)).toContain(d.id);
      }
      // Control: a fileIdentifier short of its last character is no identifier of anything.
      const cut = fileIdentifier.slice(0, -1);
      expect(await registryIds(cut)).not.toContain(d.id);
      expect(await reportingIds(cut)).not.toContain(d.id);
    }
  });

  it('takes the last word as a prefix, after whole words, on both sides', async () => {
    let checked = 0;
    for (const d of datasets) {
      const words = d.title.split(/[^\p{L}\p{N}]+/u).filter((w) => /^\p{L}{8,}$/u.test(w));
      if (words.length === 0) continue;
      const word = words[words.length - 1];
      const before = d.title.slice(0, d.title.lastIndexOf(word)).trim().split(/\s+/).pop();
      const prefix = word.slice(0, word.length - 3);
      const queries = [
        prefix,
        ...(before && /^\p{L}+$/u.test(before) ? [`${before} ${prefix}`] : []),
      ];
      for (const q of queries) {
        expect({ q, found: (await registryIds(q)).includes(d.id) }).toEqual({ q, found: true });
        expect({ q, found: (await reportingIds(q)).includes(d.id) }).toEqual({ q, found: true });
      }
      // Control: the word's end alone is not a prefix of any of its words.
      const end = word.slice(3);
      expect({ end, found: (await reportingIds(end)).includes(d.id) }).toEqual({
        end,
        found: false,
      });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it("refuses a platform under a harvested dataset's id, naming the dataset", async () => {
    const taken = datasets[0].id;
    const response = await fetch(`${registry.url}/api/v1/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify([
        {
          kind: 'platform',
          id: taken,
          data: { name: 'Doppelgänger', landCode: 'DE-TH', type: 'geoportal', status: 'pilot' },
        },
      ]),
    });
    expect(response.status).toBe(200);
    const [item] = ((await response.json()) as { items: { status: string; detail: string }[] })
      .items;
    expect(item.status).toBe('conflict');
    expect(item.detail).toContain(`already used by dataset ${taken}`);
    expect(await reportingIds(taken)).toEqual([taken]);
  });
});
