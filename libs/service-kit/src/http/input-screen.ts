/** How deep a JSON body, query or path may nest; deeper input is refused before any handler. */
export const MAX_INPUT_DEPTH = 64;

/** What is wrong with a request's input, named by its path, for a 400 problem. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Screens parsed input (body, query, params) for what would fail deep inside a service instead of
 * being a client error (each once a 500):
 * - nesting deeper than {@link MAX_INPUT_DEPTH} (validation and transformation recurse: thousands
 *   of levels overflow the stack);
 * - U+0000 in a string or key (PostgreSQL text cannot hold it);
 * - a lone surrogate, e.g. `"\ud800"` (not Unicode: PostgreSQL's json refuses it).
 * Returns the first problem found, or null. Recursion is bounded by the depth limit itself.
 */
export function screenInput(value: unknown, path = '', depth = 0): InputProblem | null {
  const field = path || '(body)';
  if (typeof value === 'string') return screenString(value, field);
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_INPUT_DEPTH) {
    return { field, message: `${field} nests deeper than ${MAX_INPUT_DEPTH} levels` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = screenInput(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, member] of Object.entries(value)) {
    const memberPath = path ? `${path}.${key}` : key;
    const badKey = screenString(key, memberPath);
    if (badKey) return badKey;
    const found = screenInput(member, memberPath, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * A JSON body of `null`: no operation takes one, but Nest's validation reads it as `{}`, so a
 * `null` sent where an object is documented was accepted (a run of a harvest source with its
 * defaults). An absent body (no content) stays allowed where the operation allows it.
 */
export function screenBody(body: unknown): InputProblem | null {
  if (body === null) {
    return { field: '(body)', message: 'the body must be a JSON object (or array), not null' };
  }
  return screenInput(body);
}

/** A high surrogate without its low one, or a low one without its high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function screenString(value: string, field: string): InputProblem | null {
  if (value.includes('\u0000')) {
    return { field, message: `${field} must not contain the character U+0000` };
  }
  if (LONE_SURROGATE.test(value)) {
    return {
      field,
      message: `${field} must be well-formed Unicode (it contains a lone surrogate, e.g. \\ud800)`,
    };
  }
  return null;
}
