import { ApiProperty } from '@nestjs/swagger';
import type { HarvestSourceEntity } from '../entities/harvest-source.entity';

export class SourceConstraintView {
  @ApiProperty({ enum: ['FILTER', 'CQL_TEXT'] }) language!: 'FILTER' | 'CQL_TEXT';
  @ApiProperty() text!: string;
}

export class RetryPolicyView {
  @ApiProperty() maxAttempts!: number;
  @ApiProperty() backoffMs!: number;
  @ApiProperty() maxBackoffMs!: number;
}

export class NextRunsView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) incremental!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) full!: string | null;
}

/** A harvest source as the API shows it. */
export class SourceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null = federal' })
  landCode!: string | null;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: ['csw-2.0.2'] }) protocol!: 'csw-2.0.2';
  @ApiProperty() outputSchema!: string;
  @ApiProperty() typeNames!: string;
  @ApiProperty({ type: SourceConstraintView, nullable: true })
  constraint!: SourceConstraintView | null;
  @ApiProperty() pageSize!: number;
  @ApiProperty() concurrency!: number;
  @ApiProperty() timeoutMs!: number;
  @ApiProperty({ type: RetryPolicyView }) retry!: RetryPolicyView;
  @ApiProperty({ type: Number, nullable: true }) maxRequestsPerSecond!: number | null;
  @ApiProperty({ type: String, nullable: true }) incrementalSchedule!: string | null;
  @ApiProperty({ type: String, nullable: true }) fullSchedule!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: NextRunsView, description: 'When the schedules fire next (null: never)' })
  nextRuns!: NextRunsView;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(source: HarvestSourceEntity, nextRuns: NextRunsView): SourceView {
    return {
      id: source.id,
      name: source.name,
      landCode: source.landCode,
      url: source.url,
      protocol: source.protocol,
      outputSchema: source.outputSchema,
      typeNames: source.typeNames,
      constraint:
        source.constraintLanguage && source.constraintText
          ? { language: source.constraintLanguage, text: source.constraintText }
          : null,
      pageSize: source.pageSize,
      concurrency: source.concurrency,
      timeoutMs: source.timeoutMs,
      retry: {
        maxAttempts: source.retryMaxAttempts,
        backoffMs: source.retryBackoffMs,
        maxBackoffMs: source.retryMaxBackoffMs,
      },
      maxRequestsPerSecond: source.maxRequestsPerSecond,
      incrementalSchedule: source.incrementalSchedule,
      fullSchedule: source.fullSchedule,
      enabled: source.enabled,
      nextRuns,
      version: source.version,
      createdAt: source.createdAt.toISOString(),
      updatedAt: source.updatedAt.toISOString(),
    };
  }
}

export class SourceList {
  @ApiProperty({ type: [SourceView] }) items!: SourceView[];
}
