/**
 * PostgreSQL text cannot hold U+0000, so a JSON string containing it would fail deep in a
 * query (a 500). Finds the first such string (or key) in a parsed body and names its path.
 */
export function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      const memberPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return memberPath;
      const found = findNulCharacter(member, memberPath);
      if (found) return found;
    }
  }
  return null;
}
