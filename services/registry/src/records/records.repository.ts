import { appendToOutbox, oneStatement, OutboxEvent, outboxInsert } from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ChangeLogEntity } from '../history/entities/change-log.entity';
import { appendChange, changeInsert } from '../history/history';
import { ListSql } from './list-spec';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    record: E,
    write: WriteRecord,
  ): Promise<void> {
    // Row, history entry and events in one statement: one round trip instead of five.
    const [rowSql, rowValues] = this.dataSource
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(record)
      .updateEntity(false)
      .getQueryAndParameters();
    const statement = oneStatement([
      { text: rowSql, values: rowValues },
      changeInsert(write.change),
      outboxInsert(write.events),
    ]);
    const check = write.check;
    if (!check) {
      await this.dataSource.query(statement.text, statement.values);
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

  /** A keyset page: `where` over alias `r` with named parameters (see list-spec.ts). */
  page<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    sql: ListSql,
    limit: number,
  ): Promise<E[]> {
    return this.dataSource
      .getRepository(entity)
      .createQueryBuilder('r')
      .where(sql.where, sql.params)
      .orderBy(`r.${sql.orderBy.column}`, sql.orderBy.direction)
      .addOrderBy('r.id', sql.orderBy.direction)
      .limit(limit)
      .getMany();
  }

  /** Total and facet counts of a list request. */
  async facets(sql: ListSql): Promise<{ facet: string; value: string | null; n: string }[]> {
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      sql.facetsSql,
      sql.params,
      {},
    );
    return this.dataSource.query(query, parameters);
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

  findById<E extends ObjectLiteral>(entity: EntityTarget<E>, id: string): Promise<E | null> {
    return this.dataSource.getRepository(entity).findOneBy({ id } as never);
  }
}
