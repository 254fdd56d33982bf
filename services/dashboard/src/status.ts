/** What the status line says; pure, so the wording is tested without a browser. */
import { ApiError } from './api';
import { SummaryFormatError } from './summary';

export const REFRESH_SECONDS = 5;

export type StatusKind = 'loading' | 'ok' | 'error';

export interface StatusMessage {
  kind: StatusKind;
  text: string;
}

export const LOADING: StatusMessage = { kind: 'loading', text: 'Daten werden geladen …' };

export const CONNECTED: StatusMessage = {
  kind: 'ok',
  text: `Verbunden. Die Zahlen werden alle ${REFRESH_SECONDS} Sekunden aktualisiert.`,
};

/** Status after a failed refresh. The page keeps retrying, and says so. */
export function loadFailed(error: unknown): StatusMessage {
  const retry = `Neuer Versuch alle ${REFRESH_SECONDS} Sekunden …`;
  if (error instanceof SummaryFormatError) {
    return {
      kind: 'error',
      text: `Der Reporting-Dienst hat unerwartete Daten geliefert. ${retry}`,
    };
  }
  if (
    error instanceof ApiError &&
    error.status !== undefined &&
    error.status < 500 &&
    ![408, 429].includes(error.status)
  ) {
    return {
      kind: 'error',
      text: `Der Reporting-Dienst hat die Anfrage abgelehnt (HTTP ${error.status}). ${retry}`,
    };
  }
  // Network errors, time-outs and 5xx (the proxy answers 502/504 while reporting is down).
  return { kind: 'error', text: `Reporting-Dienst nicht erreichbar. ${retry}` };
}
