import { ApiProperty } from '@nestjs/swagger';
import {
  HARVEST_MODES,
  JOB_STATES,
  type HarvestJobEntity,
  type HarvestMode,
  type JobState,
} from '../entities/harvest-job.entity';
import type { JobIssueEntity } from '../entities/job-issue.entity';

export class JobCountsView {
  @ApiProperty({ type: Number, nullable: true, description: 'numberOfRecordsMatched announced' })
  matched!: number | null;
  @ApiProperty() received!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() deleted!: number;
  @ApiProperty() failed!: number;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A harvest job as the API shows it. */
export class JobView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty({ enum: HARVEST_MODES }) mode!: HarvestMode;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger!: 'manual' | 'schedule';
  @ApiProperty({ enum: JOB_STATES }) state!: JobState;
  @ApiProperty({ type: JobCountsView }) counts!: JobCountsView;
  @ApiProperty() warnings!: number;
  @ApiProperty() pages!: number;
  @ApiProperty({ description: 'Why the job failed or what it held back; empty otherwise' })
  message!: string;
  @ApiProperty({ description: 'Deletes held back: too large a share of records would vanish' })
  deletesHeldBack!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Incremental runs: the date sent as Modified >=',
  })
  modifiedSince!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why paging ended' })
  stopReason!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() cancelRequested!: boolean;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scheduledFor!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) progressAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;

  static of(job: HarvestJobEntity): JobView {
    return {
      id: job.id,
      sourceId: job.sourceId,
      mode: job.mode,
      trigger: job.trigger,
      state: job.state,
      counts: {
        matched: job.matched,
        received: job.received,
        created: job.created,
        updated: job.updated,
        unchanged: job.unchanged,
        deleted: job.deleted,
        failed: job.failed,
      },
      warnings: job.warnings,
      pages: job.pages,
      message: job.message,
      deletesHeldBack: job.deletesHeldBack,
      modifiedSince: job.modifiedSince,
      stopReason: job.stopReason,
      requestedBy: job.requestedBy,
      cancelRequested: job.cancelRequestedAt !== null,
      queuedAt: job.queuedAt.toISOString(),
      scheduledFor: iso(job.scheduledFor),
      startedAt: iso(job.startedAt),
      progressAt: iso(job.progressAt),
      finishedAt: iso(job.finishedAt),
    };
  }
}

export class JobPage {
  @ApiProperty({ type: [JobView] }) items!: JobView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class JobIssueView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['error', 'warning'] }) severity!: 'error' | 'warning';
  @ApiProperty({ example: 'MISSING_FILE_IDENTIFIER' }) code!: string;
  @ApiProperty({ type: String, nullable: true, description: 'fileIdentifier of the record' })
  identifier!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true }) snippet!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(issue: JobIssueEntity): JobIssueView {
    return {
      id: issue.id,
      severity: issue.severity,
      code: issue.code,
      identifier: issue.identifier,
      message: issue.message,
      snippet: issue.snippet,
      createdAt: issue.createdAt.toISOString(),
    };
  }
}

export class JobIssuePage {
  @ApiProperty({ type: [JobIssueView] }) items!: JobIssueView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
