import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ConstraintLanguage = 'FILTER' | 'CQL_TEXT';
export type SourceProtocol = 'csw-2.0.2';

/** A CSW catalogue to harvest, with its paging, retry, rate and schedule settings. */
@Entity({ name: 'harvest_source' })
export class HarvestSourceEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  /** ISO 3166-2 code of the Land; null = federal. */
  @Column({ name: 'land_code', type: 'text', nullable: true }) landCode!: string | null;
  @Column({ type: 'text' }) url!: string;
  @Column({ type: 'text' }) protocol!: SourceProtocol;
  @Column({ name: 'output_schema', type: 'text' }) outputSchema!: string;
  @Column({ name: 'type_names', type: 'text' }) typeNames!: string;
  @Column({ name: 'constraint_language', type: 'text', nullable: true })
  constraintLanguage!: ConstraintLanguage | null;
  @Column({ name: 'constraint_text', type: 'text', nullable: true })
  constraintText!: string | null;
  @Column({ name: 'page_size', type: 'integer' }) pageSize!: number;
  @Column({ type: 'integer' }) concurrency!: number;
  @Column({ name: 'timeout_ms', type: 'integer' }) timeoutMs!: number;
  @Column({ name: 'retry_max_attempts', type: 'integer' }) retryMaxAttempts!: number;
  @Column({ name: 'retry_backoff_ms', type: 'integer' }) retryBackoffMs!: number;
  @Column({ name: 'retry_max_backoff_ms', type: 'integer' }) retryMaxBackoffMs!: number;
  @Column({ name: 'max_requests_per_second', type: 'double precision', nullable: true })
  maxRequestsPerSecond!: number | null;
  @Column({ name: 'incremental_schedule', type: 'text', nullable: true })
  incrementalSchedule!: string | null;
  @Column({ name: 'full_schedule', type: 'text', nullable: true }) fullSchedule!: string | null;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
