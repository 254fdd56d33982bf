import laenderUrl from '@generated/laender.geojson?url';
import 'ol/ol.css';
import './styles.css';
import { API, ApiError, apiHeaders, fetchLaenderGeoJson, fetchResource, useToken } from './api';
import { exportLinks } from './export-links';
import { codes, label, t, type MessageKey, type Vocabulary } from './i18n';
import { createLaenderMap, type LandFill, type LaenderMap } from './map';
import {
  buildMeasureView,
  describeLand,
  formatMeasure,
  measureColor,
  type MeasureView,
} from './measures';
import type {
  CoverageMatrix,
  Finding,
  FindingsPage,
  HarvestStatus,
  InventoryItem,
  LandOverview,
  Summary,
} from './model';
import { formatCount, formatTimestamp } from './format';
import { startLiveUpdates } from './live';
import {
  checkToken,
  filenameOf,
  type ReviewerSession,
  type TokenCheck,
  saveSession,
  storedSession,
} from './reviewer';
import { connected, loadFailed, loading, REFRESH_SECONDS, type StatusMessage } from './status';
import {
  activeFilterCount,
  COVERAGE_DIMENSIONS,
  effectiveKinds,
  filtersDiffer,
  itemsQuery,
  KINDS,
  MEASURES,
  parseState,
  serializeState,
  STATUSES,
  type ViewState,
  withChanges,
} from './url-state';
import {
  countOfBars,
  h,
  renderBars,
  renderCoverage,
  renderExports,
  renderFindingDetail,
  renderFindingsList,
  renderHarvest,
  renderItemDetail,
  renderItemsTable,
  renderLaenderTable,
  renderLegend,
  renderMarkerLegend,
  renderStatus,
  setText,
} from './view';

/** Entries per kind the map and the list load (the CSV export has them all). */
const ITEMS_PER_KIND = 500;
const FINDINGS_SHOWN = 100;
/** A refresh slower than this is abandoned; the next one is due anyway. */
const REQUEST_TIMEOUT_MS = 8000;

const ui = {
  status: byId('status'),
  stand: byId<HTMLTimeElement>('stand'),
  standNote: byId('stand-hinweis'),
  language: byId<HTMLButtonElement>('sprache'),
  filterForm: byId<HTMLFormElement>('filter'),
  filterReset: byId<HTMLButtonElement>('filter-reset'),
  filterActive: byId('filter-aktiv'),
  select: {
    land: byId<HTMLSelectElement>('f-land'),
    kind: byId<HTMLSelectElement>('f-kind'),
    type: byId<HTMLSelectElement>('f-type'),
    status: byId<HTMLSelectElement>('f-status'),
    theme: byId<HTMLSelectElement>('f-theme'),
    maturity: byId<HTMLSelectElement>('f-maturity'),
    openData: byId<HTMLSelectElement>('f-openData'),
  },
  q: byId<HTMLInputElement>('f-q'),
  measure: byId<HTMLSelectElement>('measure'),
  map: byId('map'),
  tooltip: byId('tooltip'),
  legendTitle: byId('legende-titel'),
  legend: byId('legend'),
  markerLegend: byId('marker-legend'),
  selection: byId('auswahl'),
  mapItems: byId('karten-eintraege'),
  laender: byId<HTMLTableElement>('laender-tabelle'),
  itemsCount: byId('eintraege-zahl'),
  items: byId<HTMLTableElement>('eintraege'),
  itemDetail: byId('eintrag-detail'),
  findingsCount: byId('befunde-zahl'),
  findings: byId('befunde'),
  findingDetail: byId('befund-detail'),
  coverageDimension: byId<HTMLSelectElement>('coverage-dimension'),
  coverage: byId<HTMLTableElement>('abdeckung'),
  maturity: byId('reife'),
  standards: byId('standards'),
  formats: byId('formate'),
  harvest: byId<HTMLTableElement>('harvest'),
  exports: byId('exporte'),
  reviewerButton: byId<HTMLButtonElement>('pruefansicht'),
  reviewerNote: byId('pruef-hinweis'),
  reviewerDialog: byId<HTMLDialogElement>('pruef-dialog'),
  reviewerForm: byId<HTMLFormElement>('pruef-form'),
  reviewerToken: byId<HTMLInputElement>('pruef-token'),
  reviewerError: byId('pruef-fehler'),
  reviewerCancel: byId<HTMLButtonElement>('pruef-abbrechen'),
};

interface Data {
  laender?: LandOverview[];
  summary?: Summary;
  items?: { items: InventoryItem[]; total: number; capped: boolean };
  findings?: FindingsPage;
  coverage?: CoverageMatrix;
  harvest?: HarvestStatus;
  /** Stand: when the reporting service computed the figures shown. */
  asOf?: string;
}

let state = parseState(location.search);
let data: Data = {};
let map: LaenderMap | undefined;
let measureView: MeasureView | undefined;
let openItem: InventoryItem | undefined;
let openFinding: { finding: Finding; records: Map<string, InventoryItem> } | undefined;
let lastStatus: StatusMessage | undefined;
let live = false;
/** The reviewer view's session (this tab only), or null: the public view. */
let reviewer: ReviewerSession | null = storedSession(sessionStorage);
useToken(reviewer?.token ?? null);
/** Land names: the API's once it answered, the outlines' before. */
const names = new Map<string, string>();

// --- state and URL -------------------------------------------------------------------------

/** Applies a change as a new history entry (back/forward walk through filter changes). */
function navigate(changes: Partial<ViewState>, { replace = false } = {}): void {
  const next = withChanges(state, changes);
  const url = `${location.pathname}${serializeState(next)}${location.hash}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  apply(next);
}

window.addEventListener('popstate', () => apply(parseState(location.search)));

function apply(next: ViewState): void {
  const previous = state;
  state = next;
  if (previous.lang !== next.lang) applyLanguage();
  syncControls();
  if (filtersDiffer(previous, next) || previous.coverage !== next.coverage) void refresh();
  if (previous.finding !== next.finding) void loadFinding();
  render();
}

// --- loading -------------------------------------------------------------------------------

let refreshing: Promise<void> | undefined;
let refreshAgain = false;

/** Loads everything the page shows; calls during a refresh coalesce into one more refresh. */
async function refresh(): Promise<void> {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      await loadAll();
    } while (refreshAgain);
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function loadAll(): Promise<void> {
  const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const requested = state;
  const land = requested.land ? `?landCode=${requested.land}` : '';
  const findingsQuery = new URLSearchParams({ limit: String(FINDINGS_SHOWN) });
  if (requested.land) findingsQuery.set('landCode', requested.land);
  try {
    const [laender, summary, items, findings, coverage, harvest] = await Promise.all([
      fetchResource('laender', '/laender', signal),
      fetchResource('summary', '/summary', signal),
      loadItems(requested, signal),
      fetchResource('findings', `/findings?${findingsQuery}`, signal),
      fetchResource('coverage', `/coverage?dimension=${requested.coverage}`, signal),
      fetchResource('harvest', `/harvest/sources${land}`, signal),
    ]);
    // A filter changed while loading: this answer is for the old one; the next refresh is queued.
    if (filtersDiffer(requested, state)) refreshAgain = true;
    data = {
      laender: laender.laender,
      summary,
      items,
      findings,
      coverage,
      harvest,
      asOf: laender.asOf,
    };
    for (const l of laender.laender) names.set(l.code, l.name);
    if (ui.select.land.options.length < names.size + 1) fillSelects();
    if (openItem) openItem = items.items.find((item) => item.id === openItem?.id) ?? openItem;
    showStatus(connected(state.lang, live));
    render();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && reviewer) {
      // Revoked (or expired) while the view was open: back to the public view, and say so.
      setReviewer(null);
      showStatus({ kind: 'error', text: t(state.lang, 'reviewerEnded') }, error);
      refreshAgain = true;
      return;
    }
    showStatus(loadFailed(error, state.lang), error);
  }
}

// --- reviewer view -------------------------------------------------------------------------

/** Why a token did not open the reviewer view, in the page's words. */
const REVIEWER_REFUSALS: Record<Extract<TokenCheck, { ok: false }>['reason'], MessageKey> = {
  invalid: 'reviewerInvalid',
  notReviewer: 'reviewerNotReviewer',
  unavailable: 'reviewerUnavailable',
};

function setReviewer(session: ReviewerSession | null): void {
  reviewer = session;
  saveSession(sessionStorage, session);
  useToken(session?.token ?? null);
  renderReviewer();
}

function renderReviewer(): void {
  const { lang } = state;
  setText(ui.reviewerButton, t(lang, reviewer ? 'reviewerLogout' : 'reviewerLogin'));
  ui.reviewerButton.setAttribute(
    'aria-label',
    t(lang, reviewer ? 'reviewerLogoutLabel' : 'reviewerLoginLabel'),
  );
  ui.reviewerButton.setAttribute('aria-pressed', String(reviewer !== null));
  ui.reviewerNote.hidden = reviewer === null;
  setText(ui.reviewerNote, reviewer ? t(lang, 'reviewerActive', { name: reviewer.name }) : '');
}

ui.reviewerButton.addEventListener('click', () => {
  if (reviewer) {
    setReviewer(null);
    void refresh();
    return;
  }
  setText(ui.reviewerError, '');
  ui.reviewerToken.value = '';
  ui.reviewerDialog.showModal();
});
ui.reviewerCancel.addEventListener('click', () => ui.reviewerDialog.close());
ui.reviewerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    const check = await checkToken(ui.reviewerToken.value);
    if (!check.ok) {
      setText(ui.reviewerError, t(state.lang, REVIEWER_REFUSALS[check.reason]));
      ui.reviewerToken.focus();
      return;
    }
    ui.reviewerToken.value = '';
    ui.reviewerDialog.close();
    setReviewer(check.session);
    ui.reviewerButton.focus();
    void refresh();
  })();
});

/** In the reviewer view a download needs the token too: fetched here, saved as a file. */
ui.exports.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[download]');
  if (!link || !reviewer) return;
  event.preventDefault();
  void (async () => {
    try {
      const response = await fetch(link.href, { headers: apiHeaders('*/*'), cache: 'no-store' });
      if (!response.ok) throw new ApiError(`HTTP ${response.status}`, response.status);
      const name = filenameOf(response.headers.get('content-disposition'), 'export');
      const url = URL.createObjectURL(await response.blob());
      const save = h('a', { href: url, download: name, hidden: '' });
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      showStatus(loadFailed(error, state.lang), error);
    }
  })();
});

async function loadItems(
  requested: ViewState,
  signal: AbortSignal,
): Promise<{ items: InventoryItem[]; total: number; capped: boolean }> {
  const pages = await Promise.all(
    effectiveKinds(requested).map((kind) => {
      const query = itemsQuery(requested, kind);
      query.set('limit', String(ITEMS_PER_KIND));
      return fetchResource('items', `/items?${query}`, signal);
    }),
  );
  const items = pages
    .flatMap((page) => page.items)
    .sort((a, b) => a.title.localeCompare(b.title, 'de'));
  return {
    items,
    total: pages.reduce((sum, page) => sum + page.total, 0),
    capped: pages.some((page) => page.nextCursor !== null),
  };
}

/** The open finding and the titles of its records (for a shared link, also when not listed). */
async function loadFinding(): Promise<void> {
  const id = state.finding;
  if (!id) {
    openFinding = undefined;
    render();
    return;
  }
  try {
    const ruleId = id.slice(0, id.indexOf(':'));
    const page = await fetchResource(
      'findings',
      `/findings?ruleId=${encodeURIComponent(ruleId)}&limit=500`,
    );
    const finding = page.items.find((f) => f.id === id);
    if (state.finding !== id) return;
    if (!finding) {
      openFinding = undefined;
      render();
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
    if (state.finding !== id) return;
    openFinding = { finding, records };
    render();
  } catch (error) {
    showStatus(loadFailed(error, state.lang), error);
  }
}

function showStatus(status: StatusMessage, error?: unknown): void {
  if (status.kind === 'error' && lastStatus?.text !== status.text)
    console.warn('Daten nicht geladen:', error);
  lastStatus = status;
  renderStatus(ui.status, status);
  setText(ui.standNote, status.kind === 'error' && data.laender ? t(state.lang, 'lastLoaded') : '');
}

// --- rendering -----------------------------------------------------------------------------

function render(): void {
  const { lang } = state;
  renderExports(ui.exports, exportLinks(state, lang));
  const count = activeFilterCount(state);
  setText(ui.filterActive, count ? t(lang, 'filtersActive', { n: count }) : '');
  ui.filterReset.disabled = count === 0;
  renderOpenFinding();
  renderOpenItem();
  if (!data.laender) return;

  if (data.asOf) {
    ui.stand.dateTime = data.asOf;
    setText(ui.stand, formatTimestamp(data.asOf, lang));
  }
  measureView = buildMeasureView(data.laender, state.measure, lang);
  const fills = new Map<string, LandFill>();
  const colors = new Map<string, string>();
  for (const land of data.laender) {
    const color = measureColor(measureView, land.code);
    const value = measureView.values.get(land.code) ?? null;
    // Zero and "nothing to measure" stay unlabelled: the colour says it, the table has the number.
    const text = value === null || value === 0 ? '' : formatMeasure(state.measure, value, lang);
    fills.set(land.code, { color, label: text });
    colors.set(land.code, color);
  }
  map?.setFills(fills);
  map?.select(state.land);
  setText(ui.legendTitle, label(lang, 'measure', state.measure));
  renderLegend(ui.legend, measureView.legend);
  setText(ui.selection, state.land ? t(lang, 'selected', { text: describe(state.land) }) : '');

  renderLaenderTable(ui.laender, {
    laender: data.laender,
    colors,
    selected: state.land,
    lang,
    onSelect: (code) => navigate({ land: code === state.land ? undefined : code }),
  });

  if (data.items) {
    const { items, total, capped } = data.items;
    map?.setItems(items);
    const onMap = map?.itemCount() ?? 0;
    ui.map.dataset['items'] = String(onMap);
    setText(
      ui.mapItems,
      capped
        ? t(lang, 'mapPointsCapped', { n: formatCount(onMap, lang), max: ITEMS_PER_KIND })
        : t(lang, onMap === 1 ? 'mapPointsOne' : 'mapPoints', { n: formatCount(onMap, lang) }),
    );
    setText(
      ui.itemsCount,
      items.length
        ? t(lang, 'itemsCount', {
            shown: formatCount(items.length, lang),
            total: formatCount(total, lang),
          })
        : t(lang, 'itemsNone'),
    );
    renderItemsTable(ui.items, { items, lang, onOpen: (item) => showItem(item, true) });
  }

  if (data.findings) {
    setText(
      ui.findingsCount,
      t(lang, 'findingsCount', {
        shown: formatCount(data.findings.items.length, lang),
        total: formatCount(data.findings.total, lang),
      }),
    );
    renderFindingsList(ui.findings, {
      findings: data.findings.items,
      total: data.findings.total,
      open: state.finding,
      lang,
      names,
      onOpen: (finding) => {
        focusFindingOnLoad = true;
        navigate({ finding: finding.id === state.finding ? undefined : finding.id });
      },
    });
  }

  if (data.coverage && data.coverage.dimension === state.coverage)
    renderCoverage(ui.coverage, {
      matrix: data.coverage,
      dimension: state.coverage,
      selected: state.land,
      lang,
    });

  if (data.summary) {
    const { summary } = data;
    renderBars(
      ui.maturity,
      ['1', '2', '3', '4'].map((level) => ({
        label: t(lang, 'levelN', { n: level }),
        value: summary.maturity[level] ?? 0,
      })),
      lang,
    );
    renderBars(ui.standards, countOfBars(summary.standards, lang), lang);
    renderBars(ui.formats, countOfBars(summary.threeDFormats, lang), lang);
  }
  if (data.harvest) renderHarvest(ui.harvest, data.harvest.sources, names, lang);
}

let focusFindingOnLoad = false;

function renderOpenFinding(): void {
  if (!openFinding || openFinding.finding.id !== state.finding) {
    ui.findingDetail.hidden = true;
    return;
  }
  const wasHidden = ui.findingDetail.hidden;
  renderFindingDetail(
    ui.findingDetail,
    openFinding.finding,
    openFinding.records,
    state.lang,
    names,
    () => {
      const id = state.finding;
      navigate({ finding: undefined });
      document.querySelector<HTMLElement>(`[data-finding="${CSS.escape(id ?? '')}"]`)?.focus();
    },
  );
  if (wasHidden && focusFindingOnLoad) {
    focusFindingOnLoad = false;
    ui.findingDetail.focus();
  }
}

function showItem(item: InventoryItem, focus: boolean): void {
  openItem = item;
  renderOpenItem();
  if (focus) ui.itemDetail.focus();
}

function renderOpenItem(): void {
  if (!openItem) {
    ui.itemDetail.hidden = true;
    return;
  }
  renderItemDetail(ui.itemDetail, openItem, state.lang, () => {
    const id = openItem?.id;
    openItem = undefined;
    ui.itemDetail.hidden = true;
    ui.items.querySelector<HTMLElement>(`[data-key="item-${id}"]`)?.focus();
  });
}

function describe(code: string): string {
  return describeLand(
    data.laender?.find((land) => land.code === code),
    names.get(code) ?? code,
    state.lang,
  );
}

function describeItems(items: InventoryItem[]): string {
  const { lang } = state;
  const line = (item: InventoryItem) =>
    `${item.title} (${label(lang, 'kind', item.kind)}${item.landName ? `, ${item.landName}` : ''})`;
  if (items.length === 1) return line(items[0]);
  const shown = items.slice(0, 5).map(line).join('; ');
  return `${t(lang, 'cluster', { n: items.length })}: ${shown}${items.length > 5 ? ' …' : ''}`;
}

// --- controls ------------------------------------------------------------------------------

function applyLanguage(): void {
  const { lang } = state;
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    element.textContent = t(lang, element.dataset['i18n'] as MessageKey);
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-aria]'))
    element.setAttribute('aria-label', t(lang, element.dataset['i18nAria'] as MessageKey));
  // The toggle names the other language, in that language.
  ui.language.lang = lang === 'de' ? 'en' : 'de';
  document.title =
    lang === 'de'
      ? 'Datenplattform-Inventar – AG Integrierte Datenplattformen'
      : 'Data Platform Inventory – AG Integrierte Datenplattformen';
  fillSelects();
  renderMarkerLegend(ui.markerLegend, lang);
  renderReviewer();
  if (lastStatus) showStatus(lastStatus.kind === 'ok' ? connected(lang, live) : lastStatus);
  else renderStatus(ui.status, loading(lang));
}

type Option = [value: string, text: string];

function options(select: HTMLSelectElement, groups: { label?: string; options: Option[] }[]): void {
  const value = select.value;
  select.replaceChildren(
    ...groups
      .map((group) => {
        const children = group.options.map(([v, text]) => h('option', { value: v }, text));
        return group.label ? h('optgroup', { label: group.label }, ...children) : children;
      })
      .flat(),
  );
  select.value = value;
}

const vocabularyOptions = (vocabulary: Vocabulary): Option[] =>
  codes(vocabulary).map((code) => [code, label(state.lang, vocabulary, code)]);

function fillSelects(): void {
  const { lang } = state;
  const all: Option = ['', t(lang, 'all')];
  const laender = [...names].sort((a, b) => a[1].localeCompare(b[1], 'de'));
  options(ui.select.land, [{ options: [['', t(lang, 'allLaender')], ...laender] }]);
  options(ui.select.kind, [
    {
      options: [
        ['', t(lang, 'kindDefault')],
        ...KINDS.map((k): Option => [k, label(lang, 'kind', k)]),
      ],
    },
  ]);
  options(ui.select.type, [
    { options: [all] },
    { label: label(lang, 'kind', 'platform'), options: vocabularyOptions('platformType') },
    { label: label(lang, 'kind', 'twin'), options: vocabularyOptions('twinKind') },
  ]);
  options(ui.select.status, [
    { options: [all, ...STATUSES.map((s): Option => [s, label(lang, 'status', s)])] },
  ]);
  options(ui.select.theme, [
    { options: [all] },
    { label: label(lang, 'coverage', 'euTheme'), options: vocabularyOptions('euTheme') },
    { label: label(lang, 'coverage', 'twinUseCase'), options: vocabularyOptions('twinUseCase') },
  ]);
  options(ui.select.maturity, [
    { options: [all, ...[1, 2, 3, 4].map((n): Option => [String(n), t(lang, 'levelN', { n })])] },
  ]);
  options(ui.select.openData, [
    { options: [all, ['true', t(lang, 'yes')], ['false', t(lang, 'no')]] },
  ]);
  options(ui.measure, [{ options: MEASURES.map((m): Option => [m, label(lang, 'measure', m)]) }]);
  options(ui.coverageDimension, [
    { options: COVERAGE_DIMENSIONS.map((d): Option => [d, label(lang, 'coverage', d)]) },
  ]);
  syncControls();
}

/** Puts the state's values into the controls (after navigation, back/forward, a shared link). */
function syncControls(): void {
  const set = (select: HTMLSelectElement, value: string | undefined) => {
    const wanted = value ?? '';
    // A value from a link that the list does not know (a new vocabulary word) still shows.
    if (wanted && ![...select.options].some((o) => o.value === wanted))
      select.append(h('option', { value: wanted }, wanted));
    select.value = wanted;
  };
  set(ui.select.land, state.land);
  set(ui.select.kind, state.kind);
  set(ui.select.type, state.type);
  set(ui.select.status, state.status);
  set(ui.select.theme, state.theme);
  set(ui.select.maturity, state.maturity === undefined ? undefined : String(state.maturity));
  set(ui.select.openData, state.openData === undefined ? undefined : String(state.openData));
  if (document.activeElement !== ui.q) ui.q.value = state.q ?? '';
  set(ui.measure, state.measure);
  set(ui.coverageDimension, state.coverage);
  ui.language.textContent = t(state.lang, 'languageToggle');
}

for (const [name, select] of Object.entries(ui.select)) {
  select.addEventListener('change', () => {
    const value = select.value || undefined;
    const parsed = parseState(`?${name}=${encodeURIComponent(value ?? '')}`);
    navigate({ [name]: parsed[name as keyof ViewState] });
  });
}
ui.filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({ q: ui.q.value.trim() || undefined });
});
ui.q.addEventListener('change', () => {
  if ((ui.q.value.trim() || undefined) !== state.q) navigate({ q: ui.q.value.trim() || undefined });
});
ui.filterReset.addEventListener('click', () =>
  navigate({
    land: undefined,
    kind: undefined,
    type: undefined,
    status: undefined,
    theme: undefined,
    maturity: undefined,
    openData: undefined,
    q: undefined,
  }),
);
ui.measure.addEventListener('change', () =>
  navigate({ measure: parseState(`?measure=${ui.measure.value}`).measure }),
);
ui.coverageDimension.addEventListener('change', () =>
  navigate({ coverage: parseState(`?coverage=${ui.coverageDimension.value}`).coverage }),
);
ui.language.addEventListener('click', () => navigate({ lang: state.lang === 'de' ? 'en' : 'de' }));

// --- start ---------------------------------------------------------------------------------

applyLanguage();
render();
void refresh();
if (state.finding) void loadFinding();

startLiveUpdates({
  connect: () => new EventSource(`${API}/events`),
  onChange: () => void refresh(),
  onModeChange: (mode) => {
    live = mode === 'sse';
    if (lastStatus?.kind === 'ok') showStatus(connected(state.lang, live));
  },
  pollIntervalMs: REFRESH_SECONDS * 1000,
  debounceMs: 100,
  reconnectMs: 2000,
});

fetchLaenderGeoJson(laenderUrl)
  .then((geojson) => {
    map = createLaenderMap({
      target: ui.map,
      tooltip: ui.tooltip,
      geojson,
      describeLand: describe,
      describeItems,
      onSelectLand: (code) => navigate({ land: code === state.land ? undefined : code }),
      onSelectItems: (items) => {
        // A group at one place (entries without geometry sit at their Land's centre): show them
        // in the list by filtering to their Land; a single entry: its details.
        const laender = new Set(items.map((item) => item.landCode));
        const [land] = laender;
        if (items.length > 1 && laender.size === 1 && land && land !== state.land)
          navigate({ land });
        else showItem(items[0], false);
      },
    });
    let added = false;
    for (const land of map.laender())
      if (!names.has(land.code)) {
        names.set(land.code, land.name);
        added = true;
      }
    if (added) fillSelects();
    render();
  })
  .catch((error: unknown) => {
    console.error('Kartengrundlage nicht geladen:', error);
    ui.map.removeAttribute('tabindex');
    ui.map.classList.add('map-error');
    setText(ui.map, t(state.lang, 'mapError'));
  });

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} fehlt in index.html`);
  return element as T;
}
