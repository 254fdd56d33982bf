/**
 * The view's state as it lives in the URL (`?land=DE-HH&type=geoportal&measure=twins`), so a view
 * can be shared and the browser's back and forward buttons walk through filter changes. Pure: no
 * DOM, no `window`, tested without a browser.
 */

export const MEASURES = ['platforms', 'twins', 'maturity', 'findings', 'quality', 'round'] as const;
export type Measure = (typeof MEASURES)[number];

export const KINDS = ['platform', 'twin', 'dataset', 'endpoint'] as const;
export type Kind = (typeof KINDS)[number];

export const STATUSES = ['planned', 'pilot', 'production', 'retired'] as const;

export const COVERAGE_DIMENSIONS = ['platformType', 'twinUseCase', 'euTheme'] as const;
export type CoverageDimension = (typeof COVERAGE_DIMENSIONS)[number];

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ViewState {
  /** ISO 3166-2 code of the Land everything is filtered to. */
  land?: string;
  kind?: Kind;
  /** Platform type, twin kind, dataset hierarchy level or service type (the API's `type`). */
  type?: string;
  status?: string;
  /** EU theme (platforms, datasets) or use case (twins). */
  theme?: string;
  maturity?: number;
  openData?: boolean;
  /** Free text in title or description. */
  q?: string;
  /** What colours the map. */
  measure: Measure;
  coverage: CoverageDimension;
  /** Id of the finding whose details are open. */
  finding?: string;
  /** The survey round shown (its id); without it the current one (the newest open, else newest). */
  round?: string;
  lang: Language;
}

export const DEFAULT_STATE: ViewState = {
  measure: 'platforms',
  coverage: 'platformType',
  lang: 'de',
};

const LAND_CODE = /^DE-[A-Z]{2}$/;
/** Same rules as the reporting API's query validation, so a shared URL never yields a 400. */
const WORD = /^[A-Za-z0-9]{1,40}$/;
const LETTERS = /^[A-Za-z]{1,40}$/;
const FINDING_ID = /^[a-z][a-z0-9-]{0,80}:[^\s]{1,200}$/;
const ROUND_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * Reads the state from a query string. Anything invalid is dropped rather than rejected: a
 * hand-edited or outdated link still opens, just less filtered.
 */
export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(name)?.trim() || null;
  const land = get('land')?.toUpperCase() ?? null;
  const maturity = Number(get('maturity'));
  const openData = get('openData');
  const q = get('q');
  const finding = get('finding');
  const round = get('round')?.toLowerCase() ?? null;
  const state: ViewState = {
    measure: oneOf(MEASURES, get('measure')) ?? DEFAULT_STATE.measure,
    coverage: oneOf(COVERAGE_DIMENSIONS, get('coverage')) ?? DEFAULT_STATE.coverage,
    lang: oneOf(LANGUAGES, get('lang')) ?? DEFAULT_STATE.lang,
  };
  if (land && LAND_CODE.test(land)) state.land = land;
  const kind = oneOf(KINDS, get('kind'));
  if (kind) state.kind = kind;
  const type = get('type');
  if (type && WORD.test(type)) state.type = type;
  const status = oneOf(STATUSES, get('status'));
  if (status) state.status = status;
  const theme = get('theme');
  if (theme && LETTERS.test(theme)) state.theme = theme;
  if (Number.isInteger(maturity) && maturity >= 1 && maturity <= 4) state.maturity = maturity;
  if (openData === 'true' || openData === 'false') state.openData = openData === 'true';
  if (q) state.q = q.slice(0, 200);
  if (finding && FINDING_ID.test(finding)) state.finding = finding;
  if (round && ROUND_ID.test(round)) state.round = round;
  return state;
}

/** The query string of a state (with `?`, or empty), defaults left out so links stay short. */
export function serializeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.land) params.set('land', state.land);
  if (state.kind) params.set('kind', state.kind);
  if (state.type) params.set('type', state.type);
  if (state.status) params.set('status', state.status);
  if (state.theme) params.set('theme', state.theme);
  if (state.maturity !== undefined) params.set('maturity', String(state.maturity));
  if (state.openData !== undefined) params.set('openData', String(state.openData));
  if (state.q) params.set('q', state.q);
  if (state.measure !== DEFAULT_STATE.measure) params.set('measure', state.measure);
  if (state.coverage !== DEFAULT_STATE.coverage) params.set('coverage', state.coverage);
  if (state.finding) params.set('finding', state.finding);
  if (state.round) params.set('round', state.round);
  if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A copy of `state` with `changes` applied; `undefined` removes a filter. */
export function withChanges(state: ViewState, changes: Partial<ViewState>): ViewState {
  const next: ViewState = { ...state, ...changes };
  for (const key of Object.keys(next) as (keyof ViewState)[])
    if (next[key] === undefined || next[key] === '') delete next[key];
  return next;
}

/** True when the filters differ (what the lists show), ignoring measure, language and details. */
export function filtersDiffer(a: ViewState, b: ViewState): boolean {
  return FILTER_KEYS.some((key) => a[key] !== b[key]);
}

export const FILTER_KEYS = [
  'land',
  'kind',
  'type',
  'status',
  'theme',
  'maturity',
  'openData',
  'q',
] as const;

/**
 * Which kinds of records the lists and the map load. Without a chosen kind: platforms and twins,
 * except that "open data" only exists for datasets.
 */
export function effectiveKinds(state: ViewState): Kind[] {
  if (state.kind) return [state.kind];
  if (state.openData !== undefined) return ['dataset'];
  return ['platform', 'twin'];
}

/**
 * Query parameters of the reporting API (`/items`, `/exports/items.csv`) for one kind; `kind`
 * `undefined` leaves the kind out (the CSV of everything the filters match).
 */
export function itemsQuery(state: ViewState, kind: Kind | undefined): URLSearchParams {
  const params = new URLSearchParams();
  if (state.land) params.set('landCode', state.land);
  if (kind) params.set('kind', kind);
  if (state.type) params.set('type', state.type);
  if (state.status) params.set('status', state.status);
  if (state.theme) params.set('theme', state.theme);
  if (state.maturity !== undefined) params.set('maturity', String(state.maturity));
  if (state.openData !== undefined) params.set('openData', String(state.openData));
  if (state.q) params.set('q', state.q);
  return params;
}

/** How many filters are set (for "3 Filter aktiv"). */
export function activeFilterCount(state: ViewState): number {
  return FILTER_KEYS.filter((key) => state[key] !== undefined).length;
}
