/** A piece of SQL with its parameters, numbered from `$1`. */
export interface SqlPart {
  text: string;
  values: unknown[];
}

const PARAMETER = /\$(\d+)\b/g;

/**
 * Joins data-modifying parts into ONE statement (every part but the last becomes a CTE), which
 * PostgreSQL runs atomically without BEGIN/COMMIT: one round trip instead of one per part plus
 * two. Parameters are renumbered; parts must therefore not contain `$<digits>` inside literals
 * (statements built from parameters only, as TypeORM's INSERTs and ours are).
 */
export function oneStatement(parts: readonly SqlPart[]): SqlPart {
  const present = parts.filter((p) => p.text !== '');
  if (present.length === 0) throw new Error('oneStatement needs at least one part');
  const values: unknown[] = [];
  const texts = present.map((part) => {
    const offset = values.length;
    values.push(...part.values);
    return offset === 0
      ? part.text
      : part.text.replace(PARAMETER, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = texts.pop() as string;
  const ctes = texts.map((text, i) => `w${i} AS (${text})`);
  return { text: ctes.length ? `WITH ${ctes.join(', ')} ${last}` : last, values };
}
