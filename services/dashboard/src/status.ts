/** What the status line says; pure, so the wording is tested without a browser. */
import { ApiError } from './api';
import { t } from './i18n';
import { FormatError } from './model';
import type { Language } from './url-state';

export const REFRESH_SECONDS = 5;

export type StatusKind = 'loading' | 'ok' | 'error';

export interface StatusMessage {
  kind: StatusKind;
  text: string;
}

export const loading = (lang: Language): StatusMessage => ({
  kind: 'loading',
  text: t(lang, 'loading'),
});

/** Connected: live over server-sent events, or polling while the event stream is down. */
export const connected = (lang: Language, live: boolean): StatusMessage => ({
  kind: 'ok',
  text: t(lang, live ? 'liveSse' : 'livePolling'),
});

/** Status after a failed refresh. The page keeps retrying, and says so. */
export function loadFailed(error: unknown, lang: Language): StatusMessage {
  const retry = t(lang, 'unreachable').replace(/^[^.]*\.\s*/, '');
  if (error instanceof FormatError)
    return { kind: 'error', text: `${t(lang, 'badData')} ${retry}` };
  if (
    error instanceof ApiError &&
    error.status !== undefined &&
    error.status < 500 &&
    ![408, 429].includes(error.status)
  ) {
    return { kind: 'error', text: `${t(lang, 'rejected', { status: error.status })} ${retry}` };
  }
  // Network errors, time-outs and 5xx (the proxy answers 502/504 while reporting is down).
  return { kind: 'error', text: t(lang, 'unreachable') };
}
