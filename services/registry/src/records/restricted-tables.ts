import { DataSource } from 'typeorm';

/**
 * Whether records of `table` can be marked NON_PUBLIC: every entity with an `access_rights` column
 * (today platforms and datasets). Read from the entity metadata, so a new kind with the column
 * falls under the visibility rule (auth/visibility.ts) without being listed anywhere.
 */
export function isRestrictedTable(dataSource: DataSource, table: string): boolean {
  const metadata = dataSource.entityMetadatas.find((m) => m.tableName === table);
  return Boolean(metadata?.findColumnWithDatabaseName('access_rights'));
}
