/**
 * "Methode" page (/methode): how the dashboard finds Handlungsbedarfe (every rule: what it checks,
 * why, severity, how to fix), how the metadata quality score is made (points per criterion) and
 * how the map's colour classes are made. The text comes from reporting's GET /method in the
 * page's language, so it cannot drift from the rules and the score.
 */
import type { Language } from '../url-state';
import { h, kernTable } from '../view';
import type { ViewDefinition } from './types';
import './methode.css';

/*
 * What this page reads of GET /method (MethodView in reporting's OpenAPI document). Written out
 * here until src/generated/reporting-api.ts is regenerated with it (`npx nx run
 * dashboard:api-types`); then take it from there.
 */
interface Method {
  intro: string;
  handlungsbedarfe: {
    ruleSetVersion: number;
    severities: { level: string; label: string; meaning: string }[];
    rules: {
      id: string;
      title: string;
      severityLabel: string;
      checks: string;
      why: string;
      fix: string;
    }[];
  };
  quality: {
    summary: string;
    dimensions: {
      id: string;
      name: string;
      about: string;
      maxPoints: number;
      criteria: { id: string; name: string; points: number }[];
    }[];
    ratings: { rating: string; label: string; fromPercent: number }[];
  };
  mapClasses: { how: string; why: string; zero: string };
}

const TEXT = {
  title: ['Methode', 'Method'],
  rules: ['Regeln der Handlungsbedarfe', 'Rules of the needs for action'],
  severities: ['Schweregrade', 'Severities'],
  checks: ['Was geprüft wird', 'What is checked'],
  why: ['Warum', 'Why'],
  fix: ['Was zu tun ist', 'What to do'],
  severity: ['Schweregrad', 'Severity'],
  quality: ['Metadatenqualität', 'Metadata quality'],
  criterion: ['Kriterium', 'Criterion'],
  points: ['Punkte', 'Points'],
  ratings: ['Bewertung', 'Rating'],
  from: ['ab', 'from'],
  map: ['Farbklassen der Karte', 'Colour classes of the map'],
  version: ['Regelwerk Version {v}', 'Rule set version {v}'],
  findings: ['Zu den Handlungsbedarfen', 'To the needs for action'],
  loadFailed: ['Konnte nicht geladen werden.', 'Could not be loaded.'],
} as const;

const say = (lang: Language, key: keyof typeof TEXT) => TEXT[key][lang === 'en' ? 1 : 0] as string;
const num = (n: number, lang: Language) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'de-DE');
/** KERN's table classes on a table built with h(). */
const styled = (table: HTMLTableElement) => {
  kernTable(table);
  return table;
};

/** The method as elements (pure: a function of the API's answer). */
export function methodElements(method: Method, lang: Language): HTMLElement[] {
  const { handlungsbedarfe, quality, mapClasses } = method;
  return [
    h('p', {}, method.intro),
    h('h3', {}, say(lang, 'severities')),
    h(
      'dl',
      { class: 'method-severities' },
      ...handlungsbedarfe.severities.flatMap((s) => [h('dt', {}, s.label), h('dd', {}, s.meaning)]),
    ),
    h('h3', {}, say(lang, 'rules')),
    h(
      'p',
      { class: 'muted' },
      say(lang, 'version').replace('{v}', String(handlungsbedarfe.ruleSetVersion)),
    ),
    ...handlungsbedarfe.rules.map((rule) =>
      h(
        'article',
        { class: 'method-rule', 'data-rule': rule.id },
        h('h4', {}, rule.title),
        h('p', {}, h('strong', {}, `${say(lang, 'severity')}: `), rule.severityLabel),
        h('p', {}, h('strong', {}, `${say(lang, 'checks')}: `), rule.checks),
        h('p', {}, h('strong', {}, `${say(lang, 'why')}: `), rule.why),
        h('p', {}, h('strong', {}, `${say(lang, 'fix')}: `), rule.fix),
      ),
    ),
    h('h3', {}, say(lang, 'quality')),
    h('p', {}, quality.summary),
    ...quality.dimensions.map((dimension) =>
      styled(
        h(
          'table',
          { class: 'kern-table method-quality' },
          h(
            'caption',
            {},
            `${dimension.name} (${num(dimension.maxPoints, lang)}): ${dimension.about}`,
          ),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, say(lang, 'criterion')),
              h('th', { scope: 'col', class: 'num' }, say(lang, 'points')),
            ),
          ),
          h(
            'tbody',
            {},
            ...dimension.criteria.map((c) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, c.name),
                h('td', { class: 'num' }, num(c.points, lang)),
              ),
            ),
          ),
        ),
      ),
    ),
    h('h4', {}, say(lang, 'ratings')),
    h(
      'ul',
      {},
      ...quality.ratings.map((r) =>
        h('li', {}, `${r.label}: ${say(lang, 'from')} ${num(r.fromPercent, lang)} %`),
      ),
    ),
    h('h3', {}, say(lang, 'map')),
    h('p', {}, mapClasses.how),
    h('p', {}, mapClasses.why),
    h('p', {}, mapClasses.zero),
  ];
}

export const methodView: ViewDefinition = {
  id: 'methode',
  route: '/methode',
  needs: [],
  mount(host, context) {
    const heading = h('h2', { id: 'methode-titel' });
    const links = h('p');
    const body = h('div', { id: 'methode-text' });
    host.replaceChildren(
      h('section', { class: 'card', 'aria-labelledby': 'methode-titel' }, heading, links, body),
    );
    let shown: Language | undefined;
    let generation = 0;
    async function load(lang: Language): Promise<void> {
      const current = ++generation;
      try {
        const method = await context.fetchJson<Method>(`/method?lang=${lang}`);
        if (current === generation) body.replaceChildren(...methodElements(method, lang));
      } catch (error) {
        if (current === generation) body.replaceChildren(h('p', {}, say(lang, 'loadFailed')));
        context.reportError(error);
      }
    }
    return {
      render(state) {
        const { lang } = state.view;
        heading.textContent = say(lang, 'title');
        links.replaceChildren(
          h('a', { href: '/handlungsbedarfe', 'data-route': true }, say(lang, 'findings')),
        );
        if (shown !== lang) {
          shown = lang;
          void load(lang);
        }
      },
      unmount: () => {
        generation++;
      },
    };
  },
};
