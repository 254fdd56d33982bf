import { CronTime } from 'cron';

/**
 * Why a cron expression is unusable, or null when it is fine: 5 fields (minute hour day month
 * weekday) or 6 (with seconds first), or an alias like `@daily`, in the given time zone; it must
 * fire at least once in the coming years.
 */
export function cronProblem(expression: string, timeZone: string): string | null {
  if (expression.trim() === '') return 'must not be empty';
  const fields = expression.trim().split(/\s+/);
  if (!expression.trim().startsWith('@') && (fields.length < 5 || fields.length > 6)) {
    return `must have 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), got ${fields.length}`;
  }
  try {
    new CronTime(expression, timeZone).sendAt();
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/No execution date was found/i.test(message)) return 'never fires (no matching date)';
    if (/^Unknown alias/.test(message)) {
      return 'contains an unknown name: use numbers, JAN–DEC, SUN–SAT or @yearly, @monthly, @weekly, @daily, @hourly';
    }
    return message.split('\n')[0].trim();
  }
}

/** Firings looked at for the shortest gap: the short gaps of a pattern come together, so a few do. */
const FIRINGS_CHECKED = 12;

/**
 * The shortest time between two firings of a valid expression, in seconds, over its next
 * {@link FIRINGS_CHECKED} firings (`* * * * *` → 60, `0 3 * * *` → 86,400).
 */
export function shortestInterval(expression: string, timeZone: string): number {
  const firings = new CronTime(expression, timeZone).sendAt(FIRINGS_CHECKED);
  let shortest = Infinity;
  for (let i = 1; i < firings.length; i++) {
    shortest = Math.min(shortest, (firings[i].toMillis() - firings[i - 1].toMillis()) / 1000);
  }
  return shortest;
}

/** The next time a valid expression fires. */
export function nextRun(expression: string, timeZone: string): Date {
  return new CronTime(expression, timeZone).sendAt().toJSDate();
}

/**
 * The first time `expression` fires after `from` in the time zone, or null for no or an unusable
 * expression: what HarvestJobChanged carries as next_run_at, so consumers never read cron.
 */
export function nextRunAfter(
  expression: string | null,
  from: Date | null,
  timeZone: string,
): Date | null {
  if (!expression || !from) return null;
  try {
    return new CronTime(expression, timeZone).getNextDateFrom(from, timeZone).toJSDate();
  } catch {
    return null;
  }
}
