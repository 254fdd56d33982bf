/**
 * "Auf einen Blick": the headline figures and the map of the Länder — the first screen. The map
 * draws its own legend (classes and their method, every symbol; map/legend.ts).
 * The map (map.ts, its own module) is created once the outlines are loaded and kept while the
 * view is mounted.
 */
import laenderUrl from '@generated/laender.geojson?url';
import 'ol/ol.css';
import { fetchLaenderGeoJson } from '../api';
import { formatCount, formatTimestamp } from '../format';
import { label, t } from '../i18n';
import { createLaenderMap, type LandFill, type LaenderMap } from '../map';
import {
  buildMeasureView,
  describeLand,
  formatMeasure,
  measureColor,
  type MeasureView,
} from '../measures';
import type { InventoryItem } from '../model';
import { ITEMS_PER_KIND } from '../resources';
import { MEASURES } from '../url-state';
import { breakable, h, setText } from '../view';
import { mountTemplate, part } from './dom';
import { roundState, sayRound } from './round-table';
import type { AppState, ViewDefinition } from './types';

const TEMPLATE = `
<section class="card figures" aria-labelledby="blick-titel">
  <h2 id="blick-titel" data-i18n="atAGlance">Auf einen Blick</h2>
  <dl id="kennzahlen" class="figure-list"></dl>
</section>
<section class="card map-card" aria-labelledby="karte-titel">
  <div class="card-head">
    <h2 id="karte-titel" data-i18n="mapTitle">Karte der Länder</h2>
    <div class="kern-form-input inline">
      <label class="kern-label" for="measure" data-i18n="measure">Einfärbung nach</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id="measure"></select>
      </div>
    </div>
  </div>
  <div id="map" class="map" tabindex="0" role="region" data-i18n-aria="mapLabel"></div>
  <p class="hint" data-i18n="mapHint"></p>
  <div id="tooltip" class="tooltip" hidden></div>
  <p id="auswahl" class="selection" aria-live="polite"></p>
  <p id="karten-eintraege" class="muted"></p>
</section>`;

export const overviewView: ViewDefinition = {
  id: 'ueberblick',
  route: '/',
  needs: ['laender', 'summary', 'items', 'harvest', 'rounds'],
  mount(host, context) {
    const { store } = context;
    mountTemplate(host, TEMPLATE, context.lang());
    const ui = {
      figures: part(host, 'kennzahlen'),
      measure: part<HTMLSelectElement>(host, 'measure'),
      map: part(host, 'map'),
      tooltip: part(host, 'tooltip'),
      selection: part(host, 'auswahl'),
      mapItems: part(host, 'karten-eintraege'),
    };
    let map: LaenderMap | undefined;
    let measureView: MeasureView | undefined;
    let destroyed = false;

    ui.measure.addEventListener('change', () => {
      const measure = MEASURES.find((m) => m === ui.measure.value);
      if (measure) context.navigate({ measure });
    });

    const describe = (code: string): string => {
      const state = store.get();
      const { lang } = state.view;
      const text = describeLand(
        state.data.laender?.find((land) => land.code === code),
        state.names.get(code) ?? code,
        lang,
      );
      const shown = state.data.rounds?.shown;
      if (state.view.measure !== 'round' || !shown) return text;
      // The map shows the survey round: the Land's state in it, too.
      const progress = shown.laender.find((l) => l.landCode === code);
      return `${text}; ${sayRound(lang, 'round')}: ${roundState(progress, lang)}`;
    };
    const describeItems = (items: InventoryItem[]): string => {
      const lang = context.lang();
      const line = (item: InventoryItem) =>
        `${item.title} (${label(lang, 'kind', item.kind)}${item.landName ? `, ${item.landName}` : ''})`;
      if (items.length === 1) return line(items[0]);
      const shown = items.slice(0, 5).map(line).join('; ');
      return `${t(lang, 'cluster', { n: items.length })}: ${shown}${items.length > 5 ? ' …' : ''}`;
    };

    fetchLaenderGeoJson(laenderUrl)
      .then((geojson) => {
        if (destroyed) return;
        map = createLaenderMap({
          target: ui.map,
          tooltip: ui.tooltip,
          geojson,
          describeLand: describe,
          describeItems,
          onSelectLand: (code) =>
            context.navigate({ land: code === store.get().view.land ? undefined : code }),
          onSelectItems: (items) => {
            // A group at one place (entries without geometry sit at their Land's centre): show
            // them in the list by filtering to their Land; a single entry: its details.
            const laender = new Set(items.map((item) => item.landCode));
            const [land] = laender;
            if (items.length > 1 && laender.size === 1 && land && land !== store.get().view.land)
              context.navigate({ land });
            else store.set({ openItem: items[0] });
          },
        });
        const names = new Map(store.get().names);
        for (const land of map.laender())
          if (!names.has(land.code)) names.set(land.code, land.name);
        store.set({ names });
      })
      .catch((error: unknown) => {
        console.error('Kartengrundlage nicht geladen:', error);
        ui.map.removeAttribute('tabindex');
        ui.map.classList.add('map-error');
        setText(ui.map, t(context.lang(), 'mapError'));
      });

    let drawnLang: string | undefined;
    return {
      render(state: AppState) {
        const { lang } = state.view;
        if (drawnLang !== lang) {
          drawnLang = lang;
          ui.measure.replaceChildren(
            ...MEASURES.map((m) => h('option', { value: m }, label(lang, 'measure', m))),
          );
        }
        if (ui.measure.value !== state.view.measure) ui.measure.value = state.view.measure;
        renderFigures(ui.figures, state);
        const { laender, items } = state.data;
        if (!laender) return;
        measureView = buildMeasureView(laender, state.view.measure, lang, state.data.rounds);
        const fills = new Map<string, LandFill>();
        for (const land of laender) {
          const color = measureColor(measureView, land.code);
          const value = measureView.values.get(land.code) ?? null;
          // Zero and "nothing to measure" stay unlabelled: the colour says it, the table has the number.
          // A round's 0 % is news, though: a Land of the round that has not started.
          const text =
            value === null || (value === 0 && state.view.measure !== 'round')
              ? ''
              : formatMeasure(state.view.measure, value, lang);
          fills.set(land.code, { color, label: text });
        }
        map?.setFills(fills, measureView.scale, measureView.legend[0]?.label);
        map?.select(state.view.land);
        setText(
          ui.selection,
          state.view.land ? t(lang, 'selected', { text: describe(state.view.land) }) : '',
        );
        if (items) {
          map?.setItems(items.items);
          const onMap = map?.itemCount() ?? 0;
          ui.map.dataset['items'] = String(onMap);
          setText(
            ui.mapItems,
            items.capped
              ? t(lang, 'mapPointsCapped', { n: formatCount(onMap, lang), max: ITEMS_PER_KIND })
              : t(lang, onMap === 1 ? 'mapPointsOne' : 'mapPoints', {
                  n: formatCount(onMap, lang),
                }),
          );
        }
      },
      unmount() {
        destroyed = true;
      },
    };
  },
};

/**
 * The headline figures: Länder with entries, platforms, twins, datasets, open findings, harvest —
 * of the selected Land when one is (its row of /laender; the harvest sources are loaded for it).
 */
function renderFigures(list: HTMLElement, state: AppState): void {
  const { lang } = state.view;
  const { laender, harvest } = state.data;
  const selected = state.view.land ? laender?.find((l) => l.code === state.view.land) : undefined;
  const summary = selected ?? state.data.summary;
  const withEntries = (selected ? [selected] : laender)?.filter(
    (land) => land.platforms + land.twins > 0,
  ).length;
  const open = summary
    ? summary.findings.high + summary.findings.medium + summary.findings.low + summary.findings.info
    : undefined;
  const lastHarvest = harvest?.sources
    .map((source) => source.lastSuccessAt)
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);
  const count = (n: number | undefined) => (n === undefined ? '–' : formatCount(n, lang));
  const figures: [string, string, string][] = [
    ['laender', count(withEntries), t(lang, 'figLaender')],
    ['platforms', count(summary?.platforms), t(lang, 'figPlatforms')],
    ['twins', count(summary?.twins), t(lang, 'figTwins')],
    ['datasets', count(summary?.datasets), t(lang, 'figDatasets')],
    ['findings', count(open), t(lang, 'figFindings')],
    ['harvest', lastHarvest ? formatTimestamp(lastHarvest, lang) : '–', t(lang, 'figLastHarvest')],
  ];
  const key = JSON.stringify(figures);
  if (list.dataset['key'] === key) return;
  list.dataset['key'] = key;
  list.replaceChildren(
    ...figures.map(([name, value, text]) =>
      h(
        'div',
        { class: 'figure', 'data-figure': name },
        h('dt', {}, breakable(text)),
        h('dd', { class: name === 'harvest' ? 'figure-value figure-date' : 'figure-value' }, value),
      ),
    ),
  );
}
