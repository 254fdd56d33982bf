/**
 * One input per form field, as KERN marks them up: label, hint, the input, and an error line
 * wired with aria-invalid and aria-describedby when the registry refused the value.
 */
import type { Language } from '../url-state';
import { h } from './dom';
import { choicesOf, splitList, type FieldSpec, type FieldValue } from './fields';
import { createMapPicker } from './map-picker';
import { tx, vocab } from './texts';

export interface FieldInput {
  field: FieldSpec;
  element: HTMLElement;
  /** The element the error summary links to and focuses. */
  focusId: string;
  read(): FieldValue;
  setErrors(messages: readonly string[]): void;
  destroy?(): void;
}

export function renderField(
  field: FieldSpec,
  value: FieldValue,
  lang: Language,
  landCode?: string,
): FieldInput {
  const id = `feld-${field.name}`;
  const hintId = `${id}-hinweis`;
  const errorId = `${id}-fehler`;
  const label = (tag: 'label' | 'legend') =>
    h(
      tag,
      { class: 'kern-label', ...(tag === 'label' ? { for: id } : {}) },
      field.label[lang === 'de' ? 0 : 1],
      field.required
        ? null
        : h('span', { class: 'kern-label__optional' }, ` ${tx(lang, 'optional')}`),
    );
  const hint = field.hint
    ? h('div', { class: 'kern-hint', id: hintId }, field.hint[lang === 'de' ? 0 : 1])
    : null;
  const error = h('p', { class: 'kern-error', id: errorId, hidden: true });
  const describe = (target: Element, invalid: boolean) => {
    const ids = [hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ');
    if (ids) target.setAttribute('aria-describedby', ids);
    else target.removeAttribute('aria-describedby');
    if (invalid) target.setAttribute('aria-invalid', 'true');
    else target.removeAttribute('aria-invalid');
  };
  const showErrors = (
    wrapper: HTMLElement,
    targets: Element[],
    errorClass: string,
    messages: readonly string[],
  ) => {
    const invalid = messages.length > 0;
    wrapper.classList.toggle(
      wrapper.tagName === 'FIELDSET' ? 'kern-fieldset--error' : 'kern-form-input--error',
      invalid,
    );
    error.hidden = !invalid;
    error.replaceChildren(
      h('span', { class: 'kern-icon kern-icon--danger kern-icon--default', 'aria-hidden': 'true' }),
      h('span', { class: 'kern-body' }, messages.join(' ')),
    );
    for (const target of targets) {
      target.classList.toggle(errorClass, invalid);
      describe(target, invalid);
    }
  };

  switch (field.type) {
    case 'multi': {
      const codes = choicesOf(field);
      const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
      const boxes = codes.map((code) =>
        h('input', {
          type: 'checkbox',
          class: 'kern-form-check__checkbox',
          id: `${id}-${code}`,
          value: code,
          checked: chosen.has(code),
        }),
      );
      const fieldset = h(
        'fieldset',
        { class: 'kern-fieldset erfassung-field', id },
        label('legend'),
        hint,
        h(
          'div',
          { class: 'kern-fieldset__body erfassung-checks' },
          boxes.map((box, i) =>
            h(
              'div',
              { class: 'kern-form-check' },
              box,
              h(
                'label',
                { class: 'kern-label', for: box.id },
                vocab(lang, field.vocabulary ?? 'kind', codes[i]),
              ),
            ),
          ),
        ),
        error,
      );
      describe(fieldset, false);
      return {
        field,
        element: fieldset,
        focusId: boxes[0]?.id ?? id,
        read: () => boxes.filter((b) => b.checked).map((b) => b.value),
        setErrors: (m) => showErrors(fieldset, [fieldset], 'kern-fieldset--error', m),
      };
    }
    case 'boolean': {
      const box = h('input', {
        type: 'checkbox',
        class: 'kern-form-check__checkbox',
        id,
        checked: value === true,
      });
      const wrapper = h(
        'div',
        { class: 'kern-form-check erfassung-field' },
        box,
        h('label', { class: 'kern-label', for: id }, field.label[lang === 'de' ? 0 : 1]),
        error,
      );
      return {
        field,
        element: wrapper,
        focusId: id,
        read: () => box.checked,
        setErrors: (m) => showErrors(wrapper, [box], 'kern-form-check__checkbox--error', m),
      };
    }
    case 'geometry':
    case 'bbox': {
      const picker = createMapPicker({
        id,
        mode: field.type,
        value: (value as object | null) ?? null,
        lang,
        describedBy: hint ? hintId : undefined,
        landCode,
      });
      const fieldset = h(
        'fieldset',
        { class: 'kern-fieldset erfassung-field erfassung-map-field', id: `${id}-gruppe` },
        label('legend'),
        hint,
        picker.element,
        error,
      );
      return {
        field,
        element: fieldset,
        focusId: picker.focusId,
        read: () => picker.value(),
        setErrors: (m) =>
          showErrors(fieldset, [picker.control], 'kern-form-input__input--error', m),
        destroy: () => picker.destroy(),
      };
    }
    case 'select': {
      const codes = choicesOf(field);
      const current = value === null || value === undefined ? '' : String(value);
      const code =
        field.prefix && current.startsWith(field.prefix)
          ? current.slice(field.prefix.length)
          : current;
      const optionLabel = (c: string) => {
        const fixed = field.choices?.find(([v]) => v === c);
        if (fixed) return fixed[1][lang === 'de' ? 0 : 1];
        return field.vocabulary ? vocab(lang, field.vocabulary, c) : c;
      };
      const input = h(
        'select',
        { class: 'kern-form-input__select', id, required: field.required },
        h('option', { value: '' }, field.required ? '–' : tx(lang, 'mapNone')),
        codes.map((c) => h('option', { value: c, selected: c === code }, optionLabel(c))),
      );
      const wrapper = h(
        'div',
        { class: 'kern-form-input erfassung-field' },
        label('label'),
        hint,
        h('div', { class: 'kern-form-input__select-wrapper' }, input),
        error,
      );
      describe(input, false);
      return {
        field,
        element: wrapper,
        focusId: id,
        read: () => {
          if (input.value === '') return field.empty ?? null;
          if (field.name === 'maturityLevel') return Number(input.value);
          return field.prefix ? `${field.prefix}${input.value}` : input.value;
        },
        setErrors: (m) => showErrors(wrapper, [input], 'kern-form-input__select--error', m),
      };
    }
    default: {
      const text =
        field.type === 'list'
          ? (Array.isArray(value) ? (value as string[]) : []).join(', ')
          : value === null || value === undefined
            ? ''
            : String(value);
      const input =
        field.type === 'textarea'
          ? h('textarea', { class: 'kern-form-input__input', id, rows: 4 })
          : h('input', {
              class: 'kern-form-input__input',
              id,
              type: field.type === 'url' ? 'url' : field.type === 'email' ? 'email' : 'text',
              required: field.required,
              autocomplete: 'off',
            });
      input.value = text;
      const wrapper = h(
        'div',
        { class: 'kern-form-input erfassung-field' },
        label('label'),
        hint,
        input,
        error,
      );
      describe(input, false);
      return {
        field,
        element: wrapper,
        focusId: id,
        read: () => {
          if (field.type === 'list') return splitList(input.value);
          const trimmed = input.value.trim();
          return trimmed === '' ? (field.empty ?? null) : input.value;
        },
        setErrors: (m) => showErrors(wrapper, [input], 'kern-form-input__input--error', m),
      };
    }
  }
}
