/**
 * The survey round (Erhebungsrunde, issue 22) on the overview: each Land's progress as the
 * Länder table's columns, the round panel above it (which round, how far, open items as CSV and
 * PDF for the selected Land or all), and a Land's round history on its profile. Texts in German
 * and English here; the data is GET /rounds/progress (resources.ts: `rounds`) and
 * GET /rounds/history?land=.
 */
import { API } from '../api';
import { formatCount, formatPercent } from '../format';
import type { LandOverview, LandProgress, LandRoundHistory, RoundsOverview } from '../model';
import type { Language } from '../url-state';
import { h } from '../view';
import type { LandColumn } from '../view-laender';

const TEXT = {
  round: ['Erhebungsrunde', 'Survey round'],
  stateOpen: ['offen', 'open'],
  stateClosed: ['abgeschlossen', 'closed'],
  referenceDate: ['Stichtag', 'reference date'],
  deadline: ['Frist', 'deadline'],
  closedAt: ['abgeschlossen am', 'closed on'],
  laenderDone: [
    '{done} von {all} Ländern fertig, {answered} von {records} Einträgen beantwortet.',
    '{done} of {all} Länder done, {answered} of {records} entries answered.',
  ],
  choose: ['Runde', 'Round'],
  showProgress: ['Fortschritt in Karte und Tabelle zeigen', 'Show progress on map and table'],
  showInventory: ['Bestand in Karte und Tabelle zeigen', 'Show inventory on map and table'],
  openItemsOf: ['Offene Einträge von {land}:', 'Open entries of {land}:'],
  openItemsAll: ['Offene Einträge aller Länder:', 'Open entries of all Länder:'],
  csv: ['CSV', 'CSV'],
  pdf: ['PDF', 'PDF'],
  csvLabel: ['Offene Einträge von {land} als CSV', 'Open entries of {land} as CSV'],
  pdfLabel: ['Offene Einträge von {land} als PDF', 'Open entries of {land} as PDF'],
  allLaender: ['allen Ländern', 'all Länder'],
  colInScope: ['in der Runde', 'in the round'],
  colOpen: ['offen', 'open'],
  colConfirmed: ['bestätigt', 'confirmed'],
  colUpdated: ['aktualisiert', 'updated'],
  colWithdrawn: ['zurückgezogen', 'withdrawn'],
  colNew: ['neu', 'new'],
  colDeclared: ['nichts mehr hinzuzufügen', 'nothing more to add'],
  colState: ['Stand', 'State'],
  yes: ['ja', 'yes'],
  no: ['nein', 'no'],
  late: ['nach der Frist', 'after the deadline'],
  notInRound: ['nicht in der Runde', 'not in the round'],
  done: ['fertig', 'done'],
  declaredOpen: ['erklärt, {n} offen', 'declared, {n} open'],
  working: ['in Arbeit ({share})', 'in progress ({share})'],
  notStarted: ['nicht begonnen', 'not started'],
  caption: [
    'Fortschritt je Land in der Erhebungsrunde {title}',
    'Progress per Land in the survey round {title}',
  ],
  historyNone: [
    'Das Land war noch in keiner Erhebungsrunde.',
    'The Land was in no survey round yet.',
  ],
  historyCaption: ['Erhebungsrunden des Landes', 'The Land’s survey rounds'],
  colRound: ['Runde', 'Round'],
} as const;

type Key = keyof typeof TEXT;

export const sayRound = (lang: Language, key: Key, values: Record<string, string> = {}): string =>
  Object.entries(values).reduce(
    (text, [name, value]) => text.replace(`{${name}}`, value),
    TEXT[key][lang === 'en' ? 1 : 0] as string,
  );

const day = (iso: string | null | undefined, lang: Language) =>
  iso
    ? new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'de-DE', {
        timeZone: 'Europe/Berlin',
      })
    : '–';
/** A title in the language's quotation marks. */
export const quoted = (title: string, lang: Language) =>
  lang === 'en' ? `“${title}”` : `„${title}“`;

/** A Stichtag (a date without time) as the page's language writes it. */
const dateOnly = (date: string, lang: Language) => day(`${date}T12:00:00Z`, lang);

/** Answered: confirmed, updated or withdrawn (what a Land did about a record of the round). */
const answered = (p: LandProgress) => p.confirmed + p.updated + p.withdrawn;

/** A Land's state in the round, in words (pure). */
export function roundState(progress: LandProgress | undefined, lang: Language): string {
  if (!progress) return sayRound(lang, 'notInRound');
  if (progress.complete && progress.open === 0) return sayRound(lang, 'done');
  if (progress.complete)
    return sayRound(lang, 'declaredOpen', { n: formatCount(progress.open, lang) });
  if (answered(progress) === 0 && progress.new === 0) return sayRound(lang, 'notStarted');
  const share = progress.inScope === 0 ? 1 : answered(progress) / progress.inScope;
  return sayRound(lang, 'working', { share: formatPercent(share, lang) });
}

/** The Länder table's columns for the round (views/laender.ts): counts, declaration, state. */
export function roundColumns(overview: RoundsOverview, lang: Language): LandColumn[] {
  const of = (land: LandOverview) => overview.shown?.laender.find((l) => l.landCode === land.code);
  const n = (pick: (p: LandProgress) => number) => (land: LandOverview) => {
    const progress = of(land);
    return progress ? formatCount(pick(progress), lang) : '–';
  };
  // Soft hyphens: the long headings break, so the table fits beside the map at 1440 px. The
  // records in the round are not a column of their own (open + answered; the panel sums them).
  const soft = (key: Key) =>
    sayRound(lang, key).replace(
      /(bestä|aktua|zurück|hinzu|with)(tigt|lisiert|gezogen|zufügen|drawn)/,
      '$1\u00ad$2',
    );
  return [
    [soft('colOpen'), n((p) => p.open)],
    [soft('colConfirmed'), n((p) => p.confirmed)],
    [soft('colUpdated'), n((p) => p.updated)],
    [soft('colWithdrawn'), n((p) => p.withdrawn)],
    [soft('colNew'), n((p) => p.new)],
    [
      soft('colDeclared'),
      (land) => {
        const p = of(land);
        if (!p) return '–';
        if (!p.complete) return sayRound(lang, 'no');
        return `${sayRound(lang, 'yes')}, ${day(p.completedAt, lang)}${p.completedLate ? ` (${sayRound(lang, 'late')})` : ''}`;
      },
    ],
    [
      sayRound(lang, 'colState'),
      (land) => {
        const p = of(land);
        return h(
          'span',
          { class: 'round-state', 'data-round-state': stateCode(p) },
          roundState(p, lang),
        );
      },
    ],
  ];
}

/** The state as a code (for styling and tests): out, done, declared, working, none. */
function stateCode(p: LandProgress | undefined): string {
  if (!p) return 'out';
  if (p.complete && p.open === 0) return 'done';
  if (p.complete) return 'declared';
  return answered(p) === 0 && p.new === 0 ? 'none' : 'working';
}

export interface RoundPanelOptions {
  overview: RoundsOverview | undefined;
  lang: Language;
  /** The selected Land (its open items are linked), or none (all Länder's). */
  land: string | undefined;
  landName: string | undefined;
  /** The map and the table show the round's progress. */
  showing: boolean;
  onShow: (show: boolean) => void;
  onChoose: (roundId: string) => void;
}

/** The round panel: which round, how far the Länder are, the switch, and the open items. */
export function renderRoundPanel(panel: HTMLElement, options: RoundPanelOptions): void {
  const { overview, lang } = options;
  const key = JSON.stringify([overview, options.land, options.landName, options.showing, lang]);
  if (panel.dataset['key'] === key) return;
  panel.dataset['key'] = key;
  const shown = overview?.shown;
  // No round yet: nothing, so the table keeps its place beside the map.
  if (!overview || !shown) {
    panel.replaceChildren();
    return;
  }
  const { round, laender } = shown;
  const done = laender.filter((l) => l.complete && l.open === 0).length;
  const records = laender.reduce((sum, l) => sum + l.inScope, 0);
  const answeredAll = laender.reduce((sum, l) => sum + answered(l), 0);
  const dates = [
    `${sayRound(lang, 'referenceDate')} ${dateOnly(round.referenceDate, lang)}`,
    round.deadline ? `${sayRound(lang, 'deadline')} ${day(round.deadline, lang)}` : '',
    round.state === 'closed' ? `${sayRound(lang, 'closedAt')} ${day(round.closedAt, lang)}` : '',
  ].filter(Boolean);
  const heading = h(
    'p',
    { class: 'round-title' },
    h('strong', {}, `${sayRound(lang, 'round')} ${quoted(round.title, lang)}`),
    ` (${sayRound(lang, round.state === 'open' ? 'stateOpen' : 'stateClosed')}; ${dates.join(', ')})`,
  );
  const figures = h(
    'p',
    { id: 'runde-stand' },
    sayRound(lang, 'laenderDone', {
      done: formatCount(done, lang),
      all: formatCount(laender.length, lang),
      answered: formatCount(answeredAll, lang),
      records: formatCount(records, lang),
    }),
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'kern-btn kern-btn--secondary round-toggle',
      'aria-pressed': String(options.showing),
    },
    sayRound(lang, options.showing ? 'showInventory' : 'showProgress'),
  );
  toggle.addEventListener('click', () => options.onShow(!options.showing));
  const controls: HTMLElement[] = [toggle];
  if (overview.rounds.length > 1) {
    const select = h(
      'select',
      { class: 'kern-form-input__select', id: 'runde-wahl' },
      ...overview.rounds.map((r) =>
        h(
          'option',
          { value: r.id },
          `${r.title} (${sayRound(lang, r.state === 'open' ? 'stateOpen' : 'stateClosed')})`,
        ),
      ),
    );
    select.value = round.id;
    select.addEventListener('change', () => options.onChoose(select.value));
    controls.unshift(
      h(
        'div',
        { class: 'kern-form-input inline' },
        h('label', { class: 'kern-label', for: 'runde-wahl' }, sayRound(lang, 'choose')),
        h('div', { class: 'kern-form-input__select-wrapper' }, select),
      ),
    );
  }
  // The open items of the selected Land (when it is in the round), else of all Länder.
  const inRound = options.land && laender.some((l) => l.landCode === options.land);
  const land = inRound ? options.land : undefined;
  const query = land ? `?land=${land}` : '';
  const who = land ? (options.landName ?? land) : sayRound(lang, 'allLaender');
  const base = `${API}/rounds/${round.id}/open-items`;
  const links = h(
    'p',
    { class: 'round-links' },
    land ? sayRound(lang, 'openItemsOf', { land: who }) : sayRound(lang, 'openItemsAll'),
    ' ',
    h(
      'a',
      { href: `${base}.csv${query}`, 'aria-label': sayRound(lang, 'csvLabel', { land: who }) },
      sayRound(lang, 'csv'),
    ),
    ' · ',
    h(
      'a',
      { href: `${base}.pdf${query}`, 'aria-label': sayRound(lang, 'pdfLabel', { land: who }) },
      sayRound(lang, 'pdf'),
    ),
  );
  panel.replaceChildren(
    heading,
    figures,
    h('div', { class: 'round-controls' }, ...controls),
    links,
  );
}

/** A Land's round history (its profile page): one row per round, newest first. */
export function roundHistoryElements(history: LandRoundHistory, lang: Language): HTMLElement[] {
  if (history.rounds.length === 0) return [h('p', {}, sayRound(lang, 'historyNone'))];
  const header = [
    sayRound(lang, 'colRound'),
    sayRound(lang, 'colInScope'),
    sayRound(lang, 'colConfirmed'),
    sayRound(lang, 'colUpdated'),
    sayRound(lang, 'colWithdrawn'),
    sayRound(lang, 'colNew'),
    sayRound(lang, 'colOpen'),
    sayRound(lang, 'colState'),
  ];
  return [
    h(
      'table',
      { class: 'kern-table profile-table', id: 'land-profil-runden' },
      h('caption', {}, sayRound(lang, 'historyCaption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...header.map((name, i) =>
            h('th', { scope: 'col', class: i > 0 && i < 7 ? 'num' : undefined }, name),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...history.rounds.map(({ round, progress: p }) =>
          h(
            'tr',
            { 'data-round': round.id },
            h(
              'th',
              { scope: 'row' },
              `${round.title} (${sayRound(lang, round.state === 'open' ? 'stateOpen' : 'stateClosed')}, ${sayRound(lang, 'referenceDate')} ${dateOnly(round.referenceDate, lang)})`,
            ),
            ...[p.inScope, p.confirmed, p.updated, p.withdrawn, p.new, p.open].map((n) =>
              h('td', { class: 'num' }, formatCount(n, lang)),
            ),
            h('td', {}, roundState(p, lang)),
          ),
        ),
      ),
    ),
  ];
}
