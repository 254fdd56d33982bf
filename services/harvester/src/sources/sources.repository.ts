import { isUniqueViolation } from '@dpi/db';
import { ProblemException } from '@dpi/service-kit';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HarvestSourceEntity } from './entities/harvest-source.entity';

const nameTaken = (name: string) =>
  new ProblemException({
    type: 'urn:dpi:problem:name-taken',
    status: HttpStatus.CONFLICT,
    detail: `a harvest source named "${name}" exists already; choose another name`,
  });

/** Harvest sources (soft-deleted ones stay for the history of their jobs). */
@Injectable()
export class SourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(source: HarvestSourceEntity): Promise<void> {
    try {
      await this.dataSource.getRepository(HarvestSourceEntity).insert(source);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(source.name);
      throw error;
    }
  }

  /** Compare-and-set on the version; false when someone else changed it first. */
  async update(next: HarvestSourceEntity, expectedVersion: number): Promise<boolean> {
    const { id, ...fields } = next;
    try {
      const result = await this.dataSource
        .createQueryBuilder()
        .update(HarvestSourceEntity)
        .set(fields)
        .where('id = :id AND version = :expectedVersion AND deleted_at IS NULL', {
          id,
          expectedVersion,
        })
        .execute();
      return result.affected === 1;
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(next.name);
      throw error;
    }
  }

  /** Marks the source deleted inside the caller's transaction. */
  async markDeleted(manager: EntityManager, id: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(HarvestSourceEntity)
      .set({ deletedAt: () => 'now()', updatedAt: () => 'now()', version: () => 'version + 1' })
      .where('id = :id AND deleted_at IS NULL', { id })
      .execute();
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findLive(id: string): Promise<HarvestSourceEntity | null> {
    return this.dataSource
      .getRepository(HarvestSourceEntity)
      .createQueryBuilder('s')
      .where('s.id = :id AND s.deleted_at IS NULL', { id })
      .getOne();
  }

  list(filters: { landCode?: string | null; enabled?: boolean }): Promise<HarvestSourceEntity[]> {
    const qb = this.dataSource
      .getRepository(HarvestSourceEntity)
      .createQueryBuilder('s')
      .where('s.deleted_at IS NULL')
      .orderBy('s.name', 'ASC');
    if (filters.landCode === null) qb.andWhere('s.land_code IS NULL');
    else if (filters.landCode)
      qb.andWhere('s.land_code = :landCode', { landCode: filters.landCode });
    if (filters.enabled !== undefined)
      qb.andWhere('s.enabled = :enabled', { enabled: filters.enabled });
    return qb.getMany();
  }
}
