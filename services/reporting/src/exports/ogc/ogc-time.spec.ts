import { isoDateOrInstant } from '../iso-dates';
import { wantsHtml } from './ogc-records.controller';
import { parseDatetime, recordTime } from './ogc-time';

describe('isoDateOrInstant', () => {
  it('keeps a calendar date and turns a date-time into a UTC instant', () => {
    expect(isoDateOrInstant('2021-01-01')).toEqual({ kind: 'date', value: '2021-01-01' });
    expect(isoDateOrInstant('2021-06-30T12:00:00+02:00')).toEqual({
      kind: 'instant',
      value: '2021-06-30T10:00:00.000Z',
    });
    // Without a zone: UTC, the zone the services run in.
    expect(isoDateOrInstant('2021-06-30T12:00:00')?.value).toBe('2021-06-30T12:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    for (const text of [null, undefined, '', '2019', '2019-13-45', 'seit 2019', '30.06.2021'])
      expect(isoDateOrInstant(text)).toBeNull();
  });
});

describe('recordTime (OGC API – Records time)', () => {
  it('gives an interval with open ends as ..', () => {
    expect(recordTime('2021-01-01', '2023-12-31')).toEqual({
      interval: ['2021-01-01', '2023-12-31'],
    });
    expect(recordTime('2021-01-01', null)).toEqual({ interval: ['2021-01-01', '..'] });
    expect(recordTime(undefined, '2021-06-30T12:00:00Z')).toEqual({
      interval: ['..', '2021-06-30T12:00:00.000Z'],
    });
  });

  it('gives one day or one instant when both ends are the same', () => {
    expect(recordTime('2021-05-04', '2021-05-04')).toEqual({ date: '2021-05-04' });
    expect(recordTime('2021-05-04T08:00:00Z', '2021-05-04T08:00:00Z')).toEqual({
      timestamp: '2021-05-04T08:00:00.000Z',
    });
  });

  it('is null without a usable date (platforms, twins, a year alone)', () => {
    expect(recordTime(undefined, undefined)).toBeNull();
    expect(recordTime('2019', 'unbekannt')).toBeNull();
    expect(recordTime(42, {})).toBeNull();
  });
});

describe('parseDatetime (the datetime parameter)', () => {
  const iso = (interval: ReturnType<typeof parseDatetime>) =>
    interval && { from: interval.from?.toISOString(), to: interval.to?.toISOString() };

  it('reads a year, month or day as all of it, also as an end of an interval', () => {
    expect(iso(parseDatetime('2025-03/2025-04'))).toEqual({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-04-30T23:59:59.999Z',
    });
    expect(iso(parseDatetime('2024'))).toEqual({
      from: '2024-01-01T00:00:00.000Z',
      to: '2024-12-31T23:59:59.999Z',
    });
    expect(iso(parseDatetime('2024-02-29'))).toEqual({
      from: '2024-02-29T00:00:00.000Z',
      to: '2024-02-29T23:59:59.999Z',
    });
    expect(iso(parseDatetime('0025'))?.from).toBe('0025-01-01T00:00:00.000Z');
  });

  it('reads RFC 3339 instants and open ends', () => {
    expect(iso(parseDatetime('2025-02-28T12:00:00+01:00'))).toEqual({
      from: '2025-02-28T11:00:00.000Z',
      to: '2025-02-28T11:00:00.000Z',
    });
    expect(iso(parseDatetime('../2025-01-01T00:00:00Z'))).toEqual({
      from: undefined,
      to: '2025-01-01T00:00:00.000Z',
    });
    expect(iso(parseDatetime('2025-01-01/'))?.to).toBeUndefined();
  });

  it('refuses what is not an instant or interval', () => {
    for (const text of [
      'gestern',
      '2025-13',
      '2023-02-29',
      '2025-04-31',
      '0000',
      '2025-04/2025-03',
      '../..',
      '/',
      '2025-01-01T10:00:00', // an instant needs its zone
      '2025/2026/2027',
    ])
      expect({ text, interval: parseDatetime(text) }).toEqual({ text, interval: null });
  });
});

describe('wantsHtml (content negotiation)', () => {
  it('gives HTML for f=html and for browsers, JSON for */* and for clients preferring JSON', () => {
    expect(wantsHtml('html', undefined)).toBe(true);
    expect(wantsHtml('json', 'text/html')).toBe(false);
    expect(wantsHtml(undefined, 'text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
    expect(wantsHtml(undefined, '*/*')).toBe(false);
    expect(wantsHtml(undefined, undefined)).toBe(false);
    expect(wantsHtml(undefined, 'application/geo+json, text/html;q=0.5')).toBe(false);
    expect(wantsHtml(undefined, 'text/html;q=0')).toBe(false);
  });
});
