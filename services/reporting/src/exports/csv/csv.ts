import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

export interface CsvColumn<T> {
  /** German header. */
  header: string;
  value: (row: T) => CsvValue;
}

export const CSV_DELIMITERS = { comma: ',', semicolon: ';' } as const;
export type CsvDelimiter = keyof typeof CSV_DELIMITERS;

/**
 * A cell as text. Booleans become "ja"/"nein", lists are joined with "; ". Text starting with
 * `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe, so a spreadsheet does not run it as a
 * formula (CSV injection; OWASP). Numbers stay numbers.
 */
export function csvCell(value: CsvValue): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  const text = typeof value === 'string' ? value : value.join('; ');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when they hold the delimiter, a quote or a line
 * break; quotes doubled) in UTF-8 with a byte-order mark, so Excel reads the umlauts right.
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
      for await (const row of rows) yield columns.map((c) => csvCell(c.value(row)));
    })(),
  );
  source.on('error', (error) => stringifier.destroy(error));
  return source.pipe(stringifier);
}

/** `attachment; filename="inventar-items-2025-11-23.csv"` (ASCII: no RFC 5987 needed). */
export function attachment(name: string, extension: string, now = new Date()): string {
  return `attachment; filename="inventar-${name}-${now.toISOString().slice(0, 10)}.${extension}"`;
}
