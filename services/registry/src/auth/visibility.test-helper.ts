import type { LightMyRequestResponse } from 'fastify';
import { HttpMethod, RegistryUnderTest, startRegistry } from '../registry.test-helper';

/**
 * The probe records of visibility.int-spec.ts (issue 17): a registry, a token per kind of caller,
 * Brandenburg's NON_PUBLIC records with public controls (and public records linking the hidden
 * ones), a survey round holding them, and the GET routes of the OpenAPI document.
 */
export const ADMIN_TOKEN = 'visibility-admin-token-0123456789';

export type Caller = 'anonymous' | 'other Land editor' | 'own Land editor' | 'reviewer' | 'admin';
export const CALLERS: readonly Caller[] = [
  'anonymous',
  'other Land editor',
  'own Land editor',
  'reviewer',
  'admin',
];

/** A word every probe record carries, for the full-text search `q`. */
export const WORD = 'Sichtbarkeitsprobe';

export interface ProbeRecords {
  registry(): RegistryUnderTest;
  tokens: Map<Caller, string | undefined>;
  /** Ids of the NON_PUBLIC records. */
  secret: string[];
  /** Per collection: the record its `{id}` routes read, and a public record everyone sees. */
  subjects: Map<string, { subject: string; control: string; carriesSecret: boolean }>;
  getRoutes: { path: string; hasQ: boolean; documents401: boolean }[];
  /** Concrete URL of each nested record list route (`/api/v1/rounds/{id}/records`). */
  nestedUrls: Map<string, string>;
  request(
    method: HttpMethod,
    url: string,
    token?: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** POSTs a record and returns its id. */
  created(path: string, token: string, body: object): Promise<string>;
  /** Issues a token and returns it. */
  issue(name: string, role: string, landCode?: string): Promise<string>;
  /** A collection's probe records. */
  subjectOf(collection: string): { subject: string; control: string; carriesSecret: boolean };
  tokenOf(caller: Caller): string;
}

/** Starts the registry and writes the probe records in beforeAll; closes it in afterAll. */
export function useProbeRecords(): ProbeRecords {
  let registry: RegistryUnderTest;
  const tokens = new Map<Caller, string | undefined>();
  const secret: string[] = [];
  const subjects = new Map<string, { subject: string; control: string; carriesSecret: boolean }>();
  const getRoutes: { path: string; hasQ: boolean; documents401: boolean }[] = [];
  const nestedUrls = new Map<string, string>();

  const request = (method: HttpMethod, url: string, token?: string, body?: unknown) =>
    registry.request(method, url, { token, body });

  const created = async (path: string, token: string, body: object): Promise<string> => {
    const response = await request('POST', path, token, body);
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };

  const issue = async (name: string, role: string, landCode?: string): Promise<string> => {
    const response = await request('POST', '/api/v1/admin/tokens', ADMIN_TOKEN, {
      name,
      role,
      ...(landCode ? { landCode } : {}),
    });
    expect(response.statusCode).toBe(201);
    return response.json().token as string;
  };

  beforeAll(async () => {
    registry = await startRegistry('visibility', ADMIN_TOKEN);
    const own = await issue('editor-bb', 'land-editor', 'DE-BB');
    tokens.set('anonymous', undefined);
    tokens.set('other Land editor', await issue('editor-be', 'land-editor', 'DE-BE'));
    tokens.set('own Land editor', own);
    tokens.set('reviewer', await issue('reviewer-ag', 'reviewer'));
    tokens.set('admin', ADMIN_TOKEN);

    const organisation = await created('/api/v1/organisations', own, {
      name: `Landesvermessung ${WORD}`,
      landCode: 'DE-BB',
      level: 'state',
      type: 'surveyingAuthority',
    });
    const endpoint = await created('/api/v1/endpoints', own, {
      name: `WFS ${WORD}`,
      landCode: 'DE-BB',
      serviceType: 'wfs',
      url: 'https://example.de/wfs',
    });
    const dataset = (title: string, accessRights: string) => ({
      title: `${title} ${WORD}`,
      landCode: 'DE-BB',
      accessRights,
    });
    const secretDataset = await created(
      '/api/v1/datasets',
      own,
      dataset('Leitungskataster', 'NON_PUBLIC'),
    );
    const publicDataset = await created(
      '/api/v1/datasets',
      own,
      dataset('Bebauungspläne', 'PUBLIC'),
    );
    const platform = (name: string, accessRights: string, datasetIds: string[]) => ({
      name: `${name} ${WORD}`,
      landCode: 'DE-BB',
      type: 'urbanDataPlatform',
      status: 'production',
      accessRights,
      datasetIds,
    });
    // The write side is unchanged: the Land's editor links its own NON_PUBLIC records.
    const secretPlatform = await created(
      '/api/v1/platforms',
      own,
      platform('Interne Plattform', 'NON_PUBLIC', [secretDataset]),
    );
    const publicPlatform = await created(
      '/api/v1/platforms',
      own,
      platform('Offene Plattform', 'PUBLIC', [secretDataset, publicDataset]),
    );
    const twin = await created('/api/v1/twins', own, {
      name: `Zwilling ${WORD}`,
      landCode: 'DE-BB',
      scope: 'state',
      kind: 'geobasis',
      maturityLevel: 2,
      platformIds: [secretPlatform, publicPlatform],
      datasetIds: [secretDataset, publicDataset],
    });
    secret.push(secretDataset, secretPlatform);
    subjects.set('datasets', {
      subject: secretDataset,
      control: publicDataset,
      carriesSecret: true,
    });
    subjects.set('platforms', {
      subject: secretPlatform,
      control: publicPlatform,
      carriesSecret: true,
    });
    // Twins cannot be NON_PUBLIC, but the public twin links the NON_PUBLIC records.
    subjects.set('twins', { subject: twin, control: twin, carriesSecret: true });
    // Organisations and endpoints cannot be NON_PUBLIC and link nothing that can be.
    subjects.set('organisations', {
      subject: organisation,
      control: organisation,
      carriesSecret: false,
    });
    subjects.set('endpoints', { subject: endpoint, control: endpoint, carriesSecret: false });
    // A survey round holding the Land's records, NON_PUBLIC ones included (issue 22).
    const round = await request('POST', '/api/v1/rounds', ADMIN_TOKEN, {
      title: `Runde ${WORD}`,
      referenceDate: '2026-12-01',
      deadline: '2099-01-01T00:00:00Z',
      kinds: ['platform', 'dataset'],
      landCodes: ['DE-BB'],
    });
    expect(round.statusCode).toBe(201);
    nestedUrls.set('/api/v1/rounds/{id}/records', `/api/v1/rounds/${round.json().id}/records`);
    subjects.set('round-records', {
      subject: secretDataset,
      control: publicDataset,
      carriesSecret: true,
    });

    const doc = (await request('GET', '/api/docs-json')).json() as {
      paths: Record<
        string,
        {
          get?: {
            parameters?: { name: string; in: string }[];
            responses?: Record<string, unknown>;
          };
        }
      >;
    };
    getRoutes.push(
      ...Object.entries(doc.paths)
        .filter(([, item]) => item.get)
        .map(([path, item]) => ({
          path,
          hasQ: (item.get?.parameters ?? []).some((p) => p.name === 'q' && p.in === 'query'),
          documents401: Boolean(item.get?.responses?.['401']),
        })),
    );
  });

  afterAll(async () => {
    await registry?.close();
  });

  const subjectOf = (collection: string) => {
    const found = subjects.get(collection);
    if (!found) throw new Error(`no probe records for ${collection}`);
    return found;
  };
  const tokenOf = (caller: Caller) => {
    const token = tokens.get(caller);
    if (!token) throw new Error(`${caller} has no token`);
    return token;
  };

  return {
    registry: () => registry,
    tokens,
    secret,
    subjects,
    getRoutes,
    nestedUrls,
    request,
    created,
    issue,
    subjectOf,
    tokenOf,
  };
}
