import type { EntityManager } from 'typeorm';

/**
 * Rows of any statement. TypeORM returns `[rows, rowCount]` for UPDATE and DELETE (also with
 * RETURNING) but plain rows otherwise; this hides the difference.
 */
export async function rowsOf<T>(
  manager: Pick<EntityManager, 'query'>,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
