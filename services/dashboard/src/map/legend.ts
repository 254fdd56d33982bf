/**
 * The legend inside the map: how the colours were classed (the method, from choropleth.ts) and one
 * line for every symbol the map draws. Collapsible; closed at first on narrow screens.
 */
import { type ChoroplethScale, legendEntries, methodText, NO_DATA_COLOR } from '../choropleth';
import { KIND_COLORS, MIXED_COLOR } from './markers-layer';
import { mapTexts, pageLanguage } from './texts';

export interface MapLegend {
  element: HTMLElement;
  /** `none`: what the neutral colour means for the measure (default "keine"). */
  render(scale: ChoroplethScale | undefined, kinds: ReadonlySet<string>, none?: string): void;
}

export function createLegend(openAtFirst: boolean): MapLegend {
  const element = document.createElement('details');
  element.className = 'dpi-map-legend ol-unselectable ol-control';
  element.open = openAtFirst;
  let lastKey = '';

  return {
    element,
    render(scale, kinds, none) {
      const lang = pageLanguage();
      const key = JSON.stringify([lang, scale, [...kinds].sort(), none]);
      if (key === lastKey) return;
      lastKey = key;
      const texts = mapTexts(lang);
      const summary = document.createElement('summary');
      summary.textContent = texts.legendSummary;
      const body = document.createElement('div');
      body.setAttribute('role', 'group');
      body.setAttribute('aria-label', texts.legend);
      if (scale) {
        const method = document.createElement('p');
        method.className = 'dpi-map-legend-method';
        method.dataset['method'] = scale.method;
        method.textContent = methodText(scale.method, lang);
        const classes = document.createElement('ul');
        for (const entry of [
          ...legendEntries(scale, none ?? (lang === 'de' ? 'keine' : 'none')),
          { color: NO_DATA_COLOR, label: texts.noData },
        ])
          classes.appendChild(row(swatch(entry.color), entry.label));
        body.append(method, classes);
      }
      const symbols = document.createElement('ul');
      const kindNames: Record<string, string> = {
        platform: texts.platform,
        twin: texts.twin,
        dataset: texts.dataset,
        endpoint: texts.endpoint,
      };
      for (const kind of ['platform', 'twin', 'dataset', 'endpoint'])
        if (kinds.has(kind)) symbols.appendChild(row(dot(KIND_COLORS[kind]), kindNames[kind]));
      symbols.appendChild(row(dot(KIND_COLORS.platform, '3'), texts.group));
      symbols.appendChild(row(dot(MIXED_COLOR, '', true), texts.mixed));
      symbols.appendChild(row(shape('dpi-map-sym-area'), texts.area));
      symbols.appendChild(row(shape('dpi-map-sym-city'), texts.cityState));
      symbols.appendChild(row(shape('dpi-map-sym-leader'), texts.leader));
      symbols.appendChild(row(shape('dpi-map-sym-selected'), texts.selected));
      const hint = document.createElement('p');
      hint.className = 'dpi-map-legend-hint';
      hint.textContent = texts.keysHint;
      body.append(symbols, hint);
      element.replaceChildren(summary, body);
    },
  };
}

function row(symbol: HTMLElement, text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.append(symbol, text);
  return li;
}

function swatch(color: string): HTMLElement {
  const span = shape('dpi-map-sym-swatch');
  span.style.background = color;
  return span;
}

function dot(color: string, text = '', mixedOnly = false): HTMLElement {
  const span = shape(
    mixedOnly
      ? 'dpi-map-dot dpi-map-dot-mixed'
      : text
        ? 'dpi-map-dot dpi-map-dot-group'
        : 'dpi-map-dot',
  );
  span.style.background = color;
  span.textContent = text;
  return span;
}

function shape(className: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.setAttribute('aria-hidden', 'true');
  return span;
}
