import { SqlPart } from '@dpi/db';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** How the rows of an entity travel as json between PostgreSQL and entities, both ways. */
export interface JsonRows<E> {
  /** The entity's table, quoted and schema-qualified as TypeORM names it. */
  table: string;
  /** Select list over alias `r`: every column, named by its property (geometry as GeoJSON). */
  select: string;
  /** `select` with the expressions of some properties replaced (property → SQL over `r`). */
  selectWith(expressions: ReadonlyMap<string, string>): string;
  /** A json row → the entity TypeORM would have hydrated (timestamps as Date). */
  revive(row: Record<string, unknown>): E;
  /**
   * INSERT … ON CONFLICT (primary key) DO UPDATE of many entities, all passed as ONE json
   * parameter (`JSON.stringify` of the entities; `jsonb_to_recordset` types them): no per-column
   * parameters, so no cost per parameter in TypeORM or the driver, and a statement that does not
   * change with the number of rows. Every column must be set: a missing member is NULL, not the
   * column's default. Empty when `records` is.
   */
  upsert(records: readonly E[]): SqlPart;
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
  const selectWith = (expressions: ReadonlyMap<string, string>) =>
    columns
      .map((c) => {
        const value =
          expressions.get(c.propertyName) ??
          (c.type === 'geometry'
            ? `ST_AsGeoJSON(r.${c.databaseName})::json`
            : `r.${c.databaseName}`);
        return `${value} AS "${c.propertyName}"`;
      })
      .join(', ');
  const select = selectWith(new Map());
  const properties = columns.map((c) => ({ name: c.propertyName, date: c.type === 'timestamptz' }));
  const table = quotedTable(metadata);
  const upsertText = upsertSql(
    table,
    metadata.columns.filter((c) => c.isInsert),
    metadata,
  );
  return {
    table,
    select,
    selectWith,
    revive(row) {
      const entity = metadata.create() as Record<string, unknown>;
      for (const { name, date } of properties) {
        const value = row[name];
        entity[name] = date && typeof value === 'string' ? new Date(value) : value;
      }
      return entity as E;
    },
    upsert(records) {
      if (records.length === 0) return { text: '', values: [] };
      return { text: upsertText, values: [JSON.stringify(records)] };
    },
  };
}

type Metadata = ReturnType<DataSource['getMetadata']>;

/** The entity's table, quoted and schema-qualified as TypeORM names it. */
export function quotedTable(metadata: Metadata): string {
  return metadata.tablePath
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

function upsertSql(table: string, columns: Metadata['columns'], metadata: Metadata): string {
  const keys = metadata.primaryColumns.map((c) => `"${c.databaseName}"`);
  // The recordset's columns are named by property (the json's members); geometry arrives as GeoJSON.
  const recordset = columns
    .map((c) => {
      const type = c.type === 'geometry' ? 'jsonb' : `${String(c.type)}${c.isArray ? '[]' : ''}`;
      return `"${c.propertyName}" ${type}`;
    })
    .join(', ');
  const values = columns
    .map((c) =>
      c.type === 'geometry'
        ? `ST_SetSRID(ST_GeomFromGeoJSON(x."${c.propertyName}"::text), ${c.srid ?? 4326})`
        : `x."${c.propertyName}"`,
    )
    .join(', ');
  const names = columns.map((c) => `"${c.databaseName}"`);
  const updates = names
    .filter((n) => !keys.includes(n))
    .map((n) => `${n} = EXCLUDED.${n}`)
    .join(', ');
  return (
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${values} ` +
    `FROM jsonb_to_recordset($1::jsonb) AS x(${recordset}) ` +
    `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates}`
  );
}
