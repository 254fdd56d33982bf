/** Parts of the entry list page: the round with its progress, and the links to add entries. */
import type { Language } from '../url-state';
import { button, h } from './dom';
import { completedBy, countStates, type Entry, type Round } from './entries';
import { ENTRY_KINDS } from './fields';
import { formatDate, tx, vocab } from './texts';

/** The current round: title, dates, progress, and "nothing more to add" (or when it was said). */
export function roundPanel(
  round: Round | undefined,
  entries: readonly Entry[],
  land: string,
  lang: Language,
  complete: (round: Round) => void,
): HTMLElement {
  if (!round) return h('p', { class: 'kern-body erfassung-round' }, tx(lang, 'roundNone'));
  const counts = countStates(entries);
  const done = completedBy(round, land);
  const late = Date.parse(round.deadline) < Date.now();
  const completeButton = button(tx(lang, 'complete'), 'secondary', {
    id: 'erfassung-abschliessen',
    'aria-describedby': 'erfassung-abschliessen-hinweis',
  });
  completeButton.addEventListener('click', () => complete(round));
  return h(
    'div',
    { class: 'erfassung-round' },
    h('h3', { class: 'kern-heading-small' }, tx(lang, 'roundTitle', { title: round.title })),
    h(
      'p',
      { class: 'kern-body' },
      tx(lang, 'roundFacts', {
        date: formatDate(round.referenceDate, lang),
        deadline: formatDate(round.deadline, lang, true),
      }),
    ),
    late ? h('p', { class: 'kern-body erfassung-late' }, tx(lang, 'roundLate')) : null,
    h(
      'p',
      { class: 'kern-body', id: 'erfassung-fortschritt' },
      tx(lang, 'progress', { ...counts }),
    ),
    done?.completedAt
      ? h(
          'p',
          { class: 'kern-body erfassung-completed', id: 'erfassung-erklaert' },
          tx(lang, 'completed', { date: formatDate(done.completedAt, lang, true) }),
        )
      : h(
          'div',
          { class: 'erfassung-complete' },
          completeButton,
          h(
            'p',
            { class: 'kern-hint', id: 'erfassung-abschliessen-hinweis' },
            tx(lang, 'completeHint'),
          ),
        ),
  );
}

export function createLinks(lang: Language): HTMLElement {
  return h(
    'nav',
    { class: 'erfassung-create', 'aria-label': tx(lang, 'create') },
    h('h3', { class: 'kern-heading-small' }, tx(lang, 'create')),
    h(
      'ul',
      {},
      ENTRY_KINDS.map((kind) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              class: 'kern-link',
              href: `/erfassung/neu/${kind}${location.search}`,
              'data-route': '',
            },
            tx(lang, 'createKind', { kind: vocab(lang, 'kind', kind) }),
          ),
        ),
      ),
    ),
  );
}
