/**
 * The filter bar: collapsed to one line that says which filters are active; opened, the form.
 * Every filter lives in the URL (url-state.ts).
 */
import { codes, label, t, type Vocabulary } from '../i18n';
import { activeFilterCount, KINDS, parseState, STATUSES, type ViewState } from '../url-state';
import { h, setText } from '../view';
import { mountTemplate, part } from './dom';
import type { AppState, ViewDefinition } from './types';

const TEMPLATE = `
<details id="filter-leiste" class="card filters">
  <summary>
    <span class="filter-summary-title" data-i18n="filters">Filter</span>
    <span id="filter-aktiv" class="filter-active"></span>
  </summary>
  <form id="filter" class="filter-grid" aria-labelledby="filter-titel">
    <h2 id="filter-titel" class="visually-hidden" data-i18n="filters">Filter</h2>
    <div class="kern-form-input">
      <label class="kern-label" for="f-land" data-i18n="filterLand">Land</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" name="land" id="f-land"></select>
      </div>
    </div>
    <div class="kern-form-input">
      <label class="kern-label" for="f-kind" data-i18n="filterKind">Art</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" name="kind" id="f-kind"></select>
      </div>
    </div>
    <div class="kern-form-input">
      <label class="kern-label" for="f-type" data-i18n="filterType">Typ</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" name="type" id="f-type"></select>
      </div>
    </div>
    <div class="kern-form-input">
      <label class="kern-label" for="f-status" data-i18n="filterStatus">Status</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" name="status" id="f-status"></select>
      </div>
    </div>
    <div class="kern-form-input">
      <label class="kern-label" for="f-theme" data-i18n="filterTheme">Thema / Anwendungsfall</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" name="theme" id="f-theme"></select>
      </div>
    </div>
    <div class="kern-form-input">
      <label class="kern-label" for="f-maturity" data-i18n="filterMaturity">Reifegrad</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" name="maturity" id="f-maturity"></select>
      </div>
    </div>
    <div class="kern-form-input">
      <label class="kern-label" for="f-openData" data-i18n="filterOpenData">Offene Daten</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" name="openData" id="f-openData"></select>
      </div>
    </div>
    <div class="kern-form-input filter-q">
      <label class="kern-label" for="f-q" data-i18n="filterQ">Suche</label>
      <input class="kern-form-input__input" type="search" name="q" id="f-q" maxlength="200" autocomplete="off" />
    </div>
    <div class="filter-actions">
      <button type="button" id="filter-reset" class="kern-btn kern-btn--secondary">
        <span class="kern-label" data-i18n="resetFilters">Filter zurücksetzen</span>
      </button>
    </div>
  </form>
</details>`;

type Option = [value: string, text: string];
const SELECTS = ['land', 'kind', 'type', 'status', 'theme', 'maturity', 'openData'] as const;

export const filtersView: ViewDefinition = {
  id: 'filter',
  route: '/',
  needs: [],
  mount(host, context) {
    mountTemplate(host, TEMPLATE, context.lang());
    const form = part<HTMLFormElement>(host, 'filter');
    const details = part<HTMLDetailsElement>(host, 'filter-leiste');
    const active = part(host, 'filter-aktiv');
    const reset = part<HTMLButtonElement>(host, 'filter-reset');
    const q = part<HTMLInputElement>(host, 'f-q');
    const selects = Object.fromEntries(
      SELECTS.map((name) => [name, part<HTMLSelectElement>(host, `f-${name}`)]),
    ) as Record<(typeof SELECTS)[number], HTMLSelectElement>;
    // Closed also for a shared link with filters: its one line says what filters the page, and the
    // figures and the map stay on the first screen.
    details.open = false;

    for (const [name, select] of Object.entries(selects))
      select.addEventListener('change', () => {
        const parsed = parseState(`?${name}=${encodeURIComponent(select.value)}`);
        context.navigate({ [name]: parsed[name as keyof ViewState] });
      });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      context.navigate({ q: q.value.trim() || undefined });
    });
    q.addEventListener('change', () => {
      const value = q.value.trim() || undefined;
      if (value !== context.store.get().view.q) context.navigate({ q: value });
    });
    reset.addEventListener('click', () =>
      context.navigate({
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

    let filled = '';
    return {
      render(state) {
        const { lang } = state.view;
        const fillKey = `${lang}:${state.names.size}`;
        if (filled !== fillKey) {
          filled = fillKey;
          fill(selects, state);
        }
        sync(selects, q, state.view);
        const count = activeFilterCount(state.view);
        setText(active, count ? describeFilters(state) : t(lang, 'filtersNone'));
        reset.disabled = count === 0;
      },
    };
  },
};

/** "2 aktiv: Bremen · Digitaler Zwilling" — what filters the page, in words. */
function describeFilters(state: AppState): string {
  const { view } = state;
  const { lang } = view;
  const parts: string[] = [];
  if (view.land) parts.push(state.names.get(view.land) ?? view.land);
  if (view.kind) parts.push(label(lang, 'kind', view.kind));
  if (view.type) parts.push(labelIn(lang, ['platformType', 'twinKind'], view.type));
  if (view.status) parts.push(label(lang, 'status', view.status));
  if (view.theme) parts.push(labelIn(lang, ['euTheme', 'twinUseCase'], view.theme));
  if (view.maturity !== undefined) parts.push(t(lang, 'levelN', { n: view.maturity }));
  if (view.openData !== undefined)
    parts.push(`${t(lang, 'filterOpenData')}: ${t(lang, view.openData ? 'yes' : 'no')}`);
  if (view.q) parts.push(`„${view.q}“`);
  return `${t(lang, 'filtersActive', { n: parts.length })}: ${parts.join(' · ')}`;
}

/** The label of a code from the first of `vocabularies` that has it (the code itself if none). */
function labelIn(lang: AppState['view']['lang'], vocabularies: Vocabulary[], code: string): string {
  const vocabulary = vocabularies.find((v) => codes(v).includes(code));
  return vocabulary ? label(lang, vocabulary, code) : code;
}

function options(select: HTMLSelectElement, groups: { label?: string; options: Option[] }[]): void {
  const value = select.value;
  select.replaceChildren(
    ...groups.flatMap((group) => {
      const children = group.options.map(([v, text]) => h('option', { value: v }, text));
      return group.label ? [h('optgroup', { label: group.label }, ...children)] : children;
    }),
  );
  select.value = value;
}

function fill(selects: Record<(typeof SELECTS)[number], HTMLSelectElement>, state: AppState): void {
  const { lang } = state.view;
  const vocabulary = (name: Vocabulary): Option[] =>
    codes(name).map((code) => [code, label(lang, name, code)]);
  const all: Option = ['', t(lang, 'all')];
  const laender = [...state.names].sort((a, b) => a[1].localeCompare(b[1], 'de'));
  options(selects.land, [{ options: [['', t(lang, 'allLaender')], ...laender] }]);
  options(selects.kind, [
    {
      options: [
        ['', t(lang, 'kindDefault')],
        ...KINDS.map((k): Option => [k, label(lang, 'kind', k)]),
      ],
    },
  ]);
  options(selects.type, [
    { options: [all] },
    { label: label(lang, 'kind', 'platform'), options: vocabulary('platformType') },
    { label: label(lang, 'kind', 'twin'), options: vocabulary('twinKind') },
  ]);
  options(selects.status, [
    { options: [all, ...STATUSES.map((s): Option => [s, label(lang, 'status', s)])] },
  ]);
  options(selects.theme, [
    { options: [all] },
    { label: label(lang, 'coverage', 'euTheme'), options: vocabulary('euTheme') },
    { label: label(lang, 'coverage', 'twinUseCase'), options: vocabulary('twinUseCase') },
  ]);
  options(selects.maturity, [
    { options: [all, ...[1, 2, 3, 4].map((n): Option => [String(n), t(lang, 'levelN', { n })])] },
  ]);
  options(selects.openData, [
    { options: [all, ['true', t(lang, 'yes')], ['false', t(lang, 'no')]] },
  ]);
}

/** Puts the state's values into the controls (after navigation, back/forward, a shared link). */
function sync(
  selects: Record<(typeof SELECTS)[number], HTMLSelectElement>,
  q: HTMLInputElement,
  view: ViewState,
): void {
  const set = (select: HTMLSelectElement, value: string | undefined) => {
    const wanted = value ?? '';
    // A value from a link that the list does not know (a new vocabulary word) still shows.
    if (wanted && ![...select.options].some((o) => o.value === wanted))
      select.append(h('option', { value: wanted }, wanted));
    if (select.value !== wanted) select.value = wanted;
  };
  set(selects.land, view.land);
  set(selects.kind, view.kind);
  set(selects.type, view.type);
  set(selects.status, view.status);
  set(selects.theme, view.theme);
  set(selects.maturity, view.maturity === undefined ? undefined : String(view.maturity));
  set(selects.openData, view.openData === undefined ? undefined : String(view.openData));
  if (document.activeElement !== q) q.value = view.q ?? '';
}
