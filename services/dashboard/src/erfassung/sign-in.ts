/** The entry UI's sign-in form and the signed-in bar (who, which Land, sign out). */
import type { Language } from '../url-state';
import { button, h } from './dom';
import { signIn } from './session';
import { landName, tx } from './texts';
import type { ErfassungSession } from './view';

export function renderSignIn(app: ErfassungSession, lang: Language): HTMLElement {
  const input = h('input', {
    class: 'kern-form-input__input',
    type: 'password',
    id: 'erfassung-token',
    name: 'token',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'erfassung-token-hinweis',
  });
  const error = h('p', { class: 'kern-error', id: 'erfassung-token-fehler', role: 'alert' });
  const wrapper = h(
    'div',
    { class: 'kern-form-input' },
    h('label', { class: 'kern-label', for: 'erfassung-token' }, tx(lang, 'tokenLabel')),
    h('div', { class: 'kern-hint', id: 'erfassung-token-hinweis' }, tx(lang, 'tokenHint')),
    input,
    error,
  );
  const submit = h(
    'button',
    { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'erfassung-anmelden' },
    h('span', { class: 'kern-label' }, tx(lang, 'signIn')),
  );
  // POST-less: the form never submits to a URL (the token must not end up in one).
  const form = h(
    'form',
    { class: 'erfassung-signin', 'aria-labelledby': 'erfassung-anmelden-titel', novalidate: true },
    h(
      'h3',
      { class: 'kern-heading-small', id: 'erfassung-anmelden-titel' },
      tx(lang, 'signInTitle'),
    ),
    wrapper,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    void signIn(input.value).then((result) => {
      submit.disabled = false;
      if (result.ok) {
        input.value = '';
        app.signIn(result.session);
        return;
      }
      wrapper.classList.add('kern-form-input--error');
      input.classList.add('kern-form-input__input--error');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'erfassung-token-hinweis erfassung-token-fehler');
      error.textContent = tx(lang, result.reason);
      input.focus();
    });
  });
  return form;
}

export function renderSignedIn(app: ErfassungSession, lang: Language): HTMLElement {
  const principal = app.session?.principal;
  const out = button(tx(lang, 'signOut'), 'secondary', { id: 'erfassung-abmelden' });
  out.addEventListener('click', () => app.signOut());
  return h(
    'div',
    { class: 'erfassung-signedin' },
    h(
      'p',
      { class: 'kern-body', id: 'erfassung-angemeldet' },
      tx(lang, 'signedInAs', {
        name: principal?.name ?? '',
        land: landName(principal?.landCode ?? null),
      }),
    ),
    out,
  );
}
