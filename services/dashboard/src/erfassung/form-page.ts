/**
 * `/erfassung/neu/:kind` and `/erfassung/:kind/:id`: a record in a form. New records are POSTed
 * with the editor's Land; changes are sent as a merge patch of the changed fields with If-Match.
 * The registry's 400 shows per field (and in a summary at the top, as KERN does); its 412 opens
 * the conflict dialog (what the other person changed, re-apply mine).
 */
import type { AppState, MountedView } from '../views/types';
import type { Answer, RecordDoc } from './client';
import { openConflictDialog } from './conflict-dialog';
import { changes, conflictOf, mergePatch, rebased, reapplyPatch } from './diff';
import { alert, h } from './dom';
import { mayWrite } from './entries';
import { createBody, FORMS, titleOf, type EntryKind, type Values } from './fields';
import { renderField, type FieldInput } from './form-inputs';
import { mapErrors } from './problems';
import { renderSignIn } from './sign-in';
import { landName, tx, vocab } from './texts';
import type { ErfassungSession } from './view';

export function mountFormPage(
  host: HTMLElement,
  app: ErfassungSession,
  target: { kind: EntryKind; id?: string },
): MountedView {
  const { kind, id } = target;
  /** The version the editor opened (edit) and its ETag; a new record starts empty. */
  let base: Record<string, unknown> = {};
  let etag = '';
  let inputs: FieldInput[] = [];
  let problem: HTMLElement | null = null;
  let loaded = !id;
  let blocked: string | null = null;
  let lang = app.lang();

  const listPath = () => `/erfassung`;

  async function load(): Promise<void> {
    const client = app.client;
    if (!id || !client || !app.session) return;
    const answer = await client.get(kind, id);
    if (answer.status === 404 || answer.status === 400) blocked = tx(lang, 'notFound');
    else if (!answer.ok) blocked = tx(lang, 'unavailable');
    else if (!mayWrite(app.session.principal, (answer.body['landCode'] as string) ?? null))
      blocked = tx(lang, 'notYours', {
        land: landName((answer.body['landCode'] as string) ?? null),
      });
    else {
      base = answer.body;
      etag = answer.etag ?? '';
    }
    loaded = true;
    draw(formValuesNow());
  }

  /** What the form holds now (kept across a redraw, e.g. the language toggle). */
  function formValuesNow(): Record<string, unknown> | undefined {
    if (inputs.length === 0) return undefined;
    const values: Values = {};
    for (const input of inputs) values[input.field.name] = input.read();
    return values;
  }

  function draw(values?: Record<string, unknown>): void {
    lang = app.lang();
    for (const input of inputs) input.destroy?.();
    inputs = [];
    const kindLabel = vocab(lang, 'kind', kind);
    const heading = id
      ? tx(lang, 'editTitle', { title: titleOf(base) || kindLabel })
      : tx(lang, 'newTitle', { kind: kindLabel });
    const back = h(
      'a',
      { class: 'kern-link', href: `${listPath()}${location.search}`, 'data-route': '' },
      tx(lang, 'back'),
    );
    const page = h(
      'section',
      { class: 'card erfassung erfassung-form-page', 'aria-labelledby': 'formular-titel' },
      h('p', {}, back),
      h('h2', { id: 'formular-titel', class: 'kern-heading-medium' }, heading),
    );
    if (!app.session) {
      page.append(renderSignIn(app, lang));
      return void host.replaceChildren(page);
    }
    if (blocked) {
      page.append(alert('warning', blocked));
      return void host.replaceChildren(page);
    }
    if (!loaded) {
      page.append(h('p', { class: 'kern-body' }, tx(lang, 'loading')));
      return void host.replaceChildren(page);
    }
    problem = h('div', { id: 'formular-fehler', tabindex: -1 });
    const current = values ?? base;
    inputs = FORMS[kind].map((field) =>
      renderField(
        field,
        (current[field.name] ?? null) as never,
        lang,
        app.session?.principal.landCode ?? undefined,
      ),
    );
    const save = h(
      'button',
      { type: 'submit', class: 'kern-btn kern-btn--primary', id: 'formular-speichern' },
      h('span', { class: 'kern-label' }, tx(lang, 'save')),
    );
    const form = h(
      'form',
      {
        class: 'erfassung-form',
        id: 'formular',
        novalidate: true,
        'aria-labelledby': 'formular-titel',
      },
      inputs.map((input) => input.element),
      h('div', { class: 'erfassung-form-actions' }, save),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save.disabled = true;
      void submit().finally(() => (save.disabled = false));
    });
    // A corrected field no longer says it is wrong (the summary stays until the next save).
    for (const input of inputs) {
      const clear = () => input.setErrors([]);
      input.element.addEventListener('input', clear);
      input.element.addEventListener('change', clear);
    }
    page.append(problem, form);
    host.replaceChildren(page);
  }

  function readValues(): Values {
    const values: Values = {};
    for (const input of inputs) values[input.field.name] = input.read();
    return values;
  }

  async function submit(): Promise<void> {
    const client = app.client;
    const land = app.session?.principal.landCode;
    if (!client || !land) return;
    const values = readValues();
    if (!id) {
      const answer = await client.create(kind, createBody(kind, values, land));
      if (answer.ok)
        return app.go(listPath(), {
          kind: 'success',
          text: tx(lang, 'created', { title: titleOf(answer.body) }),
        });
      return showProblem(answer);
    }
    const mine = changes(kind, base, values);
    if (mine.length === 0) return app.go(listPath(), { kind: 'info', text: tx(lang, 'saved') });
    await sendPatch(mergePatch(mine), etag, values);
  }

  async function sendPatch(
    patch: Values,
    ifMatch: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    const client = app.client;
    if (!client || !id) return;
    const answer = await client.patch(kind, id, patch, ifMatch);
    if (answer.ok) return app.go(listPath(), { kind: 'success', text: tx(lang, 'saved') });
    if (answer.status !== 412) return showProblem(answer);
    // Someone else saved in between: show what they changed next to mine, let the editor decide.
    const now = await client.get(kind, id);
    if (!now.ok) return showProblem(now);
    const conflict = conflictOf(kind, base, values, now.body);
    openConflictDialog(
      app,
      { kind, conflict, by: String(now.body['updatedBy'] ?? now.body['createdBy'] ?? '') },
      {
        reapply: (keepTheirs) => {
          const next = reapplyPatch(conflict, keepTheirs);
          base = now.body;
          etag = now.etag ?? '';
          draw(rebased(kind, now.body, next));
          if (Object.keys(next).length === 0) {
            showMessage('info', tx(lang, 'conflictNothing'));
            return;
          }
          void sendPatch(next, etag, rebased(kind, now.body, next));
        },
        discard: () => {
          base = now.body;
          etag = now.etag ?? '';
          draw();
        },
      },
    );
  }

  function showMessage(kind: 'info' | 'danger', text: string): void {
    problem?.replaceChildren(alert(kind, text));
    problem?.focus();
  }

  function showProblem(answer: Answer<RecordDoc | unknown>): void {
    for (const input of inputs) input.setErrors([]);
    const errors = answer.problem?.errors ?? [];
    if (answer.status !== 400 || errors.length === 0) {
      const text =
        answer.status === 403
          ? tx(lang, 'forbidden')
          : answer.status === 404
            ? tx(lang, 'notFound')
            : tx(lang, 'failed', { detail: answer.problem?.detail || String(answer.status) });
      return showMessage('danger', text);
    }
    const mapped = mapErrors(
      errors,
      FORMS[kind].map((f) => f.name),
      lang,
    );
    const items: HTMLElement[] = [];
    for (const input of inputs) {
      const messages = mapped.byField.get(input.field.name) ?? [];
      input.setErrors(messages);
      if (messages.length === 0) continue;
      const link = h(
        'a',
        { class: 'kern-link', href: `#${input.focusId}` },
        `${input.field.label[lang === 'de' ? 0 : 1]}: ${messages.join(' ')}`,
      );
      link.addEventListener('click', (event) => {
        event.preventDefault();
        document.getElementById(input.focusId)?.focus();
      });
      items.push(h('li', {}, link));
    }
    for (const other of mapped.other) items.push(h('li', {}, `${other.field}: ${other.message}`));
    problem?.replaceChildren(
      alert(
        'danger',
        tx(lang, 'summaryTitle', { n: items.length }),
        h('ul', { class: 'erfassung-summary' }, items),
        {
          role: 'alert',
        },
      ),
    );
    problem?.focus();
  }

  const unsubscribe = app.onChange(() => {
    loaded = !id;
    blocked = null;
    draw();
    void load();
  });
  draw();
  void load();

  return {
    render(state: AppState, previous: AppState | undefined) {
      if (previous && previous.view.lang !== state.view.lang) draw(formValuesNow());
    },
    unmount: () => {
      unsubscribe();
      for (const input of inputs) input.destroy?.();
    },
  };
}
