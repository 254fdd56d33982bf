import {
  createTestNamespace,
  eventually,
  freePort,
  migrateService,
  runHarvest,
  ServiceProcess,
  TestNamespace,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
const VALIDATE = join(WORKSPACE_ROOT, 'services/reporting/src/exports/testing/validate_dcat.py');

/** The harvester's pycsw helper (pycsw 2.6.2 from PyPI with the fixture records), from its source. */
const { PycswServer } = require(
  join(WORKSPACE_ROOT, 'services/harvester/src/testing/pycsw.test-helper'),
) as {
  PycswServer: new () => {
    url: string;
    start(): Promise<unknown>;
    stop(): Promise<void>;
    identifiers(): string[];
  };
};

interface ShaclReport {
  conforms: boolean;
  violations: number;
  warnings: number;
  messages: string[];
  datasets: number;
  services: number;
}

/**
 * The DCAT-AP.de catalogue of real data, validated like GovData (DCAT-AP 3.0.0 base shapes + the
 * DCAT-AP.de files, services/reporting/src/exports/testing/validate_dcat.py): the demo inventory
 * of `npm start` imported through the registry, then every record of ../shared/fixtures/csw
 * harvested through pycsw by the harvester — registry → Kafka → reporting → /dcat/catalog.
 */
describe('DCAT-AP.de catalogue of the demo inventory and the harvested fixture records', () => {
  let ns: TestNamespace;
  let registry: ServiceProcess;
  let reporting: ServiceProcess;
  let harvester: ServiceProcess;
  const pycsw = new PycswServer();
  let python: string;

  const datasetCount = async () => {
    const response = await fetch(`${reporting.url}/api/v1/items?kind=dataset&limit=1`);
    return ((await response.json()) as { total: number }).total;
  };
  const validate = async (): Promise<ShaclReport> => {
    const url = `${reporting.url}/api/v1/dcat/catalog?pageSize=1000`;
    const { stdout } = await promisify(execFile)(python, [VALIDATE, url, '--json'], {
      encoding: 'utf8',
      timeout: 600_000,
    }).catch((error: { code: number; stdout: string; stderr: string }) => {
      if (error.code !== 1) throw new Error(`validate_dcat.py: ${error.stderr}`);
      return error;
    });
    return JSON.parse(stdout.trim().split('\n').pop() as string) as ShaclReport;
  };

  beforeAll(async () => {
    python = JSON.parse(
      execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'deploy/local/python.mjs')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 900_000,
      })
        .trim()
        .split('\n')
        .pop() as string,
    ).python;
    ns = await createTestNamespace('dcat');
    for (const service of ['registry', 'reporting', 'harvester'])
      migrateService(service, ns.env(service));
    registry = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, OUTBOX_POLL_INTERVAL_MS: '200' }),
      await freePort(),
    );
    reporting = new ServiceProcess(
      'reporting',
      ns.env('reporting', { REGISTRY_URL: registry.url, FINDINGS_GAP_PER_RUN_TIME: '0' }),
      await freePort(),
    );
    harvester = new ServiceProcess(
      'harvester',
      ns.env('harvester', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, HARVEST_SCHEDULER_ENABLED: 'false' }),
      await freePort(),
    );
    await Promise.all([registry.start(), reporting.start(), harvester.start(), pycsw.start()]);
  }, 900_000);

  afterAll(async () => {
    await Promise.all([registry, reporting, harvester].map((s) => s?.stop()));
    await pycsw.stop();
  });

  it('the demo inventory (npm start) conforms: 0 violations', async () => {
    const items = JSON.parse(
      readFileSync(join(WORKSPACE_ROOT, 'deploy/local/demo/inventory.json'), 'utf8'),
    ) as { kind: string }[];
    const response = await fetch(`${registry.url}/api/v1/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(items),
    });
    expect(response.status).toBe(200);
    const demoDatasets = items.filter((i) => i.kind === 'dataset').length;
    expect(demoDatasets).toBeGreaterThan(0);
    await eventually(async () => expect(await datasetCount()).toBe(demoDatasets), {
      timeoutMs: 120_000,
    });
    const report = await validate();
    console.log('DCAT-AP.de, demo inventory:', JSON.stringify(report));
    expect(report.messages.filter((m) => m.includes('Violation'))).toEqual([]);
    expect(report).toMatchObject({ conforms: true, violations: 0 });
    expect(report.datasets).toBeGreaterThan(0);
  }, 900_000);

  it('with every fixture record harvested through pycsw, it still conforms: 0 violations', async () => {
    const before = await datasetCount();
    const records = pycsw.identifiers();
    expect(records.length).toBeGreaterThanOrEqual(8);
    await runHarvest(
      harvester.url,
      ADMIN_TOKEN,
      { name: 'pycsw (Fixture-Datensätze)', url: pycsw.url, landCode: 'DE-BY', pageSize: 5 },
      { mode: 'full' },
    );
    await eventually(async () => expect(await datasetCount()).toBe(before + records.length), {
      timeoutMs: 180_000,
    });
    const report = await validate();
    console.log('DCAT-AP.de, demo + pycsw fixture records:', JSON.stringify(report));
    expect(report.messages.filter((m) => m.includes('Violation'))).toEqual([]);
    expect(report).toMatchObject({ conforms: true, violations: 0 });
  }, 900_000);
});
