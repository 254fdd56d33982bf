/**
 * Prüfansicht (the AG's reviewer view): the header button, the token dialog and the note in the
 * status bar. Not a route: it switches what every view loads (NON_PUBLIC entries included).
 */
import { t, type MessageKey } from '../i18n';
import { checkToken, type TokenCheck } from '../reviewer';
import { setText } from '../view';
import { part } from './dom';
import type { AppState, ViewContext } from './types';

/** Why a token did not open the reviewer view, in the page's words. */
const REFUSALS: Record<Extract<TokenCheck, { ok: false }>['reason'], MessageKey> = {
  invalid: 'reviewerInvalid',
  notReviewer: 'reviewerNotReviewer',
  unavailable: 'reviewerUnavailable',
};

export interface ReviewerControl {
  render(state: AppState): void;
}

/**
 * Wires the dialog in index.html. `onSession` switches the session (null: back to the public
 * view); the shell stores it, sets the token and reloads.
 */
export function mountReviewer(
  root: ParentNode,
  context: ViewContext,
  onSession: (session: AppState['reviewer']) => void,
): ReviewerControl {
  const ui = {
    button: part<HTMLButtonElement>(root, 'pruefansicht'),
    note: part(root, 'pruef-hinweis'),
    dialog: part<HTMLDialogElement>(root, 'pruef-dialog'),
    form: part<HTMLFormElement>(root, 'pruef-form'),
    token: part<HTMLInputElement>(root, 'pruef-token'),
    error: part(root, 'pruef-fehler'),
    cancel: part<HTMLButtonElement>(root, 'pruef-abbrechen'),
  };
  ui.button.addEventListener('click', () => {
    if (context.store.get().reviewer) {
      onSession(null);
      return;
    }
    setText(ui.error, '');
    ui.token.value = '';
    ui.dialog.showModal();
  });
  ui.cancel.addEventListener('click', () => ui.dialog.close());
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const check = await checkToken(ui.token.value);
      if (!check.ok) {
        setText(ui.error, t(context.lang(), REFUSALS[check.reason]));
        ui.token.focus();
        return;
      }
      ui.token.value = '';
      ui.dialog.close();
      onSession(check.session);
      ui.button.focus();
    })();
  });
  return {
    render(state) {
      const { lang } = state.view;
      const { reviewer } = state;
      const text = ui.button.querySelector<HTMLElement>('.kern-label') ?? ui.button;
      setText(text, t(lang, reviewer ? 'reviewerLogout' : 'reviewerLogin'));
      ui.button.setAttribute(
        'aria-label',
        t(lang, reviewer ? 'reviewerLogoutLabel' : 'reviewerLoginLabel'),
      );
      ui.button.setAttribute('aria-pressed', String(reviewer !== null));
      ui.note.hidden = reviewer === null;
      setText(ui.note, reviewer ? t(lang, 'reviewerActive', { name: reviewer.name }) : '');
    },
  };
}
