/**
 * Requests started before the app's code has loaded (issue 21): the entry (entry.ts) is a few
 * kilobytes, the app half a megabyte that a busy core takes a second or more to parse and run, and
 * the overview's API answers take about as long on the server. Started here, both happen at once;
 * the app's first load takes the answers (`takePrefetched`) instead of asking again.
 */
import { partRequests, type ResourceKey } from './resources';
import type { ViewState } from './url-state';

/**
 * What the views on `/` need (views/registry.ts; prefetch.spec.ts checks they agree). The entry
 * cannot ask the views themselves: importing them is the code it must not wait for.
 */
export const OVERVIEW_RESOURCES: readonly ResourceKey[] = [
  'laender',
  'summary',
  'items',
  'findings',
  'coverage',
  'harvest',
  'rounds',
];

/** An answer not taken within this time is not used: the app asks again (it may be stale). */
const KEEP_MS = 15_000;
/** As the app's own loads (data.ts): a hanging request is given up. */
const REQUEST_TIMEOUT_MS = 8000;

const started = new Map<string, { response: Promise<Response>; at: number }>();

/**
 * Starts GET `url` now, with `init` as the app would send it (headers, cache mode); the first
 * `takePrefetched(url)` gets the answer.
 */
export function prefetch(url: string, init: RequestInit = {}, now = Date.now()): void {
  if (started.has(url)) return;
  const response = fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  // Whoever takes it sees the failure; until then it is not an unhandled rejection.
  response.catch(() => undefined);
  started.set(url, { response, at: now });
}

/** The answer to a request started by `prefetch`, once; undefined when none (or too old). */
export function takePrefetched(url: string, now = Date.now()): Promise<Response> | undefined {
  const entry = started.get(url);
  started.delete(url);
  return entry && now - entry.at <= KEEP_MS ? entry.response : undefined;
}

/** The API paths (below /api/v1) the overview loads first in `state`; none on other pages. */
export function overviewRequests(pathname: string, state: ViewState): string[] {
  return pathname === '/' ? [...partRequests(OVERVIEW_RESOURCES, state).values()] : [];
}
