/**
 * The app shell: the store, the URL (route in the path, view state in the query), loading what the
 * mounted views need, live updates, the header and the status line. Everything the page shows is a
 * view under src/views/, listed in views/registry.ts.
 */
// KERN UX (the design system of German federal and Länder administration): its styles and its
// font, Fira Sans, bundled and served from this origin (no CDN).
import '@kern-ux/native/dist/fonts/fira-sans.css';
import '@kern-ux/native/dist/kern.min.css';
import './styles.css';
import { API, ApiError, fetchResource, useToken, apiHeaders } from './api';
import { createCoalescer } from './coalesce';
import { DataLoader } from './data';
import { formatTimestamp } from './format';
import { t } from './i18n';
import { startLiveUpdates } from './live';
import type { InventoryItem } from './model';
import { everyPart, partsChangedBy, type PartKey, type ResourceKey } from './resources';
import { saveSession, storedSession } from './reviewer';
import { resolveRoute } from './router';
import { connected, loadFailed, loading, REFRESH_SECONDS, type StatusMessage } from './status';
import { createStore } from './store';
import {
  filtersDiffer,
  KINDS,
  parseState,
  serializeState,
  type ViewState,
  withChanges,
} from './url-state';
import { renderStatus, setText } from './view';
import { translate } from './views/dom';
import { ERFASSUNG_VIEWS } from './erfassung/view';
import { NAVIGATION as PAGES, VIEWS as PAGE_VIEWS } from './views/registry';
import { mountReviewer } from './views/reviewer';
import type { AppState, MountedView, ViewContext, ViewDefinition } from './views/types';

// The entry UI for the Länder (issue 22, part 4) has routes of its own under /erfassung.
const VIEWS = [...PAGE_VIEWS, ...ERFASSUNG_VIEWS];
const NAVIGATION = [...PAGES, { path: '/erfassung', de: 'Erfassung', en: 'Data entry' }];

/** Live changes are shown at most once per this interval (doubling up to the maximum under a stream). */
const LIVE_SETTLE_MS = 300;
const LIVE_MIN_INTERVAL_MS = 5_000;
const LIVE_MAX_INTERVAL_MS = 15_000;

const reviewerSession = storedSession(sessionStorage);
useToken(reviewerSession?.token ?? null);

const store = createStore<AppState>({
  view: parseState(location.search),
  path: location.pathname,
  data: {},
  status: undefined,
  live: false,
  reviewer: reviewerSession,
  openItem: undefined,
  openFinding: undefined,
  names: new Map(),
});

const shell = {
  outlet: byId('ansicht'),
  status: byId('status'),
  stand: byId<HTMLTimeElement>('stand'),
  standNote: byId('stand-hinweis'),
  language: byId<HTMLButtonElement>('sprache'),
  navigation: byId('navigation-links'),
};

// --- URL -----------------------------------------------------------------------------------

function navigate(changes: Partial<ViewState>, { replace = false } = {}): void {
  const next = withChanges(store.get().view, changes);
  const url = `${location.pathname}${serializeState(next)}${location.hash}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  applyView(next);
}

function go(path: string): void {
  history.pushState(null, '', `${path}${serializeState(store.get().view)}`);
  applyLocation();
}

function applyLocation(): void {
  const path = location.pathname;
  if (path !== store.get().path) {
    store.set({ path });
    mountRoute();
  }
  applyView(parseState(location.search));
}

function applyView(next: ViewState): void {
  const previous = store.get().view;
  store.set({ view: next });
  if (filtersDiffer(previous, next) || previous.coverage !== next.coverage) void refresh();
  if (previous.finding !== next.finding) void loadFinding();
}

window.addEventListener('popstate', applyLocation);
// Links inside the app (`<a href="/land/DE-BE" data-route>`) change the route without a reload.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-route]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  go(new URL(link.href).pathname);
});

// --- views ---------------------------------------------------------------------------------

const liveListeners = new Set<(parts: ReadonlySet<string>) => void>();
const context: ViewContext = {
  store,
  navigate,
  go,
  async fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await fetch(`${API}${path}`, {
      headers: apiHeaders(),
      cache: 'no-store',
      signal,
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new ApiError(`HTTP ${response.status}`, response.status);
    }
    return (await response.json()) as T;
  },
  onLiveChange(listener) {
    liveListeners.add(listener);
    return () => liveListeners.delete(listener);
  },
  reportError: (error) => showStatus(loadFailed(error, store.get().view.lang), error),
  lang: () => store.get().view.lang,
};

let mounted: { definition: ViewDefinition; view: MountedView }[] = [];

function mountRoute(): void {
  for (const { view } of mounted) view.unmount?.();
  mounted = [];
  const routes = [...new Set(VIEWS.map((view) => view.route))];
  const route = resolveRoute(routes, store.get().path);
  const hosts: HTMLElement[] = [];
  if (!route) {
    const host = document.createElement('section');
    host.className = 'card';
    host.innerHTML =
      '<h2 data-i18n="notFoundTitle"></h2><p><a href="/" data-route data-i18n="notFoundLink"></a></p>';
    translate(host, store.get().view.lang);
    hosts.push(host);
  } else {
    for (const definition of VIEWS.filter((view) => view.route === route.pattern)) {
      const host = document.createElement('div');
      host.id = definition.id;
      host.className = 'view';
      mounted.push({ definition, view: definition.mount(host, context, route.params) });
      hosts.push(host);
    }
  }
  shell.outlet.replaceChildren(...hosts);
  renderViews(store.get(), undefined);
  void refresh();
}

function renderViews(state: AppState, previous: AppState | undefined): void {
  for (const { view } of mounted) view.render(state, previous);
}

/** The shared resources the mounted views show. */
function neededResources(): ResourceKey[] {
  return [...new Set(mounted.flatMap(({ definition }) => definition.needs))];
}

// --- loading -------------------------------------------------------------------------------

const loader = new DataLoader();
let refreshing: Promise<void> | undefined;
let refreshAgain = false;

/** Loads what the views need; calls during a load coalesce into one more. */
function refresh(): Promise<void> {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      await loadOnce();
    } while (refreshAgain);
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function loadOnce(): Promise<void> {
  const requested = store.get().view;
  try {
    const data = await loader.load(neededResources(), requested, store.get().data);
    // A filter changed while loading: this answer is for the old one; the next load is queued.
    if (filtersDiffer(requested, store.get().view)) refreshAgain = true;
    let names = store.get().names;
    if (data.laender && data.laender.some((land) => names.get(land.code) !== land.name)) {
      names = new Map(names);
      for (const land of data.laender) (names as Map<string, string>).set(land.code, land.name);
    }
    store.set({ data, names });
    showStatus(connected(store.get().view.lang, store.get().live));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && store.get().reviewer) {
      // Revoked (or expired) while the view was open: back to the public view, and say so.
      setReviewer(null);
      showStatus({ kind: 'error', text: t(store.get().view.lang, 'reviewerEnded') }, error);
      return;
    }
    showStatus(loadFailed(error, store.get().view.lang), error);
  }
}

/** The open finding and the titles of its records (for a shared link, also when not listed). */
async function loadFinding(): Promise<void> {
  const id = store.get().view.finding;
  if (!id) {
    store.set({ openFinding: undefined });
    return;
  }
  try {
    const ruleId = id.slice(0, id.indexOf(':'));
    const page = await fetchResource(
      'findings',
      `/findings?ruleId=${encodeURIComponent(ruleId)}&limit=500`,
    );
    const finding = page.items.find((f) => f.id === id);
    if (store.get().view.finding !== id) return;
    if (!finding) {
      store.set({ openFinding: undefined });
      return;
    }
    const records = new Map<string, InventoryItem>();
    if ((KINDS as readonly string[]).includes(finding.recordKind) && finding.recordIds.length) {
      const query = new URLSearchParams({ kind: finding.recordKind, limit: '500' });
      if (finding.landCode) query.set('landCode', finding.landCode);
      const wanted = new Set(finding.recordIds);
      const items = await fetchResource('items', `/items?${query}`);
      for (const item of items.items) if (wanted.has(item.id)) records.set(item.id, item);
    }
    if (store.get().view.finding !== id) return;
    store.set({ openFinding: { finding, records } });
  } catch (error) {
    context.reportError(error);
  }
}

// --- status, language, reviewer ------------------------------------------------------------

function showStatus(status: StatusMessage, error?: unknown): void {
  const last = store.get().status;
  if (status.kind === 'error' && last?.text !== status.text)
    console.warn('Daten nicht geladen:', error);
  store.set({ status });
}

function renderShell(state: AppState, previous: AppState | undefined): void {
  const { lang } = state.view;
  if (!previous || previous.view.lang !== lang) {
    document.documentElement.lang = lang;
    translate(document.body, lang);
    // The toggle names the other language, in that language.
    shell.language.lang = lang === 'de' ? 'en' : 'de';
    document.title =
      lang === 'de'
        ? 'Datenplattform-Inventar – AG Integrierte Datenplattformen'
        : 'Data Platform Inventory – AG Integrierte Datenplattformen';
  }
  const status =
    state.status?.kind === 'ok' ? connected(lang, state.live) : (state.status ?? loading(lang));
  renderStatus(shell.status, status);
  setText(
    shell.standNote,
    status.kind === 'error' && state.data.laender ? t(lang, 'lastLoaded') : '',
  );
  if (state.data.asOf) {
    shell.stand.dateTime = state.data.asOf;
    setText(shell.stand, formatTimestamp(state.data.asOf, lang));
  }
  reviewer.render(state);
  renderNavigation(state, previous);
}

/** The header's links to the pages; the current one marked (aria-current). */
function renderNavigation(state: AppState, previous: AppState | undefined): void {
  const { lang } = state.view;
  if (previous && previous.view.lang === lang && previous.path === state.path) return;
  const query = serializeState(state.view);
  shell.navigation.replaceChildren(
    ...NAVIGATION.map(({ path, de, en }) => {
      const link = document.createElement('a');
      link.href = `${path}${query}`;
      link.dataset['route'] = '';
      link.textContent = lang === 'de' ? de : en;
      if (resolveRoute([path], state.path)) link.setAttribute('aria-current', 'page');
      const item = document.createElement('li');
      item.append(link);
      return item;
    }),
  );
}

function setReviewer(session: AppState['reviewer']): void {
  saveSession(sessionStorage, session);
  useToken(session?.token ?? null);
  store.set({ reviewer: session });
  // Another token sees other entries: everything is loaded again.
  loader.invalidate(everyPart());
  void refresh();
}

const reviewer = mountReviewer(document, context, setReviewer);
shell.language.addEventListener('click', () =>
  navigate({ lang: store.get().view.lang === 'de' ? 'en' : 'de' }),
);

// --- start ---------------------------------------------------------------------------------

store.subscribe((state, previous) => {
  renderShell(state, previous);
  renderViews(state, previous);
});
renderShell(store.get(), undefined);
mountRoute();
if (store.get().view.finding) void loadFinding();

const coalescer = createCoalescer<PartKey>({
  settleMs: LIVE_SETTLE_MS,
  minIntervalMs: LIVE_MIN_INTERVAL_MS,
  maxIntervalMs: LIVE_MAX_INTERVAL_MS,
  hidden: () => document.hidden,
  flush: (parts) => {
    loader.invalidate(parts);
    void refresh();
    if (parts.has('findings') && store.get().view.finding) void loadFinding();
    for (const listener of liveListeners) listener(parts);
  },
});
document.addEventListener('visibilitychange', () => coalescer.resume());

startLiveUpdates({
  connect: () => new EventSource(`${API}/events`),
  onChange: (reason, event) =>
    coalescer.add(event ? partsChangedBy(event.type, event.data) : everyPart()),
  onModeChange: (mode) => store.set({ live: mode === 'sse' }),
  pollIntervalMs: REFRESH_SECONDS * 1000,
  reconnectMs: 2000,
});

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} fehlt in index.html`);
  return element as T;
}
