import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type IssueSeverity = 'error' | 'warning';

/** A per-record error or a warning of a job (page oddities, incomplete harvests …). */
@Entity({ name: 'harvest_job_issue' })
export class JobIssueEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'job_id', type: 'uuid' }) jobId!: string;
  @Column({ type: 'text' }) severity!: IssueSeverity;
  @Column({ type: 'text' }) code!: string;
  /** fileIdentifier of the record concerned, when there is one. */
  @Column({ type: 'text', nullable: true }) identifier!: string | null;
  @Column({ type: 'text' }) message!: string;
  /** The start of the offending response or a summary of the record. */
  @Column({ type: 'text', nullable: true }) snippet!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
