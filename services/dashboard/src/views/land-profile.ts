/**
 * The Land profile (/land/:code, issue 21): its platforms, twins, datasets by theme and licence,
 * endpoints, harvest sources with their freshness, findings per rule, the metadata quality in
 * the MQA dimensions with the tips that would help most, the survey round status, and how the
 * inventory grew (trends). Printable (land-profile.css); links the per-Land PDF report.
 * Reads GET /laender/{code}/profile and GET /trends?land= (per viewer: a reviewer's token shows
 * NON_PUBLIC records).
 */
import type { LandRoundHistory } from '../model';
import type { Language } from '../url-state';
import { h, kernTable } from '../view';
import {
  countTable,
  DIMENSIONS,
  labelOf,
  listOrNone,
  num,
  type Profile,
  say,
  section,
  TEXT,
  type Trends,
} from './land-profile-parts';
import { trendElements } from './land-profile-trends';
import { roundHistoryElements, sayRound } from './round-table';
import type { ViewDefinition } from './types';
import './land-profile.css';

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
