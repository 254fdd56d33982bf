/**
 * The entry UI's stack: registry, reporting and the dashboard server with both upstreams
 * (REPORTING_URL and REGISTRY_URL: the entry UI reaches the registry through /registry-api), from
 * their builds in a namespace of their own, plus Land tokens and a survey round.
 */
import { issueToken, type ServiceProcess } from '@dpi/testing';
import { startStackServices } from '../support/dashboard-stack';

export const ADMIN_TOKEN = 'e2e-erfassung-admin-token-0123456789';

export interface ErfassungStack {
  registry: ServiceProcess;
  reporting: ServiceProcess;
  dashboard: ServiceProcess;
  /** Calls the registry directly (the test's "other person"), as admin unless a token is given. */
  api(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  token(name: string, landCode: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startErfassungStack(): Promise<ErfassungStack> {
  const { registry, reporting, dashboard, stop } = await startStackServices('erf', ADMIN_TOKEN);
  return {
    registry,
    reporting,
    dashboard,
    api: (method, path, body, headers = {}) =>
      fetch(`${registry.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    token: (name, landCode) =>
      issueToken(registry.url, ADMIN_TOKEN, { name, role: 'land-editor', landCode }),
    async stop() {
      await stop();
    },
  };
}
