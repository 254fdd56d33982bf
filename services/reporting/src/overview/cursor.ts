/** Opaque keyset cursors: base64url of a JSON array of the last row's sort values. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The cursor's values when they have the expected types, else null (a 400 for the caller). */
export function decodeCursor<const T extends readonly ('string' | 'number')[]>(
  cursor: string,
  types: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== types.length) return null;
  if (!parsed.every((value, i) => typeof value === types[i])) return null;
  return parsed as { [K in keyof T]: T[K] extends 'number' ? number : string };
}
