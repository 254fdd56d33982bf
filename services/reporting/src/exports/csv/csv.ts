import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';

export type CsvValue = string | number | boolean | Date | null | undefined | readonly string[];

export interface CsvColumn<T> {
  /** German header. */
  header: string;
  value: (row: T) => CsvValue;
}

export const CSV_DELIMITERS = { comma: ',', semicolon: ';' } as const;
export type CsvDelimiter = keyof typeof CSV_DELIMITERS;

/**
 * A point in time as a spreadsheet reads it, in German local time (Europe/Berlin): with
 * semicolons (German Excel) "07.12.2026 06:30", else "2026-12-07 06:30" (ISO order, which Excel
 * recognises in every locale).
 */
export function csvTime(date: Date, delimiter: CsvDelimiter): string {
  const part = Object.fromEntries(
    new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return delimiter === 'semicolon'
    ? `${part.day}.${part.month}.${part.year} ${part.hour}:${part.minute}`
    : `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/**
 * A cell as text. Booleans become "ja"/"nein", lists are joined with "; ", times are German local
 * time (csvTime). With semicolons (German Excel) numbers get a decimal comma: German Excel reads
 * `16.7` as 16 July. Text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe,
 * so a spreadsheet does not run it as a formula (CSV injection; OWASP).
 */
export function csvCell(value: CsvValue, delimiter: CsvDelimiter = 'comma'): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return delimiter === 'semicolon' ? String(value).replace('.', ',') : value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : csvTime(value, delimiter);
  const text = typeof value === 'string' ? value : value.join('; ');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when they hold the delimiter, a quote or a line
 * break; quotes doubled) in UTF-8 with a byte-order mark, so Excel reads the umlauts right.
 * `semicolon` is the dialect of German Excel: semicolons, decimal commas, local times.
 * Rows are pulled from `rows` only as fast as the client reads (stream back-pressure): the
 * caller pages through the database, never holding the whole list.
 */
export function csvStream<T>(
  columns: readonly CsvColumn<T>[],
  rows: AsyncIterable<T> | Iterable<T>,
  delimiter: CsvDelimiter = 'comma',
): Readable {
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => c.header),
    delimiter: CSV_DELIMITERS[delimiter],
    record_delimiter: 'windows',
    cast: { number: (n) => String(n) },
  });
  const source = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => csvCell(c.value(row), delimiter));
    })(),
  );
  source.on('error', (error) => stringifier.destroy(error));
  return source.pipe(stringifier);
}

/** `attachment; filename="inventar-items-2025-11-23.csv"` (ASCII: no RFC 5987 needed). */
export function attachment(name: string, extension: string, now = new Date()): string {
  return `attachment; filename="inventar-${name}-${now.toISOString().slice(0, 10)}.${extension}"`;
}
