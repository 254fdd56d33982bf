/**
 * The 412 dialog: someone else saved the record while the editor was changing it. Shows their
 * changes (field, before, now) and the editor's, asks per field both changed which value applies,
 * and re-applies the editor's changes on top of the current version — or discards them.
 */
import type { Language } from '../url-state';
import type { Conflict, FieldChange } from './diff';
import { button, h } from './dom';
import { FORMS, type EntryKind, type FieldSpec, type FieldValue } from './fields';
import { tx, vocab } from './texts';
import type { ErfassungSession } from './view';

export function openConflictDialog(
  app: ErfassungSession,
  info: { kind: EntryKind; conflict: Conflict; by: string },
  actions: { reapply(keepTheirs: ReadonlySet<string>): void; discard(): void },
): void {
  const lang = app.lang();
  const { kind, conflict } = info;
  const fields = new Map(FORMS[kind].map((f) => [f.name, f]));
  const labelOf = (name: string) => fields.get(name)?.label[lang === 'de' ? 0 : 1] ?? name;
  const show = (name: string, value: FieldValue) => display(fields.get(name), value, lang);
  const mineByField = new Map(conflict.mine.map((c) => [c.field, c]));

  const table = (caption: string, rows: FieldChange[], id: string, withMine: boolean) =>
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-titel` },
      h(
        'table',
        { class: 'kern-table kern-table--small', id },
        h('caption', { id: `${id}-titel`, class: 'kern-title' }, caption),
        h(
          'thead',
          { class: 'kern-table__header' },
          h(
            'tr',
            { class: 'kern-table__row' },
            h('th', { scope: 'col', class: 'kern-table__header' }, tx(lang, 'conflictField')),
            h('th', { scope: 'col', class: 'kern-table__header' }, tx(lang, 'conflictBefore')),
            h(
              'th',
              { scope: 'col', class: 'kern-table__header' },
              tx(lang, withMine ? 'conflictAfter' : 'conflictYours'),
            ),
            withMine
              ? h('th', { scope: 'col', class: 'kern-table__header' }, tx(lang, 'conflictYours'))
              : null,
          ),
        ),
        h(
          'tbody',
          { class: 'kern-table__body' },
          rows.map((c) =>
            h(
              'tr',
              { class: 'kern-table__row', 'data-field': c.field },
              h('th', { scope: 'row', class: 'kern-table__cell' }, labelOf(c.field)),
              h('td', { class: 'kern-table__cell' }, show(c.field, c.before)),
              h('td', { class: 'kern-table__cell' }, show(c.field, c.after)),
              withMine
                ? h(
                    'td',
                    { class: 'kern-table__cell' },
                    mineByField.has(c.field)
                      ? show(c.field, mineByField.get(c.field)?.after ?? null)
                      : '–',
                  )
                : null,
            ),
          ),
        ),
      ),
    );

  const choices = conflict.overlapping.map((field) => {
    const name = `konflikt-${field}`;
    const radio = (value: 'mine' | 'theirs', text: string) =>
      h(
        'div',
        { class: 'kern-form-check' },
        h('input', {
          type: 'radio',
          class: 'kern-form-check__radio',
          name,
          id: `${name}-${value}`,
          value,
          checked: value === 'mine',
        }),
        h('label', { class: 'kern-label', for: `${name}-${value}` }, text),
      );
    return h(
      'fieldset',
      { class: 'kern-fieldset', 'data-field': field },
      h('legend', { class: 'kern-label' }, tx(lang, 'conflictBoth', { field: labelOf(field) })),
      h(
        'div',
        { class: 'kern-fieldset__body' },
        radio(
          'mine',
          `${tx(lang, 'conflictKeepMine')}: ${show(field, mineByField.get(field)?.after ?? null)}`,
        ),
        radio(
          'theirs',
          `${tx(lang, 'conflictKeepTheirs')}: ${show(field, conflict.theirs.find((c) => c.field === field)?.after ?? null)}`,
        ),
      ),
    );
  });

  const reapply = button(tx(lang, 'conflictReapply'), 'primary', { id: 'konflikt-anwenden' });
  const discard = button(tx(lang, 'conflictDiscard'), 'secondary', { id: 'konflikt-verwerfen' });
  const dialog = h(
    'dialog',
    {
      class: 'kern-dialog erfassung-dialog erfassung-conflict',
      id: 'konflikt',
      'aria-labelledby': 'konflikt-titel',
    },
    h(
      'header',
      { class: 'kern-dialog__header' },
      h(
        'h2',
        { class: 'kern-title kern-title--large', id: 'konflikt-titel' },
        tx(lang, 'conflictTitle'),
      ),
    ),
    h(
      'section',
      { class: 'kern-dialog__body' },
      h(
        'p',
        { class: 'kern-body' },
        tx(lang, 'conflictText', { by: info.by || (lang === 'de' ? 'Jemand' : 'Someone') }),
      ),
      table(tx(lang, 'conflictTheirs'), conflict.theirs, 'konflikt-andere', true),
      table(tx(lang, 'conflictMine'), conflict.mine, 'konflikt-meine', false),
      choices,
    ),
    h('footer', { class: 'kern-dialog__footer' }, discard, reapply),
  );
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  reapply.addEventListener('click', () => {
    const keepTheirs = new Set(
      conflict.overlapping.filter(
        (field) => dialog.querySelector<HTMLInputElement>(`#konflikt-${field}-theirs`)?.checked,
      ),
    );
    close();
    actions.reapply(keepTheirs);
  });
  discard.addEventListener('click', () => {
    close();
    actions.discard();
  });
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  document.body.append(dialog);
  dialog.showModal();
  reapply.focus();
}

/** A field's value as the editor reads it: labels for codes, yes/no, coordinates, "(empty)". */
function display(field: FieldSpec | undefined, value: FieldValue, lang: Language): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return tx(lang, 'empty');
  if (typeof value === 'boolean') return tx(lang, value ? 'yes' : 'no');
  const code = (v: string) => {
    const c = field?.prefix && v.startsWith(field.prefix) ? v.slice(field.prefix.length) : v;
    const fixed = field?.choices?.find(([x]) => x === c);
    if (fixed) return fixed[1][lang === 'de' ? 0 : 1];
    return field?.vocabulary ? vocab(lang, field.vocabulary, c) : c;
  };
  if (Array.isArray(value))
    return (value as unknown[])
      .map((v) => (typeof v === 'string' ? code(v) : String(v)))
      .join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return code(String(value));
}
