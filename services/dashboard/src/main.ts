import laenderUrl from '@generated/laender.geojson?url';
import 'ol/ol.css';
import './styles.css';
import { fetchLaenderGeoJson, fetchSummary } from './api';
import { buildScale, legendEntries, NO_DATA_COLOR } from './choropleth';
import { createLaenderMap, type LaenderMap } from './map';
import { startPolling } from './poller';
import { CONNECTED, loadFailed, REFRESH_SECONDS, type StatusMessage } from './status';
import {
  countsByCode,
  formatTimestamp,
  type InventorySummary,
  landDescription,
  summaryRows,
} from './summary';
import { renderLegend, renderStatus, renderTable, setText } from './view';

/** An attempt slower than this is abandoned; the next one starts REFRESH_SECONDS later. */
const REQUEST_TIMEOUT_MS = 4000;

const ui = {
  status: byId('status'),
  stand: byId<HTMLTimeElement>('stand'),
  standNote: byId('stand-hinweis'),
  map: byId('map'),
  tooltip: byId('tooltip'),
  legend: byId('legend'),
  selection: byId('auswahl'),
  table: {
    body: byId<HTMLTableSectionElement>('laender'),
    total: byId('total'),
    totalShare: byId('total-anteil'),
    totalTwins: byId('total-zwillinge'),
  },
};

let summary: InventorySummary | undefined;
let counts = new Map<string, number>();
let scale = buildScale([]);
let selected: string | undefined;
let map: LaenderMap | undefined;
let lastStatus: StatusMessage | undefined;
/** Land names: the API's once it answered, the outlines' before. */
const names = new Map<string, string>();

function describe(code: string): string {
  return landDescription(names.get(code) ?? code, summary ? counts.get(code) : undefined);
}

function select(code: string | undefined): void {
  selected = code;
  map?.select(selected);
  render();
}

function render(): void {
  setText(ui.selection, selected ? `Ausgewählt: ${describe(selected)}` : '');
  const missing = map?.laender().some((land) => !counts.has(land.code)) ?? false;
  renderLegend(ui.legend, [
    ...(summary ? legendEntries(scale) : []),
    ...(missing ? [{ color: NO_DATA_COLOR, label: 'keine Daten' }] : []),
  ]);
  if (!summary) return;
  renderTable(
    ui.table,
    summaryRows(summary, scale),
    { platforms: summary.total, twins: summary.totalTwins },
    selected,
    (code) => select(code === selected ? undefined : code),
  );
}

function showStatus(status: StatusMessage, error?: unknown): void {
  if (status.kind === 'error' && lastStatus?.text !== status.text)
    console.warn('Inventarübersicht nicht geladen:', error);
  lastStatus = status;
  renderStatus(ui.status, status);
  setText(ui.standNote, status.kind === 'error' && summary ? '(zuletzt geladene Daten)' : '');
}

startPolling({
  load: fetchSummary,
  intervalMs: REFRESH_SECONDS * 1000,
  timeoutMs: REQUEST_TIMEOUT_MS,
  onData(next) {
    summary = next;
    counts = countsByCode(next);
    scale = buildScale(next.laender.map((land) => land.platforms));
    for (const land of next.laender) names.set(land.code, land.name);
    map?.setCounts(counts, scale);
    ui.stand.dateTime = next.generatedAt;
    setText(ui.stand, formatTimestamp(next.generatedAt));
    showStatus(CONNECTED);
    render();
  },
  onError(error) {
    showStatus(loadFailed(error), error);
  },
});

fetchLaenderGeoJson(laenderUrl)
  .then((geojson) => {
    map = createLaenderMap({
      target: ui.map,
      tooltip: ui.tooltip,
      geojson,
      describe,
      onSelect: select,
    });
    for (const land of map.laender()) if (!names.has(land.code)) names.set(land.code, land.name);
    if (summary) map.setCounts(counts, scale);
    map.select(selected);
    render();
  })
  .catch((error: unknown) => {
    console.error('Kartengrundlage nicht geladen:', error);
    ui.map.removeAttribute('tabindex');
    ui.map.classList.add('map-error');
    setText(
      ui.map,
      'Die Kartengrundlage konnte nicht geladen werden. Die Tabelle enthält alle Zahlen.',
    );
  });

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} fehlt in index.html`);
  return element as T;
}
