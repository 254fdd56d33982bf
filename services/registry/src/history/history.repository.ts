import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangeLogEntity } from './entities/change-log.entity';

@Injectable()
export class HistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listFor(entityType: string, entityId: string): Promise<ChangeLogEntity[]> {
    return this.dataSource
      .getRepository(ChangeLogEntity)
      .find({ where: { entityType, entityId }, order: { version: 'ASC' } });
  }
}
