/**
 * The page's routes live in the URL's path (`/`, `/land/DE-BE`, `/methode`); filters and the
 * rest of the view state stay in the query (url-state.ts), so a filtered Land profile is
 * `/land/DE-BE?kind=twin`. The dashboard server answers every path without a file extension
 * with index.html, so any route can be opened directly. Pure: no DOM.
 */
export type RouteParams = Record<string, string>;

/**
 * Matches a pattern such as `/land/:code` against a path; `:name` takes one segment
 * (URI-decoded). A trailing slash is ignored. Returns the parameters, or null.
 */
export function matchRoute(pattern: string, path: string): RouteParams | null {
  const split = (text: string) => text.split('/').filter((segment) => segment !== '');
  const want = split(pattern);
  const have = split(path);
  if (want.length !== have.length) return null;
  const params: RouteParams = {};
  for (const [i, segment] of want.entries()) {
    if (segment.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(have[i]);
      } catch {
        return null;
      }
      params[segment.slice(1)] = value;
    } else if (segment !== have[i]) return null;
  }
  return params;
}

/** The first of `patterns` that matches `path`, with its parameters; undefined: none does. */
export function resolveRoute(
  patterns: readonly string[],
  path: string,
): { pattern: string; params: RouteParams } | undefined {
  for (const pattern of patterns) {
    const params = matchRoute(pattern, path);
    if (params) return { pattern, params };
  }
  return undefined;
}

/** The path of a pattern with its parameters filled in (URI-encoded). */
export function routePath(pattern: string, params: RouteParams = {}): string {
  const path = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment,
    )
    .join('/');
  return path || '/';
}
