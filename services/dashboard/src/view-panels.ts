/**
 * The overview's panels beside the map and the Länder table (DOM): coverage, bars, harvest
 * status, exports. Rendered as view.ts renders: the focus kept, live regions changed only on change.
 */
import { formatCount, formatProgress, formatShare, formatTimestamp } from './format';
import { label, t, type Vocabulary } from './i18n';
import type { CountOf, CoverageMatrix, HarvestSource } from './model';
import type { CoverageDimension, Language } from './url-state';
import { h, replaceKeepingFocus, setText } from './view';

export interface CoverageOptions {
  matrix: CoverageMatrix;
  dimension: CoverageDimension;
  selected: string | undefined;
  lang: Language;
}

export function renderCoverage(table: HTMLTableElement, options: CoverageOptions): void {
  const { matrix, lang } = options;
  const vocabulary: Vocabulary =
    options.dimension === 'platformType'
      ? 'platformType'
      : options.dimension === 'twinUseCase'
        ? 'twinUseCase'
        : 'euTheme';
  setText(
    table.createCaption(),
    t(lang, 'coverageCaption', { dimension: label(lang, 'coverage', options.dimension) }),
  );
  table
    .createTHead()
    .replaceChildren(
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t(lang, 'colLand')),
        ...matrix.columns.map((column) =>
          h(
            'th',
            { scope: 'col', class: 'num' },
            vocabulary === 'euTheme'
              ? h('abbr', { title: label(lang, vocabulary, column) }, column)
              : label(lang, vocabulary, column),
          ),
        ),
      ),
    );
  table.tBodies[0].replaceChildren(
    ...matrix.rows.map((row) =>
      h(
        'tr',
        { class: row.landCode === options.selected ? 'is-selected' : undefined },
        h('th', { scope: 'row' }, row.landName),
        ...row.cells.map((n) =>
          h('td', { class: n === 0 ? 'num gap' : 'num' }, n === 0 ? '–' : formatCount(n, lang)),
        ),
      ),
    ),
  );
  table
    .createTFoot()
    .replaceChildren(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, t(lang, 'coverageCovered')),
        ...matrix.laenderCovered.map((n) => h('td', { class: 'num' }, `${n}/16`)),
      ),
    );
}

export interface BarEntry {
  label: string;
  value: number;
  note?: string;
}

/**
 * A bar chart as a list: the numbers are text (read by screen readers and kept at any zoom), the
 * bars are decoration.
 */
export function renderBars(list: HTMLElement, entries: readonly BarEntry[], lang: Language): void {
  const max = Math.max(1, ...entries.map((e) => e.value));
  if (entries.length === 0) {
    list.replaceChildren(h('li', { class: 'muted' }, t(lang, 'noData')));
    return;
  }
  list.replaceChildren(
    ...entries.map((entry) =>
      h(
        'li',
        {},
        h('span', { class: 'bar-label' }, entry.label),
        h(
          'span',
          { class: 'bar-track', 'aria-hidden': 'true' },
          h('span', { class: 'bar', style: `width:${((100 * entry.value) / max).toFixed(1)}%` }),
        ),
        h('span', { class: 'bar-value' }, formatCount(entry.value, lang)),
        entry.note ? h('span', { class: 'bar-note muted' }, entry.note) : null,
      ),
    ),
  );
}

/** `12 Länder` under a standard's bar. */
export function countOfBars(entries: readonly CountOf[], lang: Language, limit = 12): BarEntry[] {
  return entries.slice(0, limit).map((entry) => ({
    label: entry.value,
    value: entry.count,
    note:
      lang === 'de'
        ? `${entry.laender.length} ${entry.laender.length === 1 ? 'Land' : 'Länder'}`
        : `${entry.laender.length} ${entry.laender.length === 1 ? 'Land' : 'Länder'}`,
  }));
}

export function renderHarvest(
  table: HTMLTableElement,
  sources: readonly HarvestSource[],
  names: ReadonlyMap<string, string>,
  lang: Language,
): void {
  table
    .createTHead()
    .replaceChildren(
      h(
        'tr',
        {},
        ...[
          t(lang, 'colSource'),
          t(lang, 'colLand'),
          t(lang, 'colJob'),
          t(lang, 'colProgress'),
          t(lang, 'colLastSuccess'),
          t(lang, 'colSuccessRate'),
        ].map((name) => h('th', { scope: 'col' }, name)),
      ),
    );
  if (sources.length === 0) {
    table.tBodies[0].replaceChildren(
      h('tr', {}, h('td', { colspan: '6', class: 'muted' }, t(lang, 'harvestNone'))),
    );
    return;
  }
  table.tBodies[0].replaceChildren(
    ...sources.map((source) => {
      const running = source.latestState === 'running' || source.latestState === 'queued';
      const progress = h(
        'td',
        {},
        running && source.latestMatched > 0
          ? h('progress', {
              max: String(source.latestMatched),
              value: String(Math.min(source.latestReceived, source.latestMatched)),
              'aria-label': `${t(lang, 'colProgress')} ${source.sourceName}`,
            })
          : null,
        ' ',
        formatProgress(source.latestReceived, source.latestMatched, lang),
      );
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, source.sourceName),
        h('td', {}, source.landCode ? (names.get(source.landCode) ?? source.landCode) : '–'),
        h(
          'td',
          {},
          h(
            'span',
            { class: `job-state job-${source.latestState}` },
            label(lang, 'jobState', source.latestState),
          ),
          source.stale
            ? h('span', { class: 'kern-badge kern-badge--warning' }, t(lang, 'stale'))
            : null,
          // The harvester's messages are English (and technical): labelled as such, in its language.
          source.lastMessage
            ? h(
                'div',
                { class: 'muted small' },
                `${t(lang, 'sourceMessage')}: `,
                h('span', { lang: 'en' }, source.lastMessage),
              )
            : null,
        ),
        progress,
        h('td', {}, formatTimestamp(source.lastSuccessAt, lang)),
        h('td', { class: 'num' }, formatShare(source.successRate, lang)),
      );
    }),
  );
}

export interface ExportLink {
  href: string;
  text: string;
  format: string;
}

export function renderExports(list: HTMLElement, links: readonly ExportLink[]): void {
  const key = links.map((l) => l.href + l.text).join('|');
  if (list.dataset['key'] === key) return;
  list.dataset['key'] = key;
  replaceKeepingFocus(
    list,
    links.map((link) =>
      h(
        'li',
        {},
        h(
          'a',
          {
            href: link.href,
            download: link.format === 'API' ? undefined : '',
            'data-key': link.text,
          },
          link.text,
        ),
        ' ',
        h('span', { class: 'muted' }, `(${link.format})`),
      ),
    ),
  );
}
