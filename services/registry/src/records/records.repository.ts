import {
  appendToOutbox,
  oneStatement,
  OutboxEvent,
  outboxInsert,
  PreparedStatements,
  SqlPart,
} from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ReadScope, visibleSql } from '../auth/visibility';
import { ChangeLogEntity } from '../history/entities/change-log.entity';
import { appendChange, changeInsert } from '../history/history';
import { JsonRows, jsonRowsOf } from './json-rows';
import { LINKS } from './links';
import { buildListSql, FacetRow, ListParams, ListSpec } from './list-spec';
import { isRestrictedTable } from './restricted-tables';
import { rowInsertOf } from './row-insert';

/** The table of each kind name `record_id` holds (migration 1763900000008). */
const KIND_TABLES: Readonly<Record<string, string>> = {
  organisation: 'organisation',
  platform: 'platform',
  'digital-twin': 'digital_twin',
  endpoint: 'endpoint',
  dataset: 'dataset',
};

/** What a write stores beside the row: its history entry and its events, in one transaction. */
export interface WriteRecord {
  change: Omit<ChangeLogEntity, 'id'>;
  events: OutboxEvent[];
  /**
   * Checks inside the transaction (links); throwing rolls the write back. Without checks an
   * insert is a single statement, atomic without a transaction.
   */
  check?: (manager: EntityManager) => Promise<void>;
}

/** Writes of every versioned record kind: row + history + outbox, atomically. */
@Injectable()
export class RecordsRepository {
  private readonly prepared: PreparedStatements;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.prepared = new PreparedStatements(dataSource, 'registry');
  }

  async insert<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    record: E,
    write: WriteRecord,
  ): Promise<void> {
    // Row, history entry and events in one statement: one round trip instead of five.
    const statement = oneStatement([
      this.rowInsert(entity)(record),
      changeInsert(write.change),
      outboxInsert(write.events),
    ]);
    const check = write.check;
    if (!check) {
      // Prepared: the same few texts on every registration (see PreparedStatements).
      await this.prepared.run(statement);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await check(manager);
      await manager.query(statement.text, statement.values);
    });
  }

  /**
   * Stores `next` only if the row still has `expectedVersion` (compare-and-set: of two writers
   * with the same ETag exactly one wins). Returns false when someone else changed it first.
   */
  async update<E extends ObjectLiteral & { id: string }>(
    entity: EntityTarget<E>,
    next: E,
    expectedVersion: number,
    write: WriteRecord,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const { id, ...fields } = next;
      const result = await manager
        .createQueryBuilder()
        .update(entity)
        .set(fields as never)
        .where('id = :id AND version = :expectedVersion AND deleted_at IS NULL', {
          id,
          expectedVersion,
        })
        .execute();
      if (result.affected !== 1) return false;
      await write.check?.(manager);
      await appendChange(manager, write.change);
      await appendToOutbox(manager, write.events);
      return true;
    });
  }

  /**
   * A keyset page plus total and facet counts, in one statement (see buildListSql). Returns up
   * to `params.limit` records and the facet rows. Link fields name only records `scope` may see
   * (issue 17), filtered in the same statement (visibleLinkColumns).
   */
  async list<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    spec: ListSpec,
    params: Omit<ListParams, 'visible'>,
    scope: ReadScope,
  ): Promise<{ items: E[]; facetRows: FacetRow[] }> {
    const rows = this.jsonRows(entity);
    let visible: ListParams['visible'];
    if (this.restricted(spec.table)) {
      const condition = visibleSql(scope, 'r', ':viewerLand');
      visible = { sql: condition.sql, params: { viewerLand: condition.values[0] } };
    }
    const select = rows.selectWith(this.visibleLinkColumns(spec.table, scope));
    const sql = buildListSql(spec, { ...params, visible }, select);
    const viewerLand = visibleSql(scope, 'r', ':viewerLand').values[0];
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      sql.text,
      viewerLand === undefined ? sql.params : { ...sql.params, viewerLand },
      {},
    );
    const [result]: { items: Record<string, unknown>[]; facets: FacetRow[] | null }[] =
      await this.dataSource.query(query, parameters);
    return { items: result.items.map((row) => rows.revive(row)), facetRows: result.facets ?? [] };
  }

  /**
   * The link columns of `table` (uuid arrays to kinds that can be NON_PUBLIC) as `scope` sees
   * them: ids of records it may not see (or that do not exist) left out, order kept. Property →
   * SQL expression over alias `r`, using the named parameter `:viewerLand` where the scope needs
   * it. Empty for a scope that sees everything.
   */
  private visibleLinkColumns(table: string, scope: ReadScope): Map<string, string> {
    const columns = new Map<string, string>();
    if (scope.all) return columns;
    for (const link of LINKS) {
      if (link.from !== table || link.reference || !this.restricted(link.to)) continue;
      if (!link.column) throw new Error(`${table}.${link.field}: only id-array links are hidden`);
      const visible = visibleSql(scope, 't', ':viewerLand').sql;
      columns.set(
        link.field,
        `ARRAY(SELECT u.id FROM unnest(r.${link.column}) WITH ORDINALITY AS u(id, n) ` +
          `WHERE EXISTS (SELECT 1 FROM ${link.to} t WHERE t.id = u.id AND ${visible}) ORDER BY u.n)`,
      );
    }
    return columns;
  }

  private readonly insertByEntity = new Map<
    EntityTarget<ObjectLiteral>,
    (record: ObjectLiteral) => SqlPart
  >();

  private rowInsert<E extends ObjectLiteral>(entity: EntityTarget<E>): (record: E) => SqlPart {
    let insert = this.insertByEntity.get(entity);
    if (!insert) {
      insert = rowInsertOf(this.dataSource, entity) as (record: ObjectLiteral) => SqlPart;
      this.insertByEntity.set(entity, insert);
    }
    return insert;
  }

  private readonly rowsByEntity = new Map<EntityTarget<ObjectLiteral>, JsonRows<ObjectLiteral>>();

  private jsonRows<E extends ObjectLiteral>(entity: EntityTarget<E>): JsonRows<E> {
    let rows = this.rowsByEntity.get(entity);
    if (!rows) this.rowsByEntity.set(entity, (rows = jsonRowsOf(this.dataSource, entity)));
    return rows as JsonRows<E>;
  }

  /** Runs read-only checks (links) in a transaction that is rolled back. */
  async check(check: (manager: EntityManager) => Promise<void>): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await check(runner.manager);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** Unscoped: only for the write side (imports), which authorises by itself. */
  findById<E extends ObjectLiteral>(entity: EntityTarget<E>, id: string): Promise<E | null> {
    return this.dataSource.getRepository(entity).findOneBy({ id } as never);
  }

  /** The record if it exists (deleted or not) and `scope` may see it; else null. */
  async findVisible<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    id: string,
    scope: ReadScope,
  ): Promise<E | null> {
    const repository = this.dataSource.getRepository(entity);
    const query = repository.createQueryBuilder('r').where('r.id = :id', { id });
    if (this.restricted(repository.metadata.tableName)) {
      const condition = visibleSql(scope, 'r', ':viewerLand');
      query.andWhere(condition.sql, { viewerLand: condition.values[0] });
    }
    return query.getOne();
  }

  /** Which of `ids` (records of `table`, deleted or not) `scope` may see. */
  async visibleIds(table: string, ids: readonly string[], scope: ReadScope): Promise<Set<string>> {
    if (ids.length === 0 || scope.all || !this.restricted(table)) return new Set(ids);
    const condition = visibleSql(scope, 'r', '$2');
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id::text AS id FROM ${table} r WHERE r.id = ANY($1::uuid[]) AND ${condition.sql}`,
      [ids, ...condition.values],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The kind that holds `id` (`record_id`, one row per id of every kind: ids are unique across
   * kinds, issue 20) and whether `scope` may see that record; null when no record has the id.
   */
  async idHolder(id: string, scope: ReadScope): Promise<{ kind: string; visible: boolean } | null> {
    const [row]: { kind: string }[] = await this.dataSource.query(
      'SELECT kind FROM record_id WHERE id = $1',
      [id],
    );
    if (!row) return null;
    const table = KIND_TABLES[row.kind];
    const visible = table ? (await this.visibleIds(table, [id], scope)).has(id) : false;
    return { kind: row.kind, visible };
  }

  private restricted(table: string): boolean {
    return isRestrictedTable(this.dataSource, table);
  }
}
