import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/paging';
import {
  HARVEST_MODES,
  JOB_STATES,
  type HarvestMode,
  type JobState,
} from '../entities/harvest-job.entity';

export class RunDto {
  @ApiPropertyOptional({
    enum: HARVEST_MODES,
    default: 'full',
    description:
      'full: every record, then withdraw what vanished; incremental: Modified >= the last successful run',
  })
  @IsIn(HARVEST_MODES, { message: 'mode must be full or incremental' })
  @IsOptional()
  mode?: HarvestMode;
}

export class RunQuery extends RunDto {}

export class ListJobsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: JOB_STATES })
  @IsIn(JOB_STATES, { message: `state must be one of: ${JOB_STATES.join(', ')}` })
  @IsOptional()
  state?: JobState;
}

export class ListIssuesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['error', 'warning'], description: 'Default: both' })
  @IsIn(['error', 'warning'], { message: 'severity must be error or warning' })
  @IsOptional()
  severity?: 'error' | 'warning';
}
