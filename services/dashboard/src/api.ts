import { parseResponse, type Shapes } from './model';
import { takePrefetched } from './prefetch';

/** The reporting service answered, but not with a usable answer. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Base path of the reporting API; same origin (the dashboard server, or Vite, proxies /api). */
export const API = '/api/v1';

let authorization: string | null = null;

/** The bearer token sent with every request from now on (the reviewer view); null: none. */
export function useToken(token: string | null): void {
  authorization = token ? `Bearer ${token}` : null;
}

/** The headers of an API request: JSON, plus the reviewer's token when there is one. */
export function apiHeaders(accept = 'application/json'): Record<string, string> {
  return authorization ? { accept, authorization } : { accept };
}

/** GETs one reporting resource and checks its shape. */
export async function fetchResource<K extends keyof Shapes>(
  kind: K,
  path: string,
  signal?: AbortSignal,
): Promise<Shapes[K]> {
  // The page's first load may find its answer already on the way (entry.ts).
  const response = await (takePrefetched(`${API}${path}`) ??
    fetch(`${API}${path}`, { headers: apiHeaders(), cache: 'no-store', signal }));
  if (!response.ok) {
    await response.body?.cancel();
    throw new ApiError(`HTTP ${response.status}`, response.status);
  }
  return parseResponse(kind, await response.json());
}

/** The Länder outlines generated at build time (scripts/build-laender-geojson.mjs). */
export async function fetchLaenderGeoJson(url: string): Promise<unknown> {
  const response = await (takePrefetched(url) ?? fetch(url));
  if (!response.ok) throw new ApiError(`HTTP ${response.status}`, response.status);
  return response.json();
}
