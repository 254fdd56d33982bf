import {
  createTestNamespace,
  eventually,
  freePort,
  migrateService,
  ServiceProcess,
  SHARED_DIR,
  TestNamespace,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithFacts, Finding, PlatformFact } from './demo-facts';

const ADMIN_TOKEN = 'e2e-demo-admin-token-0123456789';
const DEMO = join(WORKSPACE_ROOT, 'deploy/local/demo/inventory.json');
const FACTS: PlatformFact[] = JSON.parse(
  readFileSync(join(SHARED_DIR, 'reference/platforms.json'), 'utf8'),
);

interface DemoItem {
  kind: string;
  id: string;
  data: { name?: string; landCode?: string; type?: string };
}

/**
 * The demo inventory of `npm start`, loaded into a real registry → Kafka → reporting: the
 * Handlungsbedarfe reporting finds must be true of the real Länder as far as the public facts go.
 */
describe('demo inventory: Handlungsbedarfe true to the facts', () => {
  let ns: TestNamespace;
  let registry: ServiceProcess;
  let reporting: ServiceProcess;
  const items: DemoItem[] = JSON.parse(readFileSync(DEMO, 'utf8'));
  /** What reporting lists as items (organisations are no items). */
  const listed = items.filter((i) => i.kind !== 'organisation').length;

  const get = async <T>(url: string): Promise<T> => {
    const response = await fetch(url);
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
    return (await response.json()) as T;
  };

  /** Every finding, paged. */
  async function allFindings(): Promise<Finding[]> {
    const found: Finding[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Finding[]; nextCursor: string | null } = await get(
        `${reporting.url}/api/v1/findings?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      found.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  const ruleIds = async () =>
    (await get<{ rules: { id: string }[] }>(`${reporting.url}/api/v1/rules`)).rules.map(
      (r) => r.id,
    );

  /**
   * The findings once reporting holds `expectedItems` records and every rule has been evaluated
   * in a transaction that began after that (so it saw them all).
   */
  async function settledFindings(expectedItems: number): Promise<Finding[]> {
    await eventually(
      async () =>
        expect((await get<{ total: number }>(`${reporting.url}/api/v1/items?limit=1`)).total).toBe(
          expectedItems,
        ),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const complete = Date.now();
    await eventually(
      async () => {
        const { rules } = await get<{ rules: { id: string; evaluatedAt: string | null }[] }>(
          `${reporting.url}/api/v1/rules`,
        );
        for (const rule of rules)
          expect(Date.parse(rule.evaluatedAt ?? '1970-01-01')).toBeGreaterThan(complete);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    return allFindings();
  }

  /** Findings per rule: the Länder flagged (for the test log: what an official would read). */
  const perRule = (findings: Finding[]) =>
    Object.fromEntries(
      [...new Set(findings.map((f) => f.ruleId))].sort().map((id) => [
        id,
        findings
          .filter((f) => f.ruleId === id)
          .map((f) => f.landCode ?? 'federal')
          .sort()
          .join(' '),
      ]),
    );

  beforeAll(async () => {
    ns = await createTestNamespace('e2e-demo');
    for (const service of ['registry', 'reporting']) migrateService(service, ns.env(service));
    registry = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, OUTBOX_POLL_INTERVAL_MS: '200' }),
      await freePort(),
    );
    reporting = new ServiceProcess(
      'reporting',
      ns.env('reporting', {
        REGISTRY_URL: registry.url,
        // Every rule re-evaluated every second: the wait below needs an evaluation that began
        // after the last record arrived.
        FINDINGS_INTERVAL_MS: '1000',
        FINDINGS_GAP_PER_RUN_TIME: '0',
      }),
      await freePort(),
    );
    // A generous start: other suites share the two cores.
    await Promise.all([registry, reporting].map((s) => s.start({ timeoutMs: 90_000 })));
    // As npm start loads it (deploy/local/start.mjs): one bulk import.
    const response = await fetch(`${registry.url}/api/v1/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(items),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { summary: { created: number } }).summary.created).toBe(
      items.length,
    );
  });

  afterAll(async () => {
    await Promise.all([registry, reporting].map((s) => s?.stop()));
  });

  it('flags no Land for lacking what the facts say it has, and every gap the facts show', async () => {
    const findings = await settledFindings(listed);
    console.log(`findings of the demo inventory: ${JSON.stringify(perRule(findings), null, 1)}`);
    expect(compareWithFacts(findings, FACTS, await ruleIds())).toEqual({
      falseFindings: [],
      missedGaps: [],
      unmappedRules: [],
    });
  });

  it('negative control: without Berlin’s open data portal the comparison fails', async () => {
    const portal = items.find(
      (i) =>
        i.kind === 'platform' && i.data.landCode === 'DE-BE' && i.data.type === 'openDataPortal',
    );
    expect(portal).toBeDefined();
    const url = `${registry.url}/api/v1/platforms/${portal?.id}`;
    const read = await fetch(url);
    expect(read.status).toBe(200);
    const removed = await fetch(url, {
      method: 'DELETE',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'if-match': read.headers.get('etag') ?? '',
      },
    });
    expect(removed.status).toBe(204);

    const findings = await settledFindings(listed - 1);
    expect(compareWithFacts(findings, FACTS, await ruleIds()).falseFindings).toEqual([
      'land-without-open-data-portal DE-BE, the facts name: Berlin Open Data (daten.berlin.de)',
    ]);
  });
});
