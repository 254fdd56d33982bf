import { isoDateOrInstant } from '../iso-dates';
import { recordTime } from './ogc-records.service';

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
