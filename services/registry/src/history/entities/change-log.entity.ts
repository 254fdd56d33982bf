import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldChange } from '../field-diff';

export type ChangeOperation = 'create' | 'update' | 'delete';

/** One change of one entity: who, when, which fields, old and new values. */
@Entity({ name: 'change_log' })
export class ChangeLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'entity_type', type: 'text' }) entityType!: string;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) operation!: ChangeOperation;
  @Column({ name: 'changed_by', type: 'text' }) changedBy!: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
  @Column({ type: 'jsonb' }) changes!: FieldChange[];
  @Column({ name: 'correlation_id', type: 'text' }) correlationId!: string;
}
