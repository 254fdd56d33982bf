/**
 * The entry UI's sign-in: a Land editor's registry token, asked at the registry who it is
 * (`GET /api/v1/auth/principal`), kept for this browser tab only (sessionStorage) and sent as
 * `Authorization: Bearer` — never in a URL, never logged. Separate from the AG's reviewer view.
 */
import type { Principal } from './entries';

export interface EditorSession {
  token: string;
  principal: Principal;
}

export type SignIn =
  | { ok: true; session: EditorSession }
  | { ok: false; reason: 'invalid' | 'notEditor' | 'unavailable' };

export const SESSION_KEY = 'dpi.erfassung';
/** The registry's API through the dashboard server (server/app.ts, REGISTRY_PREFIX). */
export const REGISTRY_API = '/registry-api/v1';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function storedSession(storage: Storage): EditorSession | null {
  try {
    const value = JSON.parse(
      storage.getItem(SESSION_KEY) ?? 'null',
    ) as Partial<EditorSession> | null;
    const principal = value?.principal;
    return value &&
      typeof value.token === 'string' &&
      principal &&
      typeof principal.name === 'string' &&
      typeof principal.role === 'string'
      ? {
          token: value.token,
          principal: {
            name: principal.name,
            role: principal.role,
            landCode: typeof principal.landCode === 'string' ? principal.landCode : null,
          },
        }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: EditorSession | null): void {
  if (session) storage.setItem(SESSION_KEY, JSON.stringify(session));
  else storage.removeItem(SESSION_KEY);
}

/** Checks a token at the registry; only a Land editor (or an admin acting for a Land) gets in. */
export async function signIn(token: string, fetchImpl: typeof fetch = fetch): Promise<SignIn> {
  const trimmed = token.trim();
  if (!/^[A-Za-z0-9._~+/=-]{16,512}$/.test(trimmed)) return { ok: false, reason: 'invalid' };
  let response: Response;
  try {
    response = await fetchImpl(`${REGISTRY_API}/auth/principal`, {
      headers: { accept: 'application/json', authorization: `Bearer ${trimmed}` },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  if (response.status === 401) return { ok: false, reason: 'invalid' };
  if (!response.ok) return { ok: false, reason: 'unavailable' };
  const principal = (await response.json()) as Partial<Principal>;
  if (
    principal.role !== 'land-editor' ||
    typeof principal.landCode !== 'string' ||
    typeof principal.name !== 'string'
  )
    return { ok: false, reason: 'notEditor' };
  return {
    ok: true,
    session: {
      token: trimmed,
      principal: { name: principal.name, role: principal.role, landCode: principal.landCode },
    },
  };
}
