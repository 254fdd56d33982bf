import { RegistryUnderTest } from '../registry.test-helper';

/** The admin token of the registries platform-writes and write-authorisation.int-spec.ts start. */
export const ADMIN_TOKEN = 'writes-admin-token-0123456789';

export const hamburgPlatform = {
  name: 'Geoportal Hamburg',
  landCode: 'DE-HH',
  type: 'geoportal',
  status: 'pilot',
  homepage: 'https://www.geoportal-hamburg.de/',
};

/** What the tests do as admin, on the registry `registry()` returns (started in beforeAll). */
export function asAdmin(registry: () => RegistryUnderTest): {
  /** Issues a token and returns it. */
  issue(name: string, role: string, landCode?: string): Promise<string>;
  /** Creates a platform (Hamburg's unless told otherwise): its id and ETag. */
  createAsAdmin(body?: object): Promise<{ id: string; etag: string }>;
} {
  return {
    async issue(name, role, landCode) {
      const response = await registry().request('POST', '/api/v1/admin/tokens', {
        token: ADMIN_TOKEN,
        body: { name, role, landCode },
      });
      expect(response.statusCode).toBe(201);
      return response.json().token;
    },
    async createAsAdmin(body = hamburgPlatform) {
      const response = await registry().request('POST', '/api/v1/platforms', {
        token: ADMIN_TOKEN,
        body,
      });
      expect(response.statusCode).toBe(201);
      return { id: response.json().id, etag: String(response.headers.etag) };
    },
  };
}
