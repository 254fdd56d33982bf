/**
 * `/erfassung`: sign in with the Land's token; then the Land's entries of every kind with their
 * state in the current survey round, confirm one or many (the registry's bulk route), withdraw
 * with a reason, "nothing more to add", links to edit and to add new entries.
 */
import type { AppState, MountedView } from '../views/types';
import { RegistryError } from './client';
import { button, h, select } from './dom';
import {
  actionsFor,
  applyConfirmations,
  confirmationBatches,
  currentRound,
  joinEntries,
  visibleEntries,
  type Entry,
  type Round,
} from './entries';
import { ENTRY_KINDS } from './fields';
import { createLinks, roundPanel } from './round-panel';
import { renderSignIn, renderSignedIn } from './sign-in';
import { landName, tx, vocab } from './texts';
import type { ErfassungSession } from './view';
import { openWithdrawDialog } from './withdraw-dialog';

interface Loaded {
  round: Round | undefined;
  entries: Entry[];
}

export function mountListPage(host: HTMLElement, app: ErfassungSession): MountedView {
  let loaded: Loaded | undefined;
  let loadError: string | undefined;
  const selected = new Set<string>();
  const checkboxes = new Map<string, HTMLInputElement>();
  let updateBulk = () => undefined as void;
  const filter = { kind: '', state: '' };
  const status = h('div', { class: 'erfassung-status', role: 'status', 'aria-live': 'polite' });
  let lang = app.lang();
  let generation = 0;

  const say = (kind: 'success' | 'info' | 'danger', text: string) => {
    status.replaceChildren(h('p', { class: `erfassung-message erfassung-message--${kind}` }, text));
  };

  async function load(): Promise<void> {
    const { client, session } = app;
    if (!client || !session?.principal.landCode) return;
    const land = session.principal.landCode;
    const mine = ++generation;
    try {
      const rounds = await client.rounds();
      const round = currentRound(rounds, land);
      const [records, roundRecords] = await Promise.all([
        Promise.all(ENTRY_KINDS.map((kind) => client.records(kind, land))).then((r) => r.flat()),
        round ? client.roundRecords(round.id, land) : Promise.resolve([]),
      ]);
      const entries = joinEntries(records, roundRecords, land, round);
      // Withdrawn records are gone from the lists: their history still names them (a few at most).
      const nameless = entries.filter((e) => e.state === 'withdrawn' && !e.title).slice(0, 50);
      const titles = await Promise.all(nameless.map((e) => client.lastTitle(e.kind, e.id)));
      nameless.forEach((entry, i) => (entry.title = titles[i]));
      if (mine !== generation) return;
      loaded = { round, entries };
      loadError = undefined;
      for (const id of [...selected])
        if (!loaded.entries.some((e) => e.id === id)) selected.delete(id);
    } catch (error) {
      loadError =
        error instanceof RegistryError && error.answer.problem
          ? tx(lang, 'failed', {
              detail: error.answer.problem.detail || String(error.answer.status),
            })
          : tx(lang, 'unavailable');
    }
    draw();
  }

  function draw(): void {
    lang = app.lang();
    const page = h(
      'section',
      { class: 'card erfassung', 'aria-labelledby': 'erfassung-titel' },
      h('h2', { id: 'erfassung-titel', class: 'kern-heading-medium' }, tx(lang, 'title')),
      h('p', { class: 'kern-body' }, tx(lang, 'intro')),
    );
    if (app.flash) {
      say(app.flash.kind, app.flash.text);
      app.flash = null;
    }
    if (!app.session) {
      page.append(status, renderSignIn(app, lang));
      host.replaceChildren(page);
      return;
    }
    page.append(renderSignedIn(app, lang), status);
    if (loadError) page.append(h('p', { class: 'kern-error', role: 'alert' }, loadError));
    if (!loaded) page.append(h('p', { class: 'kern-body' }, tx(lang, 'loading')));
    else
      page.append(
        roundPanel(
          loaded.round,
          loaded.entries,
          app.session.principal.landCode ?? '',
          lang,
          (r) => void complete(r),
        ),
        createLinks(lang),
        entriesPanel(loaded),
      );
    const focused = document.activeElement?.id;
    host.replaceChildren(page);
    // A re-render keeps the focus where the editor was (the same control, rebuilt).
    if (focused) document.getElementById(focused)?.focus();
  }

  function entriesPanel({ round, entries }: Loaded): HTMLElement {
    const principal = app.session?.principal ?? { name: '', role: '', landCode: null };
    const shown = visibleEntries(entries, filter);
    const confirmable = shown.filter((e) => actionsFor(e, principal, round).confirm);
    const batchSize = confirmationBatches(entries, selected, principal, round).flat().length;

    const kindSelect = select('erfassung-art', tx(lang, 'filterKind'), filter.kind, [
      ['', tx(lang, 'all')],
      ...ENTRY_KINDS.map((k) => [k, vocab(lang, 'kind', k)] as [string, string]),
    ]);
    kindSelect.input.addEventListener('change', () => {
      filter.kind = kindSelect.input.value;
      draw();
    });
    const stateSelect = select('erfassung-stand', tx(lang, 'filterState'), filter.state, [
      ['', tx(lang, 'all')],
      ...(['open', 'confirmed', 'updated', 'withdrawn', 'new'] as const).map(
        (s) => [s, tx(lang, `state_${s}`)] as [string, string],
      ),
    ]);
    stateSelect.input.addEventListener('change', () => {
      filter.state = stateSelect.input.value;
      draw();
    });

    const selectAll = button(tx(lang, 'selectAll'), 'tertiary', { id: 'erfassung-alle' });
    selectAll.disabled = confirmable.length === 0;
    // Selecting changes the checkboxes and the button, not the table: a redraw of 500 rows took
    // over a second on the loaded machine (bench/confirm-500.mjs).
    selectAll.addEventListener('click', () => {
      for (const entry of confirmable) {
        selected.add(entry.id);
        const box = checkboxes.get(entry.id);
        if (box) box.checked = true;
      }
      updateBulk();
    });
    const confirmSelected = button(tx(lang, 'confirmSelected', { n: batchSize }), 'primary', {
      id: 'erfassung-bestaetigen',
    });
    confirmSelected.disabled = batchSize === 0;
    confirmSelected.addEventListener('click', () => void confirm(round, selected));
    updateBulk = () => {
      const n = confirmationBatches(entries, selected, principal, round).flat().length;
      confirmSelected
        .querySelector('.kern-label')
        ?.replaceChildren(tx(lang, 'confirmSelected', { n }));
      confirmSelected.disabled = n === 0;
    };
    checkboxes.clear();

    const rows = shown.map((entry) => row(entry, round));
    return h(
      'div',
      { class: 'erfassung-entries' },
      h('h3', { class: 'kern-heading-small', id: 'erfassung-liste' }, tx(lang, 'entriesTitle')),
      h('div', { class: 'erfassung-toolbar' }, kindSelect.wrapper, stateSelect.wrapper),
      round ? h('div', { class: 'erfassung-bulk' }, selectAll, confirmSelected) : null,
      rows.length === 0
        ? h('p', { class: 'kern-body' }, tx(lang, 'noEntries'))
        : h(
            'div',
            {
              class: 'table-scroll',
              tabindex: 0,
              role: 'region',
              'aria-labelledby': 'erfassung-liste',
            },
            h(
              'table',
              { class: 'kern-table kern-table--small erfassung-table', id: 'erfassung-tabelle' },
              h(
                'caption',
                { class: 'visually-hidden' },
                tx(lang, 'entriesCaption', { land: landName(principal.landCode) }),
              ),
              h(
                'thead',
                { class: 'kern-table__header' },
                h(
                  'tr',
                  { class: 'kern-table__row' },
                  ['select', 'colTitle', 'colKind', 'colState', 'colActions'].map((key) =>
                    h(
                      'th',
                      { scope: 'col', class: 'kern-table__header' },
                      tx(lang, key as 'select'),
                    ),
                  ),
                ),
              ),
              h('tbody', { class: 'kern-table__body' }, rows),
            ),
          ),
    );
  }

  function row(entry: Entry, round: Round | undefined): HTMLTableRowElement {
    const principal = app.session?.principal ?? { name: '', role: '', landCode: null };
    const actions = actionsFor(entry, principal, round);
    const title = entry.title || tx(lang, 'withdrawnEntry', { id: entry.id.slice(0, 8) });
    const check = h('input', {
      type: 'checkbox',
      class: 'kern-form-check__checkbox',
      id: `wahl-${entry.id}`,
      'aria-label': tx(lang, 'selectEntry', { title }),
      checked: selected.has(entry.id),
    });
    checkboxes.set(entry.id, check);
    check.addEventListener('change', () => {
      if (check.checked) selected.add(entry.id);
      else selected.delete(entry.id);
      updateBulk();
    });
    const buttons: HTMLElement[] = [];
    if (actions.confirm) {
      const b = button(tx(lang, 'confirmOne'), 'secondary', {
        id: `bestaetigen-${entry.id}`,
        class: 'kern-btn kern-btn--secondary kern-btn--x-small',
        'aria-label': tx(lang, 'confirmOneLabel', { title }),
      });
      b.addEventListener('click', () => void confirm(round, new Set([entry.id])));
      buttons.push(b);
    }
    if (actions.withdraw) {
      const b = button(tx(lang, 'withdraw'), 'tertiary', {
        id: `zurueckziehen-${entry.id}`,
        class: 'kern-btn kern-btn--tertiary kern-btn--x-small',
        'aria-label': tx(lang, 'withdrawLabel', { title }),
      });
      b.addEventListener('click', () => {
        if (!round || !app.client) return;
        openWithdrawDialog(app, { round, entry, title, returnFocus: b }, (text) => {
          say('success', text);
          void load();
        });
      });
      buttons.push(b);
    }
    const titleCell = actions.edit
      ? h(
          'a',
          {
            class: 'kern-link',
            href: `/erfassung/${entry.kind}/${entry.id}${location.search}`,
            'data-route': '',
          },
          title,
        )
      : h('span', {}, title);
    return h(
      'tr',
      { class: 'kern-table__row', 'data-id': entry.id, 'data-state': entry.state },
      h('td', { class: 'kern-table__cell' }, actions.confirm ? check : null),
      h(
        'th',
        { scope: 'row', class: 'kern-table__cell' },
        titleCell,
        entry.nonPublic
          ? h(
              'span',
              { class: 'kern-badge kern-badge--small erfassung-badge' },
              tx(lang, 'nonPublic'),
            )
          : null,
        entry.reason
          ? h('p', { class: 'kern-hint' }, tx(lang, 'reasonWas', { reason: entry.reason }))
          : null,
      ),
      h('td', { class: 'kern-table__cell' }, vocab(lang, 'kind', entry.kind)),
      h(
        'td',
        { class: 'kern-table__cell' },
        h(
          'span',
          { class: `erfassung-state erfassung-state--${entry.state}` },
          tx(lang, `state_${entry.state}`),
        ),
        entry.late ? h('span', { class: 'erfassung-late-badge' }, ` (${tx(lang, 'late')})`) : null,
      ),
      h('td', { class: 'kern-table__cell erfassung-actions' }, buttons),
    );
  }

  async function confirm(round: Round | undefined, ids: ReadonlySet<string>): Promise<void> {
    const { client, session } = app;
    if (!round || !client || !session || !loaded) return;
    const batches = confirmationBatches(loaded.entries, ids, session.principal, round);
    let confirmed = 0;
    for (const batch of batches) {
      const answer = await client.confirm(round.id, batch);
      if (!answer.ok) {
        say(
          'danger',
          tx(lang, 'failed', { detail: answer.problem?.detail || String(answer.status) }),
        );
        return void load();
      }
      confirmed += answer.body.confirmed;
      for (const id of batch) selected.delete(id);
      // The answer carries each record's new state: the list follows it without a reload.
      if (loaded)
        loaded = { ...loaded, entries: applyConfirmations(loaded.entries, answer.body.items) };
    }
    say('success', tx(lang, 'confirmed', { n: confirmed }));
    draw();
  }

  async function complete(round: Round): Promise<void> {
    const { client, session } = app;
    if (!client || !session?.principal.landCode) return;
    const answer = await client.complete(round.id, session.principal.landCode);
    if (!answer.ok)
      say(
        'danger',
        tx(lang, 'failed', { detail: answer.problem?.detail || String(answer.status) }),
      );
    else say('success', tx(lang, 'completedNow'));
    await load();
  }

  const unsubscribe = app.onChange(() => {
    loaded = undefined;
    selected.clear();
    draw();
    void load();
  });
  draw();
  void load();

  return {
    render(state: AppState, previous: AppState | undefined) {
      if (previous && previous.view.lang !== state.view.lang) {
        // A message in the other language would stay as it was: it goes.
        status.replaceChildren();
        draw();
      }
    },
    unmount: unsubscribe,
  };
}
