/**
 * DOM rendering of everything beside the map. Live updates re-render often, so every render keeps
 * the focused control focused (by its `data-key`) and live regions change only when their text does.
 */
import { formatCount, formatEvidenceValue, formatTimestamp } from './format';
import { label, t, typeVocabulary, type Vocabulary } from './i18n';
import type { Finding, InventoryItem } from './model';
import type { StatusMessage } from './status';
import type { Language } from './url-state';

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
