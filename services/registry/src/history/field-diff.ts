export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One field's change; values are JSON (typed unknown so TypeORM's deep-partial types stay shallow). */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

type State = Readonly<Record<string, JsonValue | undefined>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ between two states, in the order of `fields`. */
export function diffFields(
  before: State | null,
  after: State | null,
  fields: readonly string[],
): FieldChange[] {
  return fields
    .filter((field) => !same(before?.[field], after?.[field]))
    .map((field) => ({ field, old: before?.[field] ?? null, new: after?.[field] ?? null }));
}
