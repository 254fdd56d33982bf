/**
 * What changed between versions of a record, field by field, for the entry forms: the editor's
 * own changes (the version they opened → the form), sent as a merge patch; and, when the registry
 * answers 412 because someone else saved in between, the other person's changes (the version the
 * editor opened → the server's current one) next to the editor's, with the fields both changed.
 * Pure: no DOM, no fetch.
 */
import { FORMS, normalise, type EntryKind, type FieldValue, type Values } from './fields';

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

/** Equal in meaning: arrays compared as sets where order carries none (vocabulary choices). */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b) && a.every((v) => typeof v === 'string')) {
    const left = [...(a as string[])].sort();
    const right = [...(b as string[])].sort();
    return left.length === right.length && left.every((v, i) => v === right[i]);
  }
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys, so that two objects with the same content compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** The form fields whose values differ between two versions (in the form's order). */
export function changes(
  kind: EntryKind,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const result: FieldChange[] = [];
  for (const field of FORMS[kind]) {
    const a = normalise(field, before[field.name]);
    const b = normalise(field, after[field.name]);
    if (!sameValue(a, b)) result.push({ field: field.name, before: a, after: b });
  }
  return result;
}

/** The merge patch (RFC 7386) of the editor's changes; an emptied field is sent as its empty value. */
export function mergePatch(mine: readonly FieldChange[]): Values {
  const patch: Values = {};
  for (const change of mine) patch[change.field] = change.after;
  return patch;
}

export interface Conflict {
  /** What the other person changed (their version against the one the editor opened). */
  theirs: FieldChange[];
  /** What the editor changed (the form against the version they opened). */
  mine: FieldChange[];
  /** Fields both changed, to different values: re-applying overwrites the other person's value. */
  overlapping: string[];
  /** Fields both changed to the same value: nothing to decide. */
  agreed: string[];
}

/**
 * The 412 case: `base` is the version the editor opened, `form` what they want, `current` the
 * server's version now.
 */
export function conflictOf(
  kind: EntryKind,
  base: Record<string, unknown>,
  form: Record<string, unknown>,
  current: Record<string, unknown>,
): Conflict {
  const theirs = changes(kind, base, current);
  const mine = changes(kind, base, form);
  const theirByField = new Map(theirs.map((c) => [c.field, c]));
  const overlapping: string[] = [];
  const agreed: string[] = [];
  for (const change of mine) {
    const their = theirByField.get(change.field);
    if (!their) continue;
    if (sameValue(their.after, change.after)) agreed.push(change.field);
    else overlapping.push(change.field);
  }
  return { theirs, mine, overlapping, agreed };
}

/**
 * The patch that re-applies the editor's changes on top of the current version: every field the
 * editor changed, except those the other person already set to the same value; `keepTheirs`
 * names overlapping fields where the editor chose the other person's value.
 */
export function reapplyPatch(
  conflict: Conflict,
  keepTheirs: ReadonlySet<string> = new Set(),
): Values {
  return mergePatch(
    conflict.mine.filter(
      (change) => !conflict.agreed.includes(change.field) && !keepTheirs.has(change.field),
    ),
  );
}

/** The form's values after re-applying: the current version with the editor's patch on top. */
export function rebased(
  kind: EntryKind,
  current: Record<string, unknown>,
  patch: Values,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of FORMS[kind]) result[field.name] = current[field.name];
  return { ...result, ...patch };
}
