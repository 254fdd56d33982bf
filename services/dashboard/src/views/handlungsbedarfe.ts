/**
 * "Handlungsbedarfe" page (/handlungsbedarfe): every finding, grouped by rule or by Land, each
 * group opened page by page (no cap: "weitere laden" follows the API's `next` link). Each
 * finding names its entry and says in one sentence what was found. The filters of the overview
 * (Land, Art, Thema) apply; severity is chosen here.
 */
import type { Language } from '../url-state';
import { h } from '../view';
import { findingsFilter } from './findings-query';
import type { ViewDefinition } from './types';

/*
 * What this page reads of GET /findings and /findings/groups (FindingsPage, FindingGroupsView in
 * reporting's OpenAPI document). Written out here until src/generated/reporting-api.ts is
 * regenerated with them (`npx nx run dashboard:api-types`); then take them from there.
 */
interface Localized {
  de: string;
  en: string;
}
interface Finding {
  id: string;
  severity: string;
  entry: { id: string; kind: string; title: string };
  explanation: Localized;
  severityLabel: Localized;
}
interface Page {
  items: Finding[];
  next: string | null;
  total: number;
}
interface Group {
  key: string;
  label: Localized;
  count: number;
  bySeverity: Record<'high' | 'medium' | 'low' | 'info', number>;
  findings: string;
}
interface Groups {
  total: number;
  groups: Group[];
}

const TEXT = {
  title: ['Handlungsbedarfe', 'Needs for action'],
  intro: [
    'Alle Befunde, gruppiert. Jeder nennt den betroffenen Eintrag und was festgestellt wurde; was die Regeln prüfen, steht unter „Methode“.',
    'All findings, grouped. Each names the entry concerned and what was found; what the rules check is explained under “Method”.',
  ],
  groupBy: ['Gruppieren nach', 'Group by'],
  byRule: ['Regel', 'Rule'],
  byLand: ['Land', 'Land'],
  severity: ['Schweregrad', 'Severity'],
  allSeverities: ['alle', 'all'],
  more: ['Weitere laden', 'Load more'],
  shownOf: ['{shown} von {total} angezeigt', '{shown} of {total} shown'],
  none: ['Keine Handlungsbedarfe für diese Auswahl.', 'No needs for action for this selection.'],
  total: ['{n} Handlungsbedarfe', '{n} needs for action'],
  one: ['1 Handlungsbedarf', '1 need for action'],
  method: ['Methode', 'Method'],
  overview: ['Zur Übersicht', 'To the overview'],
  loadFailed: ['Konnte nicht geladen werden.', 'Could not be loaded.'],
} as const;

const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
const SEVERITY_NAMES: Record<string, [string, string]> = {
  high: ['hoch', 'high'],
  medium: ['mittel', 'medium'],
  low: ['niedrig', 'low'],
  info: ['Hinweis', 'note'],
};
const BADGE: Record<string, string> = {
  high: 'danger',
  medium: 'warning',
  low: 'info',
  info: 'info',
};
const PAGE_SIZE = 50;

const say = (lang: Language, key: keyof typeof TEXT, values: Record<string, string> = {}) =>
  Object.entries(values).reduce(
    (text, [name, value]) => text.replace(`{${name}}`, value),
    TEXT[key][lang === 'en' ? 1 : 0] as string,
  );
const count = (n: number, lang: Language) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'de-DE');

/** A path of the API (`/api/v1/findings?…`) as `fetchJson` takes it (below /api/v1). */
const apiPath = (link: string) => link.replace(/^\/api\/v1/, '');

export const findingsPageView: ViewDefinition = {
  id: 'handlungsbedarfe-seite',
  route: '/handlungsbedarfe',
  needs: [],
  mount(host, context) {
    let by: 'rule' | 'land' = 'rule';
    let severity: string | undefined;
    let groups: Groups | undefined;
    let failed = false;
    /** Loaded findings of each open group (by key), with the link to the next page. */
    const open = new Map<string, { items: Finding[]; next: string | null; total: number }>();
    let generation = 0;

    host.replaceChildren();
    const heading = h('h2', { id: 'hb-titel' });
    const intro = h('p', { class: 'muted' });
    const links = h('p');
    const byLabel = h('label', { for: 'hb-gruppe' });
    const bySelect = h('select', { id: 'hb-gruppe', class: 'kern-form-input__select' });
    const sevLabel = h('label', { for: 'hb-schwere' });
    const sevSelect = h('select', { id: 'hb-schwere', class: 'kern-form-input__select' });
    const summary = h('p', { id: 'hb-summe', role: 'status' });
    const list = h('div', { id: 'hb-gruppen' });
    host.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'hb-titel' },
        heading,
        intro,
        links,
        h('div', { class: 'filters-row' }, byLabel, bySelect, sevLabel, sevSelect),
        summary,
        list,
      ),
    );

    const draw = () => {
      const lang = context.lang();
      heading.textContent = say(lang, 'title');
      intro.textContent = say(lang, 'intro');
      links.replaceChildren(
        h('a', { href: '/methode', 'data-route': true }, say(lang, 'method')),
        ' · ',
        h('a', { href: '/', 'data-route': true }, say(lang, 'overview')),
      );
      byLabel.textContent = `${say(lang, 'groupBy')} `;
      bySelect.replaceChildren(
        h('option', { value: 'rule', selected: by === 'rule' }, say(lang, 'byRule')),
        h('option', { value: 'land', selected: by === 'land' }, say(lang, 'byLand')),
      );
      sevLabel.textContent = ` ${say(lang, 'severity')} `;
      sevSelect.replaceChildren(
        h('option', { value: '', selected: !severity }, say(lang, 'allSeverities')),
        ...SEVERITIES.map((s) =>
          h(
            'option',
            { value: s, selected: severity === s },
            SEVERITY_NAMES[s][lang === 'en' ? 1 : 0],
          ),
        ),
      );
      if (failed) {
        summary.textContent = say(lang, 'loadFailed');
        return;
      }
      if (!groups) return;
      summary.textContent =
        groups.total === 0
          ? say(lang, 'none')
          : groups.total === 1
            ? say(lang, 'one')
            : say(lang, 'total', { n: count(groups.total, lang) });
      list.replaceChildren(...groups.groups.map((group) => groupElement(group, lang)));
    };

    const groupElement = (group: Group, lang: Language) => {
      const loaded = open.get(group.key);
      const severities = SEVERITIES.filter((s) => group.bySeverity[s] > 0).map((s) =>
        h(
          'span',
          { class: `kern-badge kern-badge--${BADGE[s]} severity-${s}` },
          `${count(group.bySeverity[s], lang)} ${SEVERITY_NAMES[s][lang === 'en' ? 1 : 0]}`,
        ),
      );
      const details = h(
        'details',
        { 'data-group': group.key, open: Boolean(loaded) },
        h(
          'summary',
          {},
          h('strong', {}, lang === 'en' ? group.label.en : group.label.de),
          ` (${count(group.count, lang)}) `,
          ...severities,
        ),
      );
      details.addEventListener('toggle', () => {
        if (details.open && !open.has(group.key)) void loadPage(group.key, group.findings);
        if (!details.open) open.delete(group.key);
      });
      if (loaded) {
        details.append(
          h(
            'ul',
            { class: 'hb-findings' },
            ...loaded.items.map((f) =>
              h(
                'li',
                { 'data-finding': f.id },
                h(
                  'span',
                  { class: `kern-badge kern-badge--${BADGE[f.severity] ?? 'info'}` },
                  lang === 'en' ? f.severityLabel.en : f.severityLabel.de,
                ),
                ' ',
                h('strong', {}, f.entry.title),
                ': ',
                lang === 'en' ? f.explanation.en : f.explanation.de,
              ),
            ),
          ),
          h(
            'p',
            { class: 'muted' },
            say(lang, 'shownOf', {
              shown: count(loaded.items.length, lang),
              total: count(loaded.total, lang),
            }),
          ),
        );
        if (loaded.next) {
          const next = loaded.next;
          const button = h('button', { type: 'button', class: 'kern-btn kern-btn--secondary' });
          button.textContent = say(lang, 'more');
          button.addEventListener('click', () => void loadPage(group.key, next, true));
          details.append(button);
        }
      }
      return details;
    };

    async function loadPage(key: string, link: string, append = false): Promise<void> {
      const current = generation;
      const url = `${apiPath(link)}${link.includes('?') ? '&' : '?'}${
        link.includes('limit=') ? '' : `limit=${PAGE_SIZE}`
      }`;
      try {
        const page = await context.fetchJson<Page>(url.replace(/[?&]$/, ''));
        if (current !== generation) return;
        const before = append ? (open.get(key)?.items ?? []) : [];
        open.set(key, { items: [...before, ...page.items], next: page.next, total: page.total });
        draw();
      } catch (error) {
        context.reportError(error);
      }
    }

    async function load(): Promise<void> {
      const current = ++generation;
      const params = findingsFilter(context.store.get().view, severity);
      params.set('by', by);
      const query = params.toString();
      try {
        const answer = await context.fetchJson<Groups>(`/findings/groups?${query}`);
        if (current !== generation) return;
        groups = answer;
        failed = false;
        // Open groups reload from their first page (the findings may have changed).
        const reopen = [...open.keys()];
        open.clear();
        draw();
        for (const key of reopen) {
          const group = answer.groups.find((g) => g.key === key);
          if (group) await loadPage(key, group.findings);
        }
      } catch (error) {
        failed = true;
        draw();
        context.reportError(error);
      }
    }

    bySelect.addEventListener('change', () => {
      by = bySelect.value === 'land' ? 'land' : 'rule';
      open.clear();
      void load();
    });
    sevSelect.addEventListener('change', () => {
      severity = sevSelect.value || undefined;
      void load();
    });
    const stop = context.onLiveChange((parts) => {
      if (parts.has('findings')) void load();
    });
    void load();
    let lastFilter = '';
    return {
      render(state) {
        const filter = findingsFilter(state.view, severity).toString();
        if (lastFilter && filter !== lastFilter) void load();
        lastFilter = filter;
        draw();
      },
      unmount: () => {
        generation++;
        stop();
      },
    };
  },
};
