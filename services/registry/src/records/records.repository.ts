import { appendToOutbox, OutboxEvent } from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { ChangeLogEntity } from '../history/entities/change-log.entity';
import { appendChange } from '../history/history';

/** What a write stores beside the row: its history entry and its events, in one transaction. */
export interface WriteRecord {
  change: Omit<ChangeLogEntity, 'id'>;
  events: OutboxEvent[];
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
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(entity, record);
      await appendChange(manager, write.change);
      await appendToOutbox(manager, write.events);
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
      await appendChange(manager, write.change);
      await appendToOutbox(manager, write.events);
      return true;
    });
  }

  /**
   * Keyset page ordered by (created_at, id), deleted records left out. `filters` are equality
   * conditions on columns (undefined = no condition).
   */
  page<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    filters: Record<string, string | undefined>,
    limit: number,
    after?: { createdAt: Date; id: string },
  ): Promise<E[]> {
    const qb = this.dataSource
      .getRepository(entity)
      .createQueryBuilder('r')
      .where('r.deleted_at IS NULL')
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit);
    for (const [column, value] of Object.entries(filters)) {
      if (value !== undefined) qb.andWhere(`r.${column} = :${column}`, { [column]: value });
    }
    if (after)
      qb.andWhere('(r.created_at, r.id) > (:createdAt, :id)', {
        createdAt: after.createdAt,
        id: after.id,
      });
    return qb.getMany();
  }

  findById<E extends ObjectLiteral>(entity: EntityTarget<E>, id: string): Promise<E | null> {
    return this.dataSource.getRepository(entity).findOneBy({ id } as never);
  }
}
