import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '@dpi/auth';
import { ManagesHarvests } from '../auth/auth.module';
import { ListIssuesQuery, ListJobsQuery, RunDto, RunQuery } from './dto/job.queries';
import { JobIssuePage, JobPage, JobView } from './dto/job.view';
import { JobsService, modeOf } from './jobs.service';

const uuid = new ParseUUIDPipe();

@ApiTags('jobs')
@Controller('api/v1')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post('sources/:id/run')
  @HttpCode(202)
  @ManagesHarvests()
  @ApiParam({ name: 'id', format: 'uuid', description: 'Source id' })
  @ApiBody({ type: RunDto, required: false })
  @ApiAcceptedResponse({ type: JobView, description: 'Queued; follow it at Location' })
  @ApiBadRequestResponse({ description: 'Malformed id or mode (application/problem+json)' })
  @ApiNotFoundResponse({ description: 'No such source' })
  @ApiConflictResponse({ description: 'The source has an active job (here or in another replica)' })
  async run(
    @Param('id', uuid) id: string,
    @Body() body: RunDto,
    @Query() query: RunQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobView> {
    const job = await this.jobs.run(
      id,
      modeOf(body?.mode, query.mode),
      principal.name,
      String(request.id),
    );
    void reply.header('location', `/api/v1/jobs/${job.id}`);
    return JobView.of(job);
  }

  @Get('sources/:id/jobs')
  @Header('cache-control', 'no-store')
  @ApiParam({ name: 'id', format: 'uuid', description: 'Source id' })
  @ApiOkResponse({ type: JobPage, description: 'Jobs of the source, newest first' })
  @ApiBadRequestResponse({ description: 'Malformed id, filter or cursor' })
  @ApiNotFoundResponse({ description: 'No such source' })
  sourceJobs(@Param('id', uuid) id: string, @Query() query: ListJobsQuery): Promise<JobPage> {
    return this.jobs.pageOfSource(id, query);
  }

  @Get('jobs')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: JobPage, description: 'Jobs of every source, newest first' })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  allJobs(@Query() query: ListJobsQuery): Promise<JobPage> {
    return this.jobs.page({ state: query.state }, query);
  }

  @Get('jobs/:id')
  @Header('cache-control', 'no-store')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: JobView })
  @ApiNotFoundResponse({ description: 'No such job' })
  @ApiBadRequestResponse({ description: 'Malformed id' })
  async get(@Param('id', uuid) id: string): Promise<JobView> {
    return JobView.of(await this.jobs.get(id));
  }

  @Get('jobs/:id/errors')
  @Header('cache-control', 'no-store')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({
    type: JobIssuePage,
    description: 'Per-record errors and the warnings of the job, in the order they arose',
  })
  @ApiNotFoundResponse({ description: 'No such job' })
  @ApiBadRequestResponse({ description: 'Malformed id, filter or cursor' })
  issues(@Param('id', uuid) id: string, @Query() query: ListIssuesQuery): Promise<JobIssuePage> {
    return this.jobs.issues(id, query);
  }

  @Post('jobs/:id/cancel')
  @HttpCode(202)
  @ManagesHarvests()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({
    type: JobView,
    description: 'Cancel requested; the job ends as cancelled within moments',
  })
  @ApiNotFoundResponse({ description: 'No such job' })
  @ApiConflictResponse({ description: 'The job has finished already' })
  async cancel(@Param('id', uuid) id: string): Promise<JobView> {
    return JobView.of(await this.jobs.cancel(id));
  }
}
