/** Withdraw one entry with a reason (the round's withdrawal route, If-Match from a fresh read). */
import { button, h } from './dom';
import type { Entry, Round } from './entries';
import { translateMessage } from './problems';
import { tx } from './texts';
import type { ErfassungSession } from './view';

export function openWithdrawDialog(
  app: ErfassungSession,
  target: { round: Round; entry: Entry; title: string; returnFocus: HTMLElement },
  done: (message: string) => void,
): void {
  const lang = app.lang();
  const { round, entry, title } = target;
  const reason = h('textarea', {
    class: 'kern-form-input__input',
    id: 'rueckzug-grund',
    rows: 3,
    required: true,
    maxlength: 1000,
    'aria-describedby': 'rueckzug-text',
  });
  const error = h('p', { class: 'kern-error', id: 'rueckzug-fehler', role: 'alert' });
  const field = h(
    'div',
    { class: 'kern-form-input' },
    h('label', { class: 'kern-label', for: 'rueckzug-grund' }, tx(lang, 'reason')),
    reason,
    error,
  );
  const ok = button(tx(lang, 'withdrawConfirm'), 'primary', { id: 'rueckzug-bestaetigen' });
  const cancel = button(tx(lang, 'cancel'), 'secondary', { id: 'rueckzug-abbrechen' });
  const dialog = h(
    'dialog',
    { class: 'kern-dialog erfassung-dialog', 'aria-labelledby': 'rueckzug-titel' },
    h(
      'header',
      { class: 'kern-dialog__header' },
      h(
        'h2',
        { class: 'kern-title kern-title--large', id: 'rueckzug-titel' },
        tx(lang, 'withdrawTitle'),
      ),
    ),
    h(
      'section',
      { class: 'kern-dialog__body' },
      h('p', { class: 'kern-body', id: 'rueckzug-text' }, tx(lang, 'withdrawText', { title })),
      field,
    ),
    h('footer', { class: 'kern-dialog__footer' }, cancel, ok),
  );
  const close = () => {
    dialog.close();
    dialog.remove();
    target.returnFocus.focus();
  };
  const fail = (message: string) => {
    field.classList.add('kern-form-input--error');
    reason.classList.add('kern-form-input__input--error');
    reason.setAttribute('aria-invalid', 'true');
    reason.setAttribute('aria-describedby', 'rueckzug-text rueckzug-fehler');
    error.textContent = message;
    reason.focus();
  };
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  ok.addEventListener('click', () => {
    const client = app.client;
    if (!client) return close();
    if (!reason.value.trim()) return fail(tx(lang, 'reason') + ': ' + translateRequired(lang));
    ok.disabled = true;
    void (async () => {
      // The version the list showed may be stale: the record as it is now gives the If-Match.
      const current = await client.get(entry.kind, entry.id);
      const answer = current.ok
        ? await client.withdraw(round.id, entry.id, reason.value.trim(), current.etag ?? '')
        : current;
      ok.disabled = false;
      if (!answer.ok) {
        const fieldError = answer.problem?.errors.find((e) => e.field === 'reason');
        return fail(
          fieldError
            ? translateMessage(fieldError.message, lang)
            : tx(lang, 'failed', { detail: answer.problem?.detail || String(answer.status) }),
        );
      }
      dialog.close();
      dialog.remove();
      done(tx(lang, 'withdrawn', { title }));
    })();
  });
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}

function translateRequired(lang: 'de' | 'en'): string {
  return lang === 'de' ? 'Bitte ausfüllen.' : 'Please fill in.';
}
