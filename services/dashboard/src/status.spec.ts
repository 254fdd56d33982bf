import { ApiError } from './api';
import { CONNECTED, loadFailed } from './status';
import { SummaryFormatError } from './summary';

describe('loadFailed', () => {
  it.each([
    ['a network error', new TypeError('Failed to fetch')],
    ['a time-out', new DOMException('The operation was aborted.', 'AbortError')],
    ['a bad gateway from the dashboard server', new ApiError('HTTP 502', 502)],
    ['an unavailable reporting service', new ApiError('HTTP 503', 503)],
    ['too many requests', new ApiError('HTTP 429', 429)],
  ])('says the reporting service is unreachable after %s', (_case, error) => {
    expect(loadFailed(error)).toEqual({
      kind: 'error',
      text: 'Reporting-Dienst nicht erreichbar. Neuer Versuch alle 5 Sekunden …',
    });
  });

  it('names the status when reporting refuses the request', () => {
    expect(loadFailed(new ApiError('HTTP 404', 404)).text).toBe(
      'Der Reporting-Dienst hat die Anfrage abgelehnt (HTTP 404). Neuer Versuch alle 5 Sekunden …',
    );
  });

  it('tells unexpected data apart from an outage', () => {
    expect(loadFailed(new SummaryFormatError('total must be a non-negative integer')).text).toMatch(
      /^Der Reporting-Dienst hat unerwartete Daten geliefert\./,
    );
  });

  it('says how often the page refreshes once connected', () => {
    expect(CONNECTED).toEqual({
      kind: 'ok',
      text: 'Verbunden. Die Zahlen werden alle 5 Sekunden aktualisiert.',
    });
  });
});
