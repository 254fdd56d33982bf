/**
 * DOM rendering of everything beside the map. Live updates re-render often, so every render keeps
 * the focused control focused (by its `data-key`) and live regions change only when their text does.
 */
import {
  compareNames,
  formatCount,
  formatEvidenceValue,
  formatPercent,
  formatProgress,
  formatShare,
  formatTimestamp,
} from './format';
import { label, t, typeVocabulary, type Vocabulary } from './i18n';
import type {
  CountOf,
  CoverageMatrix,
  Finding,
  HarvestSource,
  InventoryItem,
  LandOverview,
} from './model';
import type { StatusMessage } from './status';
import type { CoverageDimension, Language } from './url-state';

type Child = Node | string | null | undefined | false;

/**
 * Column headings with soft hyphens where a long German word may break ("Handlungs-bedarfe"), so
 * the Länder table fits its card; screen readers ignore them.
 */
const BREAKS: [RegExp, string][] = [
  [/Plattformen/g, 'Platt\u00adformen'],
  [/Datensätze/g, 'Daten\u00adsätze'],
  [/Handlungsbedarfe/g, 'Handlungs\u00adbedarfe'],
  [/Metadatenqualität/g, 'Metadaten\u00adqualität'],
  [/Reifegrad/g, 'Reife\u00adgrad'],
];
export function breakable(text: string): string {
  return BREAKS.reduce((out, [word, soft]) => out.replace(word, soft), text);
}

/** KERN badge variants by severity (the text says it too; colour is not the only cue). */
const SEVERITY_BADGE: Record<string, string> = {
  high: 'danger',
  medium: 'warning',
  low: 'info',
  info: 'info',
};

/**
 * Gives a rendered table KERN UX's table classes (header and data cells, numeric columns), so the
 * render functions stay plain `h('td', …)`.
 */
export function kernTable(table: HTMLTableElement): void {
  table.classList.add('kern-table', 'kern-table--small');
  for (const section of [table.tHead, ...table.tBodies, table.tFoot])
    for (const row of section?.rows ?? []) {
      row.classList.add('kern-table__row');
      for (const cell of row.cells) {
        const header = cell.tagName === 'TH' && section === table.tHead;
        cell.classList.add(header ? 'kern-table__header' : 'kern-table__cell');
        if (cell.classList.contains('num'))
          cell.classList.add(header ? 'kern-table__header--numeric' : 'kern-table__cell--numeric');
      }
    }
  table.tHead?.classList.add('kern-table__head');
  for (const body of table.tBodies) body.classList.add('kern-table__body');
  table.tFoot?.classList.add('kern-table__footer');
}

/** Creates an element: `h('td', { class: 'num' }, '12')`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** Replaces the children, then puts the focus back on the control with the same `data-key`. */
export function replaceKeepingFocus(container: Element, children: Node[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset['key'] : undefined;
  container.replaceChildren(...children);
  if (key) container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

/** Sets text only when it differs, so aria-live regions do not repeat themselves. */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function renderStatus(element: HTMLElement, status: StatusMessage): void {
  element.dataset['kind'] = status.kind;
  setText(element, status.text);
}

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

export interface ItemsTableOptions {
  items: readonly InventoryItem[];
  lang: Language;
  onOpen: (item: InventoryItem) => void;
}

export function renderItemsTable(table: HTMLTableElement, options: ItemsTableOptions): void {
  const { lang } = options;
  table
    .createTHead()
    .replaceChildren(
      h(
        'tr',
        {},
        ...[
          t(lang, 'colTitle'),
          t(lang, 'colKind'),
          t(lang, 'colType'),
          t(lang, 'colStatus'),
          t(lang, 'colLand'),
        ].map((name) => h('th', { scope: 'col' }, name)),
      ),
    );
  const rows = options.items.map((item) => {
    const open = h(
      'button',
      { type: 'button', class: 'link-button', 'data-key': `item-${item.id}` },
      item.title,
    );
    open.addEventListener('click', () => options.onOpen(item));
    return h(
      'tr',
      { 'data-id': item.id },
      h('th', { scope: 'row' }, open),
      h('td', {}, label(lang, 'kind', item.kind)),
      h('td', {}, typeLabel(item, lang)),
      h('td', {}, item.status ? label(lang, 'status', item.status) : '–'),
      h('td', {}, item.landName ?? (lang === 'de' ? 'Bund' : 'federal')),
    );
  });
  replaceKeepingFocus(table.tBodies[0], rows);
}

function typeLabel(item: InventoryItem, lang: Language): string {
  const vocabulary = typeVocabulary(item.kind);
  return vocabulary ? label(lang, vocabulary, item.type) : item.type;
}

/** The details of one entry (from the map or the list). */
export function renderItemDetail(
  container: HTMLElement,
  item: InventoryItem,
  lang: Language,
  onClose: () => void,
): void {
  const themeVocabulary: Vocabulary = item.kind === 'twin' ? 'twinUseCase' : 'euTheme';
  const facts: [string, Child][] = [
    [t(lang, 'colKind'), label(lang, 'kind', item.kind)],
    [t(lang, 'colType'), typeLabel(item, lang)],
    [t(lang, 'colStatus'), item.status ? label(lang, 'status', item.status) : null],
    [t(lang, 'colLand'), item.landName],
    [
      t(lang, 'filterTheme'),
      item.themes.length
        ? item.themes.map((c) => label(lang, themeVocabulary, c)).join(', ')
        : null,
    ],
    [t(lang, 'filterMaturity'), item.maturityLevel === null ? null : String(item.maturityLevel)],
    [
      t(lang, 'filterOpenData'),
      item.openData === null ? null : t(lang, item.openData ? 'yes' : 'no'),
    ],
    [t(lang, 'link'), safeLink(item.url)],
  ];
  renderDetail(container, item.title, onClose, lang, [
    item.description ? h('p', {}, item.description) : null,
    definitionList(facts.filter(([, value]) => value !== null && value !== undefined)),
  ]);
}

export interface FindingsListOptions {
  findings: readonly Finding[];
  total: number;
  open: string | undefined;
  lang: Language;
  names: ReadonlyMap<string, string>;
  onOpen: (finding: Finding) => void;
}

export function renderFindingsList(list: HTMLElement, options: FindingsListOptions): void {
  const { lang } = options;
  const items = options.findings.map((finding) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'finding-button',
        'aria-expanded': String(finding.id === options.open),
        'aria-controls': 'befund-detail',
        'data-key': `finding-${finding.id}`,
        'data-finding': finding.id,
      },
      severityBadge(finding.severity, lang),
      h('span', { class: 'finding-title' }, finding.title),
      h(
        'span',
        { class: 'muted' },
        finding.landCode ? (options.names.get(finding.landCode) ?? finding.landCode) : '',
      ),
    );
    button.addEventListener('click', () => options.onOpen(finding));
    return h('li', {}, button);
  });
  if (items.length === 0) items.push(h('li', { class: 'muted' }, t(lang, 'findingsNone')));
  replaceKeepingFocus(list, items);
}

function severityBadge(severity: string, lang: Language): HTMLElement {
  return h(
    'span',
    { class: `kern-badge kern-badge--${SEVERITY_BADGE[severity] ?? 'info'} severity-${severity}` },
    h('span', { class: 'visually-hidden' }, `${t(lang, 'severity')}: `),
    label(lang, 'severity', severity),
  );
}

/** One finding: why it matters, the facts behind it and the records it concerns. */
export function renderFindingDetail(
  container: HTMLElement,
  finding: Finding,
  records: ReadonlyMap<string, InventoryItem>,
  lang: Language,
  names: ReadonlyMap<string, string>,
  onClose: () => void,
): void {
  const evidence = Object.entries(finding.evidence).map(([key, value]): [string, Child] => [
    key,
    formatEvidenceValue(value, lang),
  ]);
  const recordList = finding.recordIds.length
    ? h(
        'ul',
        { class: 'records' },
        ...finding.recordIds.slice(0, 50).map((id) => {
          const record = records.get(id);
          return h(
            'li',
            {},
            record
              ? `${record.title} (${label(lang, 'kind', record.kind)})`
              : `${finding.recordKind} ${id}`,
          );
        }),
        finding.recordIds.length > 50
          ? h('li', { class: 'muted' }, `… +${formatCount(finding.recordIds.length - 50, lang)}`)
          : null,
      )
    : h('p', { class: 'muted' }, t(lang, 'noRecords'));
  renderDetail(container, finding.title, onClose, lang, [
    h(
      'p',
      {},
      severityBadge(finding.severity, lang),
      ' ',
      finding.landCode ? (names.get(finding.landCode) ?? finding.landCode) : '',
    ),
    h('h4', {}, t(lang, 'rationale')),
    h('p', { class: 'rationale' }, finding.rationale),
    h('h4', {}, t(lang, 'evidence')),
    evidence.length ? definitionList(evidence) : h('p', { class: 'muted' }, '–'),
    h('h4', {}, t(lang, 'records')),
    recordList,
    definitionList([
      [t(lang, 'rule'), finding.ruleId],
      [t(lang, 'firstSeen'), formatTimestamp(finding.firstSeenAt, lang)],
    ]),
  ]);
}

function renderDetail(
  container: HTMLElement,
  title: string,
  onClose: () => void,
  lang: Language,
  body: Child[],
): void {
  const close = h(
    'button',
    {
      type: 'button',
      class: 'kern-btn kern-btn--secondary kern-btn--x-small close-button',
      'data-key': 'close',
    },
    t(lang, 'close'),
  );
  close.addEventListener('click', onClose);
  const headingId = `${container.id}-titel`;
  container.setAttribute('role', 'region');
  container.setAttribute('aria-labelledby', headingId);
  replaceKeepingFocus(container, [
    h('div', { class: 'detail-head' }, h('h3', { id: headingId }, title), close),
    ...body
      .filter((child): child is Node | string => !!child)
      .map((child) => (typeof child === 'string' ? h('p', {}, child) : child)),
  ]);
  container.hidden = false;
}

function definitionList(entries: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    ...entries.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '–')]),
  );
}

/** Only http(s) links become anchors: the data come from 16 Länder, not from us. */
function safeLink(url: string | null): Child {
  if (!url || !/^https?:\/\//i.test(url)) return url;
  return h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url);
}

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
