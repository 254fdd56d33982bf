/**
 * The Länder table (DOM): the keyboard and screen-reader way to everything the map shows.
 */
import { compareNames, formatCount, formatPercent, formatShare } from './format';
import { t } from './i18n';
import type { LandOverview } from './model';
import type { Language } from './url-state';
import { breakable, h, replaceKeepingFocus } from './view';

function swatch(color: string): HTMLElement {
  return h('span', { class: 'swatch', style: `background-color:${color}`, 'aria-hidden': 'true' });
}

export interface LaenderTableOptions {
  laender: readonly LandOverview[];
  colors: ReadonlyMap<string, string>;
  selected: string | undefined;
  lang: Language;
  onSelect: (code: string) => void;
  /**
   * Other figures per Land than the inventory's (the survey round's, views/round-table.ts), each
   * a header and a cell; no totals row then.
   */
  columns?: readonly LandColumn[];
}

/** A column of the Länder table: its header and a Land's cell (text, or an element). */
export type LandColumn = [string, (land: LandOverview) => string | HTMLElement];

/** The Länder table: the keyboard and screen-reader way to everything the map shows. */
export function renderLaenderTable(table: HTMLTableElement, options: LaenderTableOptions): void {
  const { lang } = options;
  const columns: readonly LandColumn[] = options.columns ?? [
    [t(lang, 'colPlatforms'), (l) => formatCount(l.platforms, lang)],
    [t(lang, 'colTwins'), (l) => formatCount(l.twins, lang)],
    [t(lang, 'colDatasets'), (l) => formatCount(l.datasets, lang)],
    [t(lang, 'colOpenShare'), (l) => formatShare(l.openDataShare, lang)],
    [t(lang, 'colMaturity'), (l) => (l.maxMaturity === null ? '–' : String(l.maxMaturity))],
    [
      t(lang, 'colFindings'),
      (l) =>
        formatCount(l.findings.high + l.findings.medium + l.findings.low + l.findings.info, lang),
    ],
    [
      t(lang, 'colQuality'),
      (l) => (l.quality.score === null ? '–' : formatPercent(l.quality.score / 100, lang)),
    ],
  ];
  table
    .createTHead()
    .replaceChildren(
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t(lang, 'colLand')),
        ...columns.map(([name]) => h('th', { scope: 'col', class: 'num' }, breakable(name))),
      ),
    );
  const rows = [...options.laender]
    .sort((a, b) => compareNames(a.name, b.name, lang))
    .map((land) => {
      const pressed = land.code === options.selected;
      const button = h(
        'button',
        {
          type: 'button',
          class: 'land-button',
          'aria-pressed': String(pressed),
          'data-key': `land-${land.code}`,
        },
        swatch(options.colors.get(land.code) ?? '#d9d9d9'),
        h('span', { class: 'land-name' }, land.name),
      );
      button.addEventListener('click', () => options.onSelect(land.code));
      // The Land's profile page (/land/:code): everything about one Land, printable.
      const profile = h(
        'a',
        {
          class: 'land-profile-link',
          href: `/land/${land.code}`,
          'aria-label': t(lang, 'landProfileLabel', { name: land.name }),
        },
        t(lang, 'landProfileLink'),
      );
      return h(
        'tr',
        { 'data-code': land.code, class: pressed ? 'is-selected' : undefined },
        h('th', { scope: 'row' }, button, profile),
        ...columns.map(([, value]) => h('td', { class: 'num' }, value(land))),
      );
    });
  replaceKeepingFocus(table.tBodies[0], rows);
  if (options.columns) {
    table.tFoot?.replaceChildren();
    return;
  }
  const sum = (pick: (l: LandOverview) => number) =>
    formatCount(
      options.laender.reduce((acc, l) => acc + pick(l), 0),
      lang,
    );
  table.createTFoot().replaceChildren(
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, t(lang, 'total')),
      h(
        'td',
        { class: 'num' },
        sum((l) => l.platforms),
      ),
      h(
        'td',
        { class: 'num' },
        sum((l) => l.twins),
      ),
      h(
        'td',
        { class: 'num' },
        sum((l) => l.datasets),
      ),
      h('td', { colspan: '4' }),
    ),
  );
}
