/** Opaque keyset cursor: base64url of JSON [sort, value of the sort column, id]. */
export function encodeCursor(sort: string, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor's position, or null when it is not one of ours. */
export function decodeCursor(cursor: string): { sort: string; value: string; id: string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [sort, value, id] = parsed as unknown[];
  if (typeof sort !== 'string' || typeof value !== 'string' || typeof id !== 'string') return null;
  if (!UUID.test(id)) return null;
  return { sort, value, id };
}
