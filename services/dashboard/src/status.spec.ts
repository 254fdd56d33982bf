import { ApiError } from './api';
import { FormatError } from './model';
import { connected, loadFailed } from './status';

describe('loadFailed', () => {
  it.each([
    ['a network error', new TypeError('Failed to fetch')],
    ['a time-out', new DOMException('The operation was aborted.', 'AbortError')],
    ['a bad gateway from the dashboard server', new ApiError('HTTP 502', 502)],
    ['an unavailable reporting service', new ApiError('HTTP 503', 503)],
    ['too many requests', new ApiError('HTTP 429', 429)],
  ])('says the reporting service is unreachable after %s', (_case, error) => {
    expect(loadFailed(error, 'de')).toEqual({
      kind: 'error',
      text: 'Reporting-Dienst nicht erreichbar. Neuer Versuch alle 5 Sekunden …',
    });
  });

  it('names the status when reporting refuses the request', () => {
    expect(loadFailed(new ApiError('HTTP 404', 404), 'de').text).toBe(
      'Der Reporting-Dienst hat die Anfrage abgelehnt (HTTP 404). Neuer Versuch alle 5 Sekunden …',
    );
  });

  it('tells unexpected data apart from an outage', () => {
    expect(loadFailed(new FormatError('laender must be an array'), 'de').text).toBe(
      'Der Reporting-Dienst hat unerwartete Daten geliefert. Neuer Versuch alle 5 Sekunden …',
    );
  });

  it('speaks English when asked to', () => {
    expect(loadFailed(new ApiError('HTTP 400', 400), 'en').text).toBe(
      'The reporting service refused the request (HTTP 400). Retrying every 5 seconds …',
    );
  });
});

describe('connected', () => {
  it('says whether changes arrive live or by polling', () => {
    expect(connected('de', true)).toEqual({
      kind: 'ok',
      text: 'Live: Änderungen erscheinen sofort.',
    });
    expect(connected('de', false).text).toMatch(/alle 5 Sekunden/);
  });
});
