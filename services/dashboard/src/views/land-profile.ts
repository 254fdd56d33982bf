/**
 * The Land profile (/land/:code, issue 21): its platforms, twins, datasets by theme and licence,
 * endpoints, harvest sources with their freshness, findings per rule, the metadata quality in
 * the MQA dimensions with the tips that would help most, the survey round status, and how the
 * inventory grew (trends). Printable (land-profile.css); links the per-Land PDF report.
 * Reads GET /laender/{code}/profile and GET /trends?land= (per viewer: a reviewer's token shows
 * NON_PUBLIC records).
 */
import { VOCABULARY_LABELS } from '@dpi/domain/src/labels';
import type { LandRoundHistory } from '../model';
import type { Language } from '../url-state';
import { h, kernTable } from '../view';
import { roundHistoryElements, sayRound } from './round-table';
import type { ViewDefinition } from './types';
import './land-profile.css';

/*
 * What this page reads (LandProfile and TrendsView in reporting's OpenAPI document), written out
 * until src/generated/reporting-api.ts is regenerated (`npx nx run dashboard:api-types`).
 */
interface Tip {
  id: string;
  text: string;
  textEn: string;
  dimension: string;
  datasets: number;
  share: number;
}
export interface Profile {
  code: string;
  name: string;
  counts: Record<
    'platforms' | 'twins' | 'datasets' | 'endpoints' | 'harvestSources' | 'staleHarvestSources',
    number
  >;
  platforms: { id: string; name: string; type: string; status: string; homepage: string | null }[];
  twins: { id: string; name: string; maturityLevel: number; homepage: string | null }[];
  datasets: {
    total: number;
    open: number;
    harvested: number;
    byTheme: { value: string | null; count: number }[];
    byLicence: { value: string | null; count: number }[];
  };
  endpoints: { total: number; byServiceType: Record<string, number> };
  harvestSources: {
    sourceId: string;
    sourceName: string;
    lastSuccessAt: string | null;
    ageDays: number | null;
    stale: boolean;
    staleReason: string | null;
  }[];
  freshness: { maxAgeDaysUnscheduled: number };
  findings: { total: number; byRule: { ruleId: string; severity: string; count: number }[] };
  quality: {
    datasets: number;
    score: number | null;
    dimensions: Record<string, number | null>;
    tips: Tip[];
  };
  survey: {
    round: { title: string; state: string };
    progress: {
      inScope: number;
      open: number;
      confirmed: number;
      updated: number;
      complete: boolean;
    };
  } | null;
  reportPdf: string;
}
export interface Trends {
  recordedSince: string | null;
  series: {
    landCode: string;
    buckets: {
      label: string;
      partial: boolean;
      registered: Record<string, number>;
      withdrawn: Record<string, number>;
      harvested: { added: number; withdrawn: number };
      inventory: Record<string, number>;
    }[];
  }[];
}

const TEXT = {
  figures: ['Auf einen Blick', 'At a glance'],
  platforms: ['Plattformen', 'Platforms'],
  twins: ['Digitale Zwillinge', 'Digital twins'],
  datasets: ['Datensätze', 'Datasets'],
  endpoints: ['Schnittstellen', 'Endpoints'],
  harvest: ['Harvesting-Quellen', 'Harvest sources'],
  stale: ['veraltet', 'stale'],
  fresh: ['aktuell', 'fresh'],
  never: ['noch nie erfolgreich', 'never succeeded'],
  lastSuccess: ['letzter Erfolg vor {d} Tagen', 'last success {d} days ago'],
  themes: ['Datensätze nach Thema', 'Datasets by theme'],
  licences: ['Datensätze nach Lizenz', 'Datasets by licence'],
  noLicence: ['ohne Lizenz', 'no licence'],
  noTheme: ['ohne Thema', 'no theme'],
  findings: ['Handlungsbedarfe nach Regel', 'Needs for action by rule'],
  quality: ['Metadatenqualität (MQA-Dimensionen)', 'Metadata quality (MQA dimensions)'],
  tips: ['Was am meisten hilft', 'What helps most'],
  tipDatasets: ['{n} Datensätze', '{n} datasets'],
  tipDataset: ['1 Datensatz', '1 dataset'],
  trends: ['Entwicklung des Bestands', 'How the inventory developed'],
  since: ['Aufgezeichnet seit {d}.', 'Recorded since {d}.'],
  short: [
    'Die Historie ist noch kurz: erst {n} Zeitabschnitt(e) seit Beginn der Aufzeichnung.',
    'The history is still short: {n} period(s) since recording began.',
  ],
  none: ['Noch keine Historie aufgezeichnet.', 'No history recorded yet.'],
  nothing: ['keine', 'none'],
  period: ['Zeitraum', 'Period'],
  registered: ['neu', 'new'],
  withdrawn: ['zurückgezogen', 'withdrawn'],
  harvestedAdded: ['geerntet +', 'harvested +'],
  inventory: ['Bestand am Ende', 'Inventory at the end'],
  partial: ['(angebrochen)', '(partial)'],
  survey: ['Erhebungsrunde', 'Survey round'],
  surveyStatus: [
    '{c} von {s} Einträgen bestätigt oder aktualisiert, {o} offen',
    '{c} of {s} entries confirmed or updated, {o} open',
  ],
  complete: ['Land hat „nichts mehr zu ergänzen“ erklärt', 'Land declared "nothing more to add"'],
  pdf: ['Bericht als PDF', 'Report as PDF'],
  print: ['Drucken', 'Print'],
  back: ['Zur Übersicht', 'To the overview'],
  loadFailed: ['Konnte nicht geladen werden.', 'Could not be loaded.'],
  score: ['Gesamt {s} %', 'Overall {s} %'],
  maturity: ['Reifegrad {n} nach DIN SPEC 91607', 'maturity level {n} (DIN SPEC 91607)'],
  allFindings: ['Alle Handlungsbedarfe des Landes', "All of the Land's needs for action"],
} as const;

const DIMENSIONS: Record<string, [string, string]> = {
  findability: ['Auffindbarkeit', 'Findability'],
  accessibility: ['Zugänglichkeit', 'Accessibility'],
  interoperability: ['Interoperabilität', 'Interoperability'],
  reusability: ['Wiederverwendbarkeit', 'Reusability'],
  contextuality: ['Kontext', 'Contextuality'],
};

/** A code's label in the page's language (the code itself when the vocabulary lacks it). */
const labelOf = (lang: Language, vocabulary: keyof typeof VOCABULARY_LABELS, code: string) => {
  const labels = VOCABULARY_LABELS[vocabulary];
  return Object.hasOwn(labels, code) ? labels[code][lang === 'en' ? 1 : 0] : code;
};

const say = (lang: Language, key: keyof typeof TEXT, values: Record<string, string> = {}) =>
  Object.entries(values).reduce(
    (text, [name, value]) => text.replace(`{${name}}`, value),
    TEXT[key][lang === 'en' ? 1 : 0] as string,
  );
const num = (n: number, lang: Language) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'de-DE');
const localDay = (iso: string, lang: Language) =>
  new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'de-DE', {
    timeZone: 'Europe/Berlin',
  });
const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

const section = (id: string, title: string, ...children: (HTMLElement | string)[]) =>
  h(
    'section',
    { class: 'profile-section', 'aria-labelledby': id },
    h('h3', { id }, title),
    ...children,
  );

/** A list, or "keine" when there is nothing to list (an empty list would say nothing). */
const listOrNone = (items: HTMLElement[], lang: Language) =>
  items.length ? h('ul', {}, ...items) : h('p', {}, say(lang, 'nothing'));

const countTable = (
  caption: string,
  rows: { label: string; count: number }[],
  lang: Language,
): HTMLElement =>
  rows.length === 0
    ? h('p', {}, h('strong', {}, `${caption}: `), say(lang, 'nothing'))
    : h(
        'table',
        { class: 'kern-table profile-table' },
        h('caption', {}, caption),
        h(
          'tbody',
          {},
          ...rows.map((r) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, r.label),
              h('td', { class: 'num' }, num(r.count, lang)),
            ),
          ),
        ),
      );

/**
 * The profile as elements (pure: a function of the API's answer). `ruleTitles` names the rules
 * (GET /method); without it a rule shows its id.
 */
export function profileElements(
  p: Profile,
  lang: Language,
  ruleTitles: Record<string, string> = {},
): HTMLElement[] {
  const figures: [keyof typeof TEXT, number][] = [
    ['platforms', p.counts.platforms],
    ['twins', p.counts.twins],
    ['datasets', p.counts.datasets],
    ['endpoints', p.counts.endpoints],
    ['harvest', p.counts.harvestSources],
  ];
  const dims = Object.entries(p.quality.dimensions);
  return [
    section(
      'profil-zahlen',
      say(lang, 'figures'),
      h(
        'dl',
        { class: 'profile-figures' },
        ...figures.map(([key, n]) =>
          h('div', {}, h('dt', {}, say(lang, key)), h('dd', {}, num(n, lang))),
        ),
      ),
      ...(p.survey
        ? [
            h(
              'p',
              {},
              h('strong', {}, `${say(lang, 'survey')} „${p.survey.round.title}“: `),
              say(lang, 'surveyStatus', {
                c: num(p.survey.progress.confirmed + p.survey.progress.updated, lang),
                s: num(p.survey.progress.inScope, lang),
                o: num(p.survey.progress.open, lang),
              }),
              p.survey.progress.complete ? ` – ${say(lang, 'complete')}` : '',
            ),
          ]
        : []),
    ),
    section(
      'profil-plattformen',
      `${say(lang, 'platforms')} (${num(p.platforms.length, lang)})`,
      listOrNone(
        p.platforms.map((x) =>
          h(
            'li',
            {},
            x.homepage ? h('a', { href: x.homepage, rel: 'noopener' }, x.name) : x.name,
            ` – ${labelOf(lang, 'platformType', x.type)}, ${labelOf(lang, 'status', x.status)}`,
          ),
        ),
        lang,
      ),
      h('h4', {}, `${say(lang, 'twins')} (${num(p.twins.length, lang)})`),
      listOrNone(
        p.twins.map((t) =>
          h('li', {}, `${t.name} – ${say(lang, 'maturity', { n: String(t.maturityLevel) })}`),
        ),
        lang,
      ),
    ),
    section(
      'profil-datensaetze',
      `${say(lang, 'datasets')} (${num(p.datasets.total, lang)})`,
      countTable(
        say(lang, 'themes'),
        p.datasets.byTheme.map((t) => ({
          label: t.value === null ? say(lang, 'noTheme') : labelOf(lang, 'euTheme', t.value),
          count: t.count,
        })),
        lang,
      ),
      countTable(
        say(lang, 'licences'),
        p.datasets.byLicence.map((l) => ({
          label: l.value === null ? say(lang, 'noLicence') : labelOf(lang, 'licence', l.value),
          count: l.count,
        })),
        lang,
      ),
      countTable(
        say(lang, 'endpoints'),
        Object.entries(p.endpoints.byServiceType).map(([code, count]) => ({
          label: labelOf(lang, 'serviceType', code),
          count,
        })),
        lang,
      ),
    ),
    section(
      'profil-harvesting',
      say(lang, 'harvest'),
      listOrNone(
        p.harvestSources.map((s) =>
          h(
            'li',
            { 'data-stale': s.stale ? 'true' : 'false' },
            `${s.sourceName}: `,
            h(
              'span',
              { class: s.stale ? 'profile-stale' : '' },
              say(lang, s.stale ? 'stale' : 'fresh'),
            ),
            ', ',
            s.ageDays === null
              ? say(lang, 'never')
              : say(lang, 'lastSuccess', { d: num(s.ageDays, lang) }),
          ),
        ),
        lang,
      ),
    ),
    section(
      'profil-handlungsbedarfe',
      `${say(lang, 'findings')} (${num(p.findings.total, lang)})`,
      countTable(
        say(lang, 'findings'),
        p.findings.byRule.map((f) => ({
          label: `${ruleTitles[f.ruleId] ?? f.ruleId} (${labelOf(lang, 'severity', f.severity)})`,
          count: f.count,
        })),
        lang,
      ),
      h(
        'p',
        { class: 'no-print' },
        h(
          'a',
          { href: `/handlungsbedarfe?land=${encodeURIComponent(p.code)}`, 'data-route': true },
          say(lang, 'allFindings'),
        ),
      ),
    ),
    section(
      'profil-qualitaet',
      say(lang, 'quality'),
      h(
        'p',
        {},
        p.quality.score === null ? '–' : say(lang, 'score', { s: num(p.quality.score, lang) }),
      ),
      h(
        'table',
        { class: 'kern-table profile-table' },
        h('caption', {}, say(lang, 'quality')),
        h(
          'tbody',
          {},
          ...dims.map(([d, percent]) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, DIMENSIONS[d]?.[lang === 'en' ? 1 : 0] ?? d),
              h(
                'td',
                {},
                percent === null ? '–' : `${num(percent, lang)} % `,
                percent === null
                  ? ''
                  : h('span', {
                      class: 'profile-bar',
                      style: `width:${percent / 2}px`,
                      'aria-hidden': 'true',
                    }),
              ),
            ),
          ),
        ),
      ),
      h('h4', {}, say(lang, 'tips')),
      h(
        'ol',
        {},
        ...p.quality.tips
          .slice(0, 5)
          .map((t) =>
            h(
              'li',
              { 'data-tip': t.id },
              `${lang === 'en' ? t.textEn : t.text} – ${t.datasets === 1 ? say(lang, 'tipDataset') : say(lang, 'tipDatasets', { n: num(t.datasets, lang) })}`,
            ),
          ),
      ),
    ),
  ];
}

/** How the inventory developed; says so when the history is short (pure). */
export function trendElements(trends: Trends, lang: Language): HTMLElement[] {
  const buckets = trends.series[0]?.buckets ?? [];
  if (!trends.recordedSince || buckets.length === 0) return [h('p', {}, say(lang, 'none'))];
  const notes = [h('p', {}, say(lang, 'since', { d: localDay(trends.recordedSince, lang) }))];
  // One period draws a flat line that tells nothing: then the note and the table only.
  const drawChart = buckets.length > 1;
  if (buckets.length < 3)
    notes.push(
      h(
        'p',
        { class: 'muted', 'data-short': 'true' },
        say(lang, 'short', { n: String(buckets.length) }),
      ),
    );
  const totals = buckets.map((b) => total(b.inventory));
  const max = Math.max(1, ...totals);
  const width = 400;
  const step = buckets.length > 1 ? width / (buckets.length - 1) : 0;
  const points = totals
    .map((t, i) => `${Math.round(i * step)},${Math.round(100 - (90 * t) / max)}`)
    .join(' ');
  const chart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  chart.setAttribute('viewBox', `-5 0 ${width + 10} 105`);
  chart.setAttribute('role', 'img');
  chart.setAttribute(
    'aria-label',
    `${say(lang, 'inventory')}: ${totals.map((t) => num(t, lang)).join(', ')}`,
  );
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute(
    'points',
    buckets.length > 1 ? points : `0,${points.split(',')[1]} ${width},${points.split(',')[1]}`,
  );
  chart.append(line);
  const table = h(
    'table',
    { class: 'kern-table profile-table' },
    h('caption', {}, say(lang, 'trends')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...(['period', 'registered', 'withdrawn', 'harvestedAdded', 'inventory'] as const).map(
          (k) => h('th', { scope: 'col', class: k === 'period' ? undefined : 'num' }, say(lang, k)),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...buckets.map((b) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, b.partial ? `${b.label} ${say(lang, 'partial')}` : b.label),
          h('td', { class: 'num' }, num(total(b.registered), lang)),
          h('td', { class: 'num' }, num(total(b.withdrawn) + b.harvested.withdrawn, lang)),
          h('td', { class: 'num' }, num(b.harvested.added, lang)),
          h('td', { class: 'num' }, num(total(b.inventory), lang)),
        ),
      ),
    ),
  );
  const figure = h('figure', { class: 'profile-trend' });
  figure.append(chart);
  return drawChart ? [...notes, figure, table] : [...notes, table];
}

export const landProfileView: ViewDefinition = {
  id: 'land-profil',
  route: '/land/:code',
  needs: [],
  mount(host, context, params) {
    const code = (params['code'] ?? '').toUpperCase();
    const heading = h('h2', { id: 'land-profil-titel' }, code);
    const actions = h('p', { class: 'no-print profile-actions' });
    const body = h('div', { id: 'land-profil-inhalt' });
    const trend = h('div', { id: 'land-profil-trend' });
    const trendTitle = h('h3', { id: 'land-profil-trend-titel' });
    host.replaceChildren(
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'land-profil-titel' },
        heading,
        actions,
        body,
      ),
      h(
        'section',
        { class: 'card profile-section', 'aria-labelledby': 'land-profil-trend-titel' },
        trendTitle,
        trend,
      ),
    );
    let data: { profile: Profile; trends: Trends; rounds: LandRoundHistory } | undefined;
    let lang: Language | undefined;
    let generation = 0;
    // The rules' names in each language (GET /method), fetched once per language.
    const ruleTitles: Partial<Record<Language, Record<string, string>>> = {};
    const loadRuleTitles = (language: Language) => {
      if (ruleTitles[language]) return;
      ruleTitles[language] = {};
      context
        .fetchJson<{ handlungsbedarfe: { rules: { id: string; title: string }[] } }>(
          `/method?lang=${language}`,
        )
        .then((method) => {
          ruleTitles[language] = Object.fromEntries(
            method.handlungsbedarfe.rules.map((r) => [r.id, r.title]),
          );
          if (language === lang) draw();
        })
        .catch((error: unknown) => context.reportError(error));
    };
    const draw = () => {
      if (!lang) return;
      trendTitle.textContent = say(lang, 'trends');
      actions.replaceChildren(
        h('a', { href: '/', 'data-route': true }, say(lang, 'back')),
        h(
          'a',
          { href: data?.profile.reportPdf ?? `/api/v1/exports/report.pdf?land=${code}` },
          say(lang, 'pdf'),
        ),
        h(
          'button',
          { type: 'button', class: 'kern-btn kern-btn--secondary', 'data-print': true },
          say(lang, 'print'),
        ),
      );
      actions.querySelector('[data-print]')?.addEventListener('click', () => window.print());
      if (!data) return;
      heading.textContent = data.profile.name;
      body.replaceChildren(
        ...profileElements(data.profile, lang, ruleTitles[lang]),
        // Every survey round the Land was in, with its result (a closed round's is frozen).
        section(
          'profil-runden',
          sayRound(lang, 'historyCaption'),
          ...roundHistoryElements(data.rounds, lang),
        ),
      );
      trend.replaceChildren(...trendElements(data.trends, lang));
      // KERN's table classes (the numbers right-aligned by their `num` cells); a table wider than
      // a phone (the trend's five columns in German) scrolls inside itself, not the page.
      for (const table of host.querySelectorAll('table')) {
        kernTable(table);
        const scroller = h('div', {
          class: 'table-scroll',
          tabindex: '0',
          role: 'region',
          'aria-label': table.caption?.textContent ?? '',
        });
        table.replaceWith(scroller);
        scroller.append(table);
      }
    };
    async function load(): Promise<void> {
      const current = ++generation;
      try {
        const [profile, trends, rounds] = await Promise.all([
          context.fetchJson<Profile>(`/laender/${encodeURIComponent(code)}/profile`),
          context.fetchJson<Trends>(`/trends?land=${encodeURIComponent(code)}`),
          context.fetchJson<LandRoundHistory>(`/rounds/history?land=${encodeURIComponent(code)}`),
        ]);
        if (current !== generation) return;
        data = { profile, trends, rounds };
        draw();
      } catch (error) {
        if (current === generation && lang)
          body.replaceChildren(h('p', {}, say(lang, 'loadFailed')));
        context.reportError(error);
      }
    }
    void load();
    const unsubscribe = context.onLiveChange(() => void load());
    return {
      render(state) {
        if (state.view.lang !== lang) {
          lang = state.view.lang;
          loadRuleTitles(lang);
          draw();
        }
      },
      unmount: () => {
        generation++;
        unsubscribe();
      },
    };
  },
};
