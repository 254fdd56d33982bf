/** The Handlungsbedarfe page's API query (pure, no DOM: unit-tested). */
import type { ViewState } from '../url-state';

/** The query of the findings API for the overview's filters and this page's severity. */
export function findingsFilter(view: ViewState, severity: string | undefined): URLSearchParams {
  const params = new URLSearchParams();
  if (view.land) params.set('landCode', view.land);
  if (view.kind) params.set('kind', view.kind);
  if (view.theme) params.set('theme', view.theme);
  if (severity) params.set('severity', severity);
  return params;
}
