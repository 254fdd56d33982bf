import { ServiceProcess, TestNamespace, WORKSPACE_ROOT } from '@dpi/testing';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { startStackServices } from '../support/dashboard-stack';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

/** The harvester's demo catalogue (the real fixture records as CSW pages), from its build. */
export interface DemoCatalogue {
  url: string;
  put(id: string, xml: string, dateStamp: string): void;
  start(port?: number): Promise<unknown>;
  stop(): Promise<void>;
  answer(request: { resultType: string; start: number }, res: ServerResponse): Promise<void>;
}
export const harvesterDemo = require(
  join(WORKSPACE_ROOT, 'services/harvester/dist/demo/fixture-catalogue.js'),
) as {
  FixtureCatalogue: new () => DemoCatalogue;
  fixtureRecords(dir: string): Map<string, { xml: string; dateStamp: string }>;
};

export interface DashboardStack {
  ns: TestNamespace;
  registry: ServiceProcess;
  reporting: ServiceProcess;
  dashboard: ServiceProcess;
  /** Registers a platform through the registry API (status production unless given). */
  register(body: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/** Registry, reporting and the dashboard server from their builds, in a namespace of their own. */
export async function startDashboardStack(): Promise<DashboardStack> {
  const services = await startStackServices('dash', ADMIN_TOKEN);
  return {
    ...services,
    async register(body) {
      const response = await fetch(`${services.registry.url}/api/v1/platforms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ status: 'production', ...body }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
  };
}
