import { MigrationInterface, QueryRunner } from 'typeorm';
import { INVENTORY_ITEM_VIEW_V3 } from './1763900000040-dataset-temporal-detail';

/** The read-model tables of the records and their kind, as this migration pins them. */
const ITEM_TABLES = [
  ['organisation_item', 'organisation'],
  ['platform_item', 'platform'],
  ['twin_item', 'twin'],
  ['dataset_item', 'dataset'],
  ['endpoint_item', 'endpoint'],
] as const;

/** The searched text of each kind of item (title, then description, weighted A and B). */
const SEARCHED = [
  ['platform_item', 'name', 'description'],
  ['twin_item', 'name', 'description'],
  ['dataset_item', 'title', 'description'],
  ['endpoint_item', 'name', null],
] as const;

const branch = (from: string) => `\n        FROM ${from} WHERE NOT`;
/** Each branch of the view gains the search vector and the dataset identifiers. */
const VIEW_BRANCHES = [
  ['platform_item p', 'p.search, NULL::text AS file_identifier, NULL::text AS resource_identifier'],
  ['twin_item t', 't.search, NULL, NULL'],
  ['dataset_item d', 'd.search, d.file_identifier, d.resource_identifier'],
  ['endpoint_item e', 'e.search, NULL, NULL'],
] as const;

let view = INVENTORY_ITEM_VIEW_V3.replace('CREATE OR REPLACE VIEW', 'CREATE VIEW');
for (const [from, columns] of VIEW_BRANCHES) {
  if (!view.includes(branch(from)))
    throw new Error(`migration 1763900000070: no branch ${from} in the view`);
  view = view.replace(branch(from), `, ${columns}${branch(from)}`);
}
/** Version 4 of the view: version 3 with `search`, `file_identifier` and `resource_identifier`. */
export const INVENTORY_ITEM_VIEW_V4 = view;

/**
 * Issue 20. Search as catalogue users search: every item has a `search` tsvector (German, GIN)
 * and datasets their ISO fileIdentifier and resource identifier (btree on lower()), so `q` is
 * full text with the last word as a prefix, or an exact identifier (libs/db search-query.ts),
 * all index-backed. Datasets projected before this migration have no identifiers until the read
 * models are rebuilt (`npm run rebuild:reporting`).
 *
 * Identity: `item_id` holds every record id with its kind; statement triggers on the read-model
 * tables insert the ids of new rows (transition tables, one statement per batch), so an event
 * that would put an id under a second kind fails (`item_id_pkey`) and is dead-lettered instead of
 * making one id two items. The registry refuses such ids (its `record_id`); this is the read
 * side's guard for events that arrive anyway. Ids two kinds already share are claimed by the
 * most recently updated row and reported by this migration; both rows stay until the registry's
 * operator deletes one (its tombstone takes it out of `inventory_item`).
 *
 * The trigger functions name the table's schema (TG_TABLE_SCHEMA) instead of relying on a
 * search_path: the rebuild renames schemas.
 */
export class ItemSearchAndIds1763900000070 implements MigrationInterface {
  name = 'ItemSearchAndIds1763900000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dataset_item ADD COLUMN file_identifier text,
      ADD COLUMN resource_identifier text`);
    for (const [table, title, description] of SEARCHED) {
      const text = description
        ? `setweight(to_tsvector('german', ${title}), 'A') || setweight(to_tsvector('german', ${description}), 'B')`
        : `setweight(to_tsvector('german', ${title}), 'A')`;
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN search tsvector GENERATED ALWAYS AS (${text}) STORED`,
      );
      await q.query(
        `CREATE INDEX ${table}_search_idx ON ${table} USING gin (search) WHERE NOT deleted`,
      );
    }
    for (const column of ['file_identifier', 'resource_identifier'])
      await q.query(
        `CREATE INDEX dataset_item_${column}_idx ON dataset_item (lower(${column})) WHERE NOT deleted`,
      );
    await q.query('DROP VIEW inventory_item');
    await q.query(INVENTORY_ITEM_VIEW_V4);

    const kinds = ITEM_TABLES.map(([, kind]) => `'${kind}'`).join(', ');
    await q.query(`CREATE TABLE item_id (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN (${kinds}))
    )`);
    await q.query(`CREATE FUNCTION claim_item_ids() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('INSERT INTO %I.item_id (id, kind) SELECT id, %L FROM new_rows',
          TG_TABLE_SCHEMA, TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION release_item_ids() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          EXECUTE format('DELETE FROM %I.item_id WHERE kind = %L', TG_TABLE_SCHEMA, TG_ARGV[0]);
        ELSE
          EXECUTE format('DELETE FROM %I.item_id i USING old_rows o WHERE i.id = o.id AND i.kind = %L',
            TG_TABLE_SCHEMA, TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$`);
    const union = ITEM_TABLES.map(
      ([table, kind]) => `SELECT id, '${kind}'::text AS kind, updated_at FROM ${table}`,
    ).join(' UNION ALL ');
    await q.query(`INSERT INTO item_id (id, kind)
      SELECT DISTINCT ON (id) id, kind FROM (${union}) r ORDER BY id, updated_at DESC, kind`);
    for (const [table, kind] of ITEM_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_claims_ids AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION claim_item_ids('${kind}')`);
      await q.query(`CREATE TRIGGER ${table}_releases_ids AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION release_item_ids('${kind}')`);
      await q.query(`CREATE TRIGGER ${table}_releases_all_ids AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION release_item_ids('${kind}')`);
    }
    const shared: { kind: string; id: string; claimed_by: string }[] = await q.query(
      `SELECT r.kind, r.id, i.kind AS claimed_by FROM (${union}) r
       JOIN item_id i ON i.id = r.id AND i.kind <> r.kind ORDER BY r.id`,
    );
    if (shared.length > 0)
      // The migration runner's output is the operator's report.
      console.warn(
        `ItemSearchAndIds1763900000070: ${shared.length} read-model row(s) share an id with a ` +
          `record of another kind: ${shared
            .slice(0, 100)
            .map((s) => `${s.kind} ${s.id} (id claimed by ${s.claimed_by})`)
            .join(', ')}${shared.length > 100 ? ', …' : ''}`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of ITEM_TABLES) {
      await q.query(`DROP TRIGGER ${table}_releases_all_ids ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_releases_ids ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_claims_ids ON ${table}`);
    }
    await q.query('DROP FUNCTION release_item_ids()');
    await q.query('DROP FUNCTION claim_item_ids()');
    await q.query('DROP TABLE item_id');
    await q.query('DROP VIEW inventory_item');
    await q.query(INVENTORY_ITEM_VIEW_V3.replace('CREATE OR REPLACE VIEW', 'CREATE VIEW'));
    for (const column of ['file_identifier', 'resource_identifier'])
      await q.query(`DROP INDEX dataset_item_${column}_idx`);
    for (const [table] of SEARCHED) await q.query(`ALTER TABLE ${table} DROP COLUMN search`);
    await q.query(`ALTER TABLE dataset_item DROP COLUMN file_identifier,
      DROP COLUMN resource_identifier`);
  }
}
