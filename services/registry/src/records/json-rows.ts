import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** How the rows of an entity come back as json from PostgreSQL, and back into entities. */
export interface JsonRows<E> {
  /** Select list over alias `r`: every column, named by its property (geometry as GeoJSON). */
  select: string;
  /** A json row → the entity TypeORM would have hydrated (timestamps as Date). */
  revive(row: Record<string, unknown>): E;
}

const JSON_SAFE = new Set([
  'text',
  'uuid',
  'integer',
  'double precision',
  'boolean',
  'jsonb',
  'timestamptz',
  'geometry',
]);

/**
 * Lists read pages as one json value (see buildListSql): PostgreSQL builds it and `JSON.parse`
 * reads it, which is cheaper than TypeORM's per-column parsing and hydration of wide rows.
 */
export function jsonRowsOf<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
): JsonRows<E> {
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((c) => c.isSelect);
  for (const c of columns) {
    if (c.embeddedMetadata || !JSON_SAFE.has(String(c.type)))
      throw new Error(
        `${metadata.name}.${c.propertyName}: column type ${String(c.type)} has no json mapping`,
      );
  }
  const select = columns
    .map((c) => {
      const value =
        c.type === 'geometry' ? `ST_AsGeoJSON(r.${c.databaseName})::json` : `r.${c.databaseName}`;
      return `${value} AS "${c.propertyName}"`;
    })
    .join(', ');
  const properties = columns.map((c) => ({ name: c.propertyName, date: c.type === 'timestamptz' }));
  return {
    select,
    revive(row) {
      const entity = metadata.create() as Record<string, unknown>;
      for (const { name, date } of properties) {
        const value = row[name];
        entity[name] = date && typeof value === 'string' ? new Date(value) : value;
      }
      return entity as E;
    },
  };
}
