import type { PlatformStatus, PlatformType, RecordSource } from '@dpi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'platform' })
export class PlatformEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'land_code', type: 'text' })
  landCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  homepage!: string | null;

  @Column({ type: 'text' })
  type!: PlatformType;

  @Column({ type: 'text' })
  status!: PlatformStatus;

  @Column({ type: 'text', default: 'manual' })
  source!: RecordSource;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
