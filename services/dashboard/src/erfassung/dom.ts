/** Small DOM builders of the entry UI (text is always set as text, never as HTML). */
type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** A KERN button with its label span. */
export function button(
  text: string,
  variant: 'primary' | 'secondary' | 'tertiary',
  attrs: Attrs = {},
): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: `kern-btn kern-btn--${variant}`, ...attrs },
    h('span', { class: 'kern-label' }, text),
  );
}

/** A KERN alert (info, success, warning, danger) with a title and body text. */
export function alert(
  kind: 'info' | 'success' | 'warning' | 'danger',
  title: string,
  body?: Child | Child[],
  attrs: Attrs = {},
): HTMLDivElement {
  return h(
    'div',
    { class: `kern-alert kern-alert--${kind}`, ...attrs },
    h(
      'div',
      { class: 'kern-alert__header' },
      h('span', { class: `kern-icon kern-icon--${iconOf(kind)}`, 'aria-hidden': 'true' }),
      h('span', { class: 'kern-title' }, title),
    ),
    body ? h('div', { class: 'kern-alert__body' }, ...(Array.isArray(body) ? body : [body])) : null,
  );
}

function iconOf(kind: string): string {
  return kind === 'danger'
    ? 'danger'
    : kind === 'success'
      ? 'success'
      : kind === 'warning'
        ? 'warning'
        : 'info';
}

let sequence = 0;
/** A fresh id for label/aria wiring. */
export function uid(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** A KERN select with its label; returns both. */
export function select(id: string, labelText: string, value: string, options: [string, string][]) {
  const input = h(
    'select',
    { class: 'kern-form-input__select', id },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  const wrapper = h(
    'div',
    { class: 'kern-form-input' },
    h('label', { class: 'kern-label', for: id }, labelText),
    h('div', { class: 'kern-form-input__select-wrapper' }, input),
  );
  return { input, wrapper };
}
