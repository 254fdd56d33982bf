/**
 * DOM updates for everything beside the map. Updates happen in place every few seconds, so they
 * touch only what changed: a focused button keeps its focus, and the live regions speak only when
 * their text really changes.
 */
import type { LegendEntry } from './choropleth';
import type { StatusMessage } from './status';
import { formatCount, formatShare, type SummaryRow } from './summary';

export interface TableElements {
  body: HTMLTableSectionElement;
  total: HTMLElement;
  totalShare: HTMLElement;
  totalTwins: HTMLElement;
}

/** Fills the "Plattformen je Land" table; each Land's name is a button that selects it. */
export function renderTable(
  elements: TableElements,
  rows: readonly SummaryRow[],
  totals: { platforms: number; twins: number },
  selected: string | undefined,
  onSelect: (code: string) => void,
): void {
  const { body } = elements;
  const existing = [...body.rows].map((row) => row.dataset['code']);
  const sameOrder =
    existing.length === rows.length && rows.every((row, i) => existing[i] === row.code);
  if (!sameOrder) {
    const focusedCode = (document.activeElement as HTMLElement | null)?.closest('tr')?.dataset[
      'code'
    ];
    body.replaceChildren(...rows.map((row) => createRow(row.code, onSelect)));
    if (focusedCode)
      body.querySelector<HTMLButtonElement>(`tr[data-code="${focusedCode}"] button`)?.focus();
  }
  rows.forEach((row, i) => updateRow(body.rows[i], row, row.code === selected));
  setText(elements.total, formatCount(totals.platforms));
  setText(elements.totalShare, formatShare(totals.platforms, totals.platforms));
  setText(elements.totalTwins, formatCount(totals.twins));
}

function createRow(code: string, onSelect: (code: string) => void): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset['code'] = code;
  const th = document.createElement('th');
  th.scope = 'row';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'land-button';
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'land-name';
  button.append(swatch, name);
  button.addEventListener('click', () => onSelect(code));
  th.append(button);
  const platforms = document.createElement('td');
  platforms.className = 'num';
  const share = document.createElement('td');
  share.className = 'num';
  const twins = document.createElement('td');
  twins.className = 'num';
  tr.append(th, platforms, share, twins);
  return tr;
}

function updateRow(tr: HTMLTableRowElement, row: SummaryRow, isSelected: boolean): void {
  const button = tr.querySelector<HTMLButtonElement>('button');
  const swatch = tr.querySelector<HTMLElement>('.swatch');
  const name = tr.querySelector<HTMLElement>('.land-name');
  if (!button || !swatch || !name) return;
  setText(name, row.name);
  swatch.style.backgroundColor = row.color;
  swatch.title = `Farbklasse ${row.classLabel}`;
  button.setAttribute('aria-pressed', String(isSelected));
  tr.classList.toggle('is-selected', isSelected);
  setText(tr.cells[1], formatCount(row.platforms));
  setText(tr.cells[2], row.share);
  setText(tr.cells[3], formatCount(row.twins));
}

/** The legend under the map, rebuilt only when the classes change. */
export function renderLegend(list: HTMLElement, entries: readonly LegendEntry[]): void {
  const key = entries.map((entry) => `${entry.color}:${entry.label}`).join('|');
  if (list.dataset['key'] === key) return;
  list.dataset['key'] = key;
  list.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      swatch.style.backgroundColor = entry.color;
      item.append(swatch, document.createTextNode(entry.label));
      return item;
    }),
  );
}

export function renderStatus(element: HTMLElement, status: StatusMessage): void {
  element.dataset['kind'] = status.kind;
  setText(element, status.text);
}

/** Sets text only when it differs, so aria-live regions do not repeat themselves. */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
