/**
 * The entry UI (Erfassung, issue 22 part 4) as views of the dashboard shell: `/erfassung` (sign-in,
 * the Land's entries, the round), `/erfassung/neu/:kind` (a new record) and `/erfassung/:kind/:id`
 * (edit). The editor's session is shared by the three pages and kept in sessionStorage only.
 */
import type { Language } from '../url-state';
import type { ViewContext, ViewDefinition } from '../views/types';
import { RegistryClient } from './client';
import { isEntryKind } from './fields';
import { mountFormPage } from './form-page';
import { mountListPage } from './list-page';
import { saveSession, storedSession, type EditorSession } from './session';
import { tx } from './texts';
import './erfassung.css';

export interface Flash {
  kind: 'success' | 'info' | 'danger';
  text: string;
}

/** What the entry pages share: the session, its client, a message for the next page. */
export class ErfassungSession {
  session: EditorSession | null = storedSession(sessionStorage);
  client: RegistryClient | null = null;
  flash: Flash | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(readonly context: ViewContext) {
    this.client = this.session ? this.makeClient(this.session) : null;
  }

  lang(): Language {
    return this.context.lang();
  }

  signIn(session: EditorSession): void {
    saveSession(sessionStorage, session);
    this.session = session;
    this.client = this.makeClient(session);
    this.changed();
  }

  signOut(flash: Flash | null = null): void {
    saveSession(sessionStorage, null);
    this.session = null;
    this.client = null;
    this.flash = flash;
    this.changed();
  }

  /** Called when the sign-in changes (pages re-render). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  go(path: string, flash: Flash | null = null): void {
    this.flash = flash;
    this.context.go(path);
  }

  private makeClient(session: EditorSession): RegistryClient {
    // 401: the token was revoked while the page was open — back to the sign-in, and say so.
    return new RegistryClient(session.token, () =>
      this.signOut({ kind: 'danger', text: tx(this.lang(), 'ended') }),
    );
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

let shared: ErfassungSession | undefined;
const sessionOf = (context: ViewContext) => (shared ??= new ErfassungSession(context));

export const ERFASSUNG_VIEWS: readonly ViewDefinition[] = [
  {
    id: 'erfassung',
    route: '/erfassung',
    needs: [],
    mount: (host, context) => mountListPage(host, sessionOf(context)),
  },
  {
    id: 'erfassung-neu',
    // Before /erfassung/:kind/:id: the first matching route wins.
    route: '/erfassung/neu/:kind',
    needs: [],
    mount: (host, context, params) =>
      isEntryKind(params['kind'] ?? '')
        ? mountFormPage(host, sessionOf(context), { kind: params['kind'] as never })
        : mountListPage(host, sessionOf(context)),
  },
  {
    id: 'erfassung-eintrag',
    route: '/erfassung/:kind/:id',
    needs: [],
    mount: (host, context, params) =>
      isEntryKind(params['kind'] ?? '')
        ? mountFormPage(host, sessionOf(context), {
            kind: params['kind'] as never,
            id: params['id'],
          })
        : mountListPage(host, sessionOf(context)),
  },
];
