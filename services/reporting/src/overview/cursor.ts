/** Opaque keyset cursors: base64url of a JSON array of the last row's sort values. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What a cursor position may hold, checked before it reaches SQL (a crafted cursor must be a 400,
 * never a failed cast): `string` (text without NUL, which PostgreSQL's text cannot hold), `uuid`,
 * `int32` (an integer column or expression).
 */
export type CursorValueType = 'string' | 'uuid' | 'int32';

type ValueOf<T extends CursorValueType> = T extends 'int32' ? number : string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const IS: Record<CursorValueType, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string' && !value.includes('\u0000'),
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  int32: (value) => Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31 - 1,
};

/** The cursor's values when they have the expected types, else null (a 400 for the caller). */
export function decodeCursor<const T extends readonly CursorValueType[]>(
  cursor: string,
  types: T,
): { [K in keyof T]: ValueOf<T[K]> } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== types.length) return null;
  if (!parsed.every((value, i) => IS[types[i]](value))) return null;
  return parsed as { [K in keyof T]: ValueOf<T[K]> };
}
