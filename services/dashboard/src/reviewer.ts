/**
 * The AG's reviewer view: a registry token with the role `reviewer` (or `admin`) makes the reporting
 * service include unpublished (NON_PUBLIC) records. The token is kept for the browser tab only
 * (sessionStorage) and sent as `Authorization: Bearer` with every API request.
 */
import { API } from './api';

export interface ReviewerSession {
  token: string;
  /** The token's name at the registry. */
  name: string;
}

export type TokenCheck =
  | { ok: true; session: ReviewerSession }
  | { ok: false; reason: 'invalid' | 'notReviewer' | 'unavailable' };

const KEY = 'dpi.pruefansicht';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function storedSession(storage: Storage): ReviewerSession | null {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<ReviewerSession> | null;
    return value && typeof value.token === 'string' && typeof value.name === 'string'
      ? { token: value.token, name: value.name }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: ReviewerSession | null): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

/** Asks the reporting service who the token is (GET /viewer) before the view switches. */
export async function checkToken(token: string, fetchImpl = fetch): Promise<TokenCheck> {
  const trimmed = token.trim();
  if (!/^[A-Za-z0-9._~+/=-]{16,512}$/.test(trimmed)) return { ok: false, reason: 'invalid' };
  let response: Response;
  try {
    response = await fetchImpl(`${API}/viewer`, {
      headers: { accept: 'application/json', authorization: `Bearer ${trimmed}` },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  if (response.status === 401) return { ok: false, reason: 'invalid' };
  if (!response.ok) return { ok: false, reason: 'unavailable' };
  const viewer = (await response.json()) as { reviewer?: unknown; name?: unknown };
  if (viewer.reviewer !== true || typeof viewer.name !== 'string')
    return { ok: false, reason: 'notReviewer' };
  return { ok: true, session: { token: trimmed, name: viewer.name } };
}

/** The file name a download's Content-Disposition gives (RFC 6266 filename* first). */
export function filenameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(contentDisposition);
  return plain ? plain[1].trim() : fallback;
}
