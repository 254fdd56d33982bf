import { appendToOutbox, OutboxEvent } from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangeLogEntity } from '../history/entities/change-log.entity';
import { appendChange } from '../history/history';
import { PlatformEntity } from './entities/platform.entity';

export interface PlatformPageQuery {
  landCode?: string;
  limit: number;
  after?: { createdAt: Date; id: string };
}

/** What a write stores beside the row: its history entry and its events, all in one transaction. */
export interface WriteRecord {
  change: Omit<ChangeLogEntity, 'id'>;
  events: OutboxEvent[];
}

/** The only code that touches the platform table. */
@Injectable()
export class PlatformsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(platform: PlatformEntity, record: WriteRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PlatformEntity, platform);
      await appendChange(manager, record.change);
      await appendToOutbox(manager, record.events);
    });
  }

  /**
   * Stores `next` only if the row still has `expectedVersion` (compare-and-set: of two writers
   * with the same ETag exactly one wins). Returns false when someone else changed it first.
   */
  async update(
    next: PlatformEntity,
    expectedVersion: number,
    record: WriteRecord,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const { id, ...fields } = next;
      const result = await manager
        .createQueryBuilder()
        .update(PlatformEntity)
        .set(fields)
        .where('id = :id AND version = :expectedVersion AND deleted_at IS NULL', {
          id,
          expectedVersion,
        })
        .execute();
      if (result.affected !== 1) return false;
      await appendChange(manager, record.change);
      await appendToOutbox(manager, record.events);
      return true;
    });
  }

  findById(id: string): Promise<PlatformEntity | null> {
    return this.dataSource.getRepository(PlatformEntity).findOneBy({ id });
  }

  /** Keyset page ordered by (createdAt, id); deleted platforms are left out. */
  async page(query: PlatformPageQuery): Promise<PlatformEntity[]> {
    const qb = this.dataSource
      .getRepository(PlatformEntity)
      .createQueryBuilder('p')
      .where('p.deleted_at IS NULL')
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(query.limit);
    if (query.landCode) qb.andWhere('p.land_code = :landCode', { landCode: query.landCode });
    if (query.after) {
      qb.andWhere('(p.created_at, p.id) > (:createdAt, :id)', {
        createdAt: query.after.createdAt,
        id: query.after.id,
      });
    }
    return qb.getMany();
  }
}
