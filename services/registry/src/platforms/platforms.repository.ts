import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformEntity } from './entities/platform.entity';

export interface PlatformPageQuery {
  landCode?: string;
  limit: number;
  after?: { createdAt: Date; id: string };
}

/** Platform reads; writes go through RecordsRepository like every record kind's. */
@Injectable()
export class PlatformsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
