/**
 * Copies every string of a parsed record, so that the record no longer keeps the response text it
 * was read from alive. V8 makes a substring as a slice that references its whole parent string:
 * the fields of a record are slices of the decoded response chunks, and a record held for a
 * while (a buffered page waiting to be stored) keeps a response's worth of text alive and moves it
 * to the old generation. Use it for records kept longer than their page's parse.
 */
export function detachStrings<T>(value: T): T {
  return detach(value) as T;
}

function detach(value: unknown): unknown {
  if (typeof value === 'string') return copyString(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detach(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) object[key] = detach(object[key]);
  return object;
}

/** A copy that shares no storage with its source (short strings are copies already). */
function copyString(s: string): string {
  // Flattening the concatenation copies the characters; the slice then refers to that copy.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
