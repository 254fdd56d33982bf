import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and `undefined` members left out, so the same content
 * always gives the same text whatever order the extraction code filled the object in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return value === undefined ? 'null' : JSON.stringify(value);
  }
  // Plain loops: this runs for every harvested record, and allocation-heavy code showed in profiles.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = obj[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

/** One-shot hashing: no Hash object per record (measurably cheaper for texts of a few KB). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
