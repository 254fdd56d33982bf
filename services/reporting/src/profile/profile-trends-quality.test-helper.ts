import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { JobState, RecordSource } from '@dpi/contracts';
import {
  createTestNamespace,
  freePort,
  issueToken,
  migrateService,
  ServiceProcess,
} from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';

/**
 * The set-up of profile-trends-quality.int-spec.ts (issue 21): a registry (built from dist/) that
 * checks the tokens, a token per kind of caller, and reporting with Bremen's records projected.
 */
const ADMIN_TOKEN = 'reporting-profile-admin-0123456789';
export const LAND = 'DE-HB';

export interface Bucket {
  label: string;
  partial: boolean;
  registered: Record<string, number>;
  withdrawn: Record<string, number>;
  harvested: { added: number; withdrawn: number };
  inventory: Record<string, number>;
}
export interface Trends {
  recordedSince: string | null;
  series: { landCode: string; buckets: Bucket[] }[];
}
export interface Tip {
  id: string;
  text: string;
  datasets?: number;
  gain?: number;
}

export interface BremenRecords {
  reporting(): ReportingUnderTest;
  /** When the test file started: the history began after it. */
  started: Date;
  /** The old platform's registration date. */
  threeMonthsAgo: Date;
  ids: Record<string, string>;
  /** GET from reporting as `who` (public, reviewer, ownEditor, otherEditor), expecting `status`. */
  get<T>(url: string, who: string, status?: number): Promise<T>;
}

/**
 * Starts the registry and reporting and projects Bremen's records in beforeAll: platforms public,
 * NON_PUBLIC, withdrawn and registered three months ago; datasets complete, lacking keywords and
 * licence, NON_PUBLIC, harvested and harvested-then-withdrawn; a twin, an endpoint, two harvest
 * sources. Stops both in afterAll.
 */
export function useBremenRecords(): BremenRecords {
  let registry: ServiceProcess;
  let r: ReportingUnderTest;
  const tokens: Record<string, string | undefined> = { public: undefined };
  const started = new Date();
  const threeMonthsAgo = new Date(
    Date.UTC(started.getUTCFullYear(), started.getUTCMonth() - 3, 10),
  );
  const ids = Object.fromEntries(
    [
      'p1',
      'pHidden',
      'pWithdrawn',
      'pOld',
      'twin',
      'dComplete',
      'dLacking',
      'dHidden',
      'h1',
      'h2',
      'endpoint',
      'job1',
      'job2',
    ].map((k) => [k, randomUUID()]),
  );

  const get = async <T>(url: string, who: string, status = 200): Promise<T> => {
    const token = tokens[who];
    const response = await r.app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect({ url, who, status: response.statusCode }).toEqual({ url, who, status });
    return response.json() as T;
  };

  beforeAll(async () => {
    const ns = await createTestNamespace('profile-registry');
    const env = ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN });
    migrateService('registry', env);
    registry = new ServiceProcess('registry', env, await freePort());
    await registry.start();
    tokens.reviewer = await issueToken(registry.url, ADMIN_TOKEN, {
      name: 'ag-reviewer',
      role: 'reviewer',
    });
    tokens.ownEditor = await issueToken(registry.url, ADMIN_TOKEN, {
      name: 'hb-editor',
      role: 'land-editor',
      landCode: LAND,
    });
    tokens.otherEditor = await issueToken(registry.url, ADMIN_TOKEN, {
      name: 'be-editor',
      role: 'land-editor',
      landCode: 'DE-BE',
    });
    r = await startReporting('profile', { REGISTRY_URL: registry.url });

    const e = r.events;
    const now = timestampFromDate(new Date());
    const at = { landCode: LAND, createdAt: now };
    const lacking = { ...at, keywords: [], licence: '' };
    await r.producer.send([
      e.platform(ids.p1, 1, { ...at, name: 'Bremen Open Data' }),
      e.platform(ids.pHidden, 1, { ...at, name: 'Interne Plattform', accessRights: 'NON_PUBLIC' }),
      e.platform(ids.pWithdrawn, 1, { ...at, name: 'Zurückgezogen' }),
      e.tombstone(e.platform(ids.pWithdrawn, 2), 2),
      e.platform(ids.pOld, 1, {
        landCode: LAND,
        name: 'Geoportal Bremen',
        createdAt: timestampFromDate(threeMonthsAgo),
      }),
      e.twin(ids.twin, 1, at),
      e.dataset(ids.dComplete, 1, at),
      e.dataset(ids.dLacking, 1, lacking),
      e.dataset(ids.dHidden, 1, { ...lacking, accessRights: 'NON_PUBLIC' }),
      e.dataset(ids.h1, 1, { ...at, source: RecordSource.HARVESTED }),
      e.dataset(ids.h2, 1, { ...at, source: RecordSource.HARVESTED }),
      e.tombstone(e.dataset(ids.h2, 2), 2),
      e.endpoint(ids.endpoint, 1, at),
      e.harvestJob(ids.job1, 1, { landCode: LAND, sourceName: 'Metaver' }),
      e.harvestJob(ids.job2, 1, {
        landCode: LAND,
        sourceName: 'Kaputter Katalog',
        state: JobState.FAILED,
        message: 'Zeitüberschreitung',
      }),
    ]);
    await r.projected();
    // Starting a registry and reporting on a loaded 2-core machine takes its time.
  }, 240_000);

  afterAll(async () => {
    await r?.close();
    await registry?.stop();
  });

  return { reporting: () => r, started, threeMonthsAgo, ids, get };
}
