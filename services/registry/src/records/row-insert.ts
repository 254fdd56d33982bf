import { SqlPart } from '@dpi/db';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { quotedTable } from './json-rows';

type Column = ReturnType<DataSource['getMetadata']>['columns'][number];

/**
 * The INSERT of one entity, as TypeORM's InsertQueryBuilder writes it (a parameter per column,
 * DEFAULT for an undefined property, json and geometry values as JSON text, geometry through
 * ST_GeomFromGeoJSON), without building the query on every call: the text is made once per set of
 * undefined properties and reused, so it also stays the same for a prepared statement. Only the
 * column types of the registry's entities are supported; any other throws when the statement is
 * made, not on a request.
 */
export function rowInsertOf<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
): (record: E) => SqlPart {
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((c) => c.isInsert);
  const table = quotedTable(metadata);
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const convert = columns.map(converterOf);
  const texts = new Map<string, string>();

  const textFor = (defaults: string): string => {
    let text = texts.get(defaults);
    if (text === undefined) {
      let n = 0;
      const values = columns.map((c, i) => {
        if (defaults[i] === '1') return 'DEFAULT';
        const parameter = `$${++n}`;
        return c.type === 'geometry'
          ? `ST_SetSRID(ST_GeomFromGeoJSON(${parameter}::text), ${c.srid ?? 4326})::geometry`
          : parameter;
      });
      text = `INSERT INTO ${table} (${names}) VALUES (${values.join(', ')})`;
      texts.set(defaults, text);
    }
    return text;
  };

  return (record) => {
    const values: unknown[] = [];
    let defaults = '';
    for (let i = 0; i < columns.length; i++) {
      const value: unknown = record[columns[i].propertyName];
      if (value === undefined) {
        defaults += '1';
        continue;
      }
      defaults += '0';
      values.push(value === null ? null : convert[i](value));
    }
    return { text: textFor(defaults), values };
  };
}

const asIs = (value: unknown): unknown => value;
const asJson = (value: unknown): unknown => JSON.stringify(value);

/** How a column's value travels as a parameter (TypeORM's preparePersistentValue for these types). */
function converterOf(column: Column): (value: unknown) => unknown {
  if (column.transformer || column.embeddedMetadata)
    throw new Error(`${column.propertyName}: transformers and embedded columns are not supported`);
  switch (column.type) {
    case 'jsonb':
    case 'geometry':
      return asJson;
    case 'text':
    case 'uuid':
    case 'integer':
    case 'double precision':
    case 'boolean':
    case 'timestamptz':
      return asIs;
    default:
      throw new Error(
        `${column.propertyName}: column type ${String(column.type)} is not supported`,
      );
  }
}
