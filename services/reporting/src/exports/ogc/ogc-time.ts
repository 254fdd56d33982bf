import { isoDateOrInstant } from '../iso-dates';

/** [from, to] of a `datetime` value; an undefined end is open (`..`). */
export interface Interval {
  from?: Date;
  to?: Date;
}

const DAY_MS = 86_400_000;

/** Midnight UTC of a day; years below 100 stay what they are (Date.UTC reads 25 as 1925). */
function utc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
}

/**
 * The first and last millisecond of one `datetime` end: an RFC 3339 instant, or a year, month or
 * day (ISO 8601 reduced precision: `2025`, `2025-03`, `2025-03-31`) standing for all of it — what
 * catalogue users type and OWSLib passes on as is. Undefined for `..` or empty, null when invalid.
 */
function bounds(part: string): { first: Date; last: Date } | undefined | null {
  if (part === '' || part === '..') return undefined;
  const reduced = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(part);
  if (reduced) {
    const [, y, m, d] = reduced;
    const year = Number(y);
    const month = m === undefined ? undefined : Number(m) - 1;
    const day = d === undefined ? undefined : Number(d);
    if (month !== undefined && (month < 0 || month > 11)) return null;
    if (year < 1) return null;
    const first = utc(year, month ?? 0, day ?? 1);
    // Day 31 of a 30-day month is not a day (Date would roll it over).
    if (day !== undefined && (first.getUTCMonth() !== month || day < 1)) return null;
    const next =
      day !== undefined
        ? new Date(first.getTime() + DAY_MS)
        : month !== undefined
          ? utc(year, month + 1, 1)
          : utc(year + 1, 0, 1);
    return { first, last: new Date(next.getTime() - 1) };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(part)) return null;
  const at = new Date(part);
  return Number.isNaN(at.getTime()) ? null : { first: at, last: at };
}

/**
 * The interval of a `datetime` parameter (OGC API – Records / Features: an instant, or
 * `start/end` with `..` or nothing for an open end); null when it is not one. A year, month or day
 * alone covers all of it, as an end of an interval too (`2025-03/2025-04` is 1 March to 30 April).
 */
export function parseDatetime(text: string): Interval | null {
  const parts = text.split('/');
  if (parts.length > 2) return null;
  if (parts.length === 1) {
    const at = bounds(parts[0]);
    return at ? { from: at.first, to: at.last } : null;
  }
  const start = bounds(parts[0]);
  const end = bounds(parts[1]);
  if (start === null || end === null || (start === undefined && end === undefined)) return null;
  if (start && end && start.first > end.last) return null;
  return { from: start?.first, to: end?.last };
}

/**
 * The `time` of a record (Records Part 1, time.yaml) from a temporal extent: one day or instant,
 * or an interval of dates and UTC instants with `..` for an open end; null when neither end is a
 * date (a year alone, free text, nothing).
 */
export function recordTime(
  start: unknown,
  end: unknown,
): { date: string } | { timestamp: string } | { interval: [string, string] } | null {
  const from = isoDateOrInstant(typeof start === 'string' ? start : null);
  const to = isoDateOrInstant(typeof end === 'string' ? end : null);
  if (!from && !to) return null;
  if (from && to && from.kind === to.kind && from.value === to.value)
    return from.kind === 'date' ? { date: from.value } : { timestamp: from.value };
  return { interval: [from?.value ?? '..', to?.value ?? '..'] };
}

/**
 * SQL: the instant a date text of the registry stands for, read as `isoDateOrInstant` reads it
 * (a calendar date, or a date-time, UTC without a zone; a day past the month's end rolls over as
 * JavaScript's Date does), or NULL when it is neither. Never fails on bad text (PostgreSQL 15 has
 * no safe cast): the parts are taken apart by a pattern and put together by arithmetic. With
 * `endOfDay`, a date alone stands for its last millisecond (the end of a temporal extent).
 */
export function isoInstantSql(text: string, endOfDay: boolean): string {
  const pattern =
    '^(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?' +
    '(?:Z|([+-])(\\d{2}):?(\\d{2}))?)?$';
  const int = (i: number) => `m[${i}]::int`;
  return `(SELECT CASE
      WHEN m IS NULL OR ${int(1)} = 0 OR ${int(2)} NOT BETWEEN 1 AND 12
        OR ${int(3)} NOT BETWEEN 1 AND 31 OR coalesce(${int(4)}, 0) > 24
        OR coalesce(${int(5)}, 0) > 59 OR coalesce(m[6]::numeric, 0) >= 60
        OR coalesce(${int(8)}, 0) > 23 OR coalesce(${int(9)}, 0) > 59 THEN NULL
      ELSE ((make_date(${int(1)}, ${int(2)}, 1) + (${int(3)} - 1))::timestamp
          + make_interval(hours => coalesce(${int(4)}, 0), mins => coalesce(${int(5)}, 0),
              secs => coalesce(m[6]::float8, 0))
          ${endOfDay ? "+ CASE WHEN m[4] IS NULL THEN interval '1 day' - interval '1 millisecond' ELSE interval '0' END" : ''}
        ) AT TIME ZONE 'UTC'
        - CASE WHEN m[7] IS NULL THEN interval '0'
            ELSE (m[7] || '1')::int * make_interval(hours => ${int(8)}, mins => ${int(9)}) END
    END FROM regexp_match(${text}, '${pattern}') AS t(m))`;
}
