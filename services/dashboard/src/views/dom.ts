/** Small DOM helpers the views share. */
import { t, type MessageKey } from '../i18n';
import type { Language } from '../url-state';

/** Translates `data-i18n` (text) and `data-i18n-aria` (aria-label) under `root`. */
export function translate(root: ParentNode, lang: Language): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]'))
    element.textContent = t(lang, element.dataset['i18n'] as MessageKey);
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-aria]'))
    element.setAttribute('aria-label', t(lang, element.dataset['i18nAria'] as MessageKey));
}

/** The element with this id under `root`; a missing one is a bug in the view's template. */
export function part<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const element = root.querySelector<T>(`#${id}`);
  if (!element) throw new Error(`#${id} fehlt in der Ansicht`);
  return element;
}

/** Mounts a template: `host` gets the HTML, translated. */
export function mountTemplate(host: HTMLElement, html: string, lang: Language): void {
  host.innerHTML = html;
  translate(host, lang);
}
