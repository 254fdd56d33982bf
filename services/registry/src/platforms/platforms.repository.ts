import { appendToOutbox, OutboxEvent } from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformEntity } from './entities/platform.entity';

export interface PlatformPageQuery {
  landCode?: string;
  limit: number;
  after?: { createdAt: Date; id: string };
}

/** The only code that touches the platform table. */
@Injectable()
export class PlatformsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the platform and its events in one transaction: both or neither. */
  async insertWithEvents(platform: PlatformEntity, events: OutboxEvent[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PlatformEntity, platform);
      await appendToOutbox(manager, events);
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
