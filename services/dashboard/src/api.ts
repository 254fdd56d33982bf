import { type InventorySummary, parseSummary, SUMMARY_PATH } from './summary';

/** The reporting service answered, but not with a usable summary. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Same-origin request: the dashboard server (or Vite in development) proxies /api to reporting. */
export async function fetchSummary(signal: AbortSignal): Promise<InventorySummary> {
  const response = await fetch(SUMMARY_PATH, {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    signal,
  });
  if (!response.ok) throw new ApiError(`HTTP ${response.status}`, response.status);
  return parseSummary(await response.json());
}

/** The Länder outlines generated at build time (scripts/build-laender-geojson.mjs). */
export async function fetchLaenderGeoJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new ApiError(`HTTP ${response.status}`, response.status);
  return response.json();
}
