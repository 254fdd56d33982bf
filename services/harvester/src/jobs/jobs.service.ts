import { validationProblem, ProblemException } from '@dpi/service-kit';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import {
  DEFAULT_PAGE_SIZE,
  decodeIdCursor,
  decodeTimeCursor,
  encodeIdCursor,
  encodeTimeCursor,
} from '../common/paging';
import { SourcesRepository } from '../sources/sources.repository';
import { JobIssueView, JobView, type JobIssuePage, type JobPage } from './dto/job.view';
import type { ListIssuesQuery, ListJobsQuery } from './dto/job.queries';
import type { HarvestJobEntity, HarvestMode } from './entities/harvest-job.entity';
import { JobSupervisor } from './job-supervisor.service';
import { JobsRepository } from './jobs.repository';

/** The job API: start, read, page and cancel. */
@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly sources: SourcesRepository,
    private readonly supervisor: JobSupervisor,
  ) {}

  async run(
    sourceId: string,
    mode: HarvestMode,
    requestedBy: string,
    correlationId: string,
  ): Promise<HarvestJobEntity> {
    const source = await this.sources.findLive(sourceId);
    if (!source) throw new NotFoundException(`harvest source ${sourceId} does not exist`);
    const job = await this.supervisor.start(source, mode, {
      kind: 'manual',
      requestedBy,
      correlationId,
    });
    if (!job) throw new Error('a manual run was not started'); // only scheduled ticks return null
    return job;
  }

  async get(id: string): Promise<HarvestJobEntity> {
    const job = await this.jobs.findById(id);
    if (!job) throw new NotFoundException(`harvest job ${id} does not exist`);
    return job;
  }

  async pageOfSource(sourceId: string, query: ListJobsQuery): Promise<JobPage> {
    if (!(await this.jobs.sourceOf(sourceId))) {
      throw new NotFoundException(`harvest source ${sourceId} does not exist`);
    }
    return this.page({ sourceId, state: query.state }, query);
  }

  async page(
    filters: { sourceId?: string; state?: ListJobsQuery['state'] },
    query: ListJobsQuery,
  ): Promise<JobPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const before = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
    const rows = await this.jobs.page(filters, limit + 1, before);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((job) => JobView.of(job)),
      nextCursor: rows.length > limit && last ? encodeTimeCursor(last.queuedAt, last.id) : null,
    };
  }

  async issues(jobId: string, query: ListIssuesQuery): Promise<JobIssuePage> {
    await this.get(jobId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeIdCursor(query.cursor) : undefined;
    const rows = await this.jobs.issues(jobId, query.severity, limit + 1, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((issue) => JobIssueView.of(issue)),
      nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null,
    };
  }

  /**
   * Cancels an active job: at once when it runs in this process, at its next page (or the next
   * sweep) when it runs in another replica. 409 when it has finished already.
   */
  async cancel(jobId: string): Promise<HarvestJobEntity> {
    const job = await this.get(jobId);
    const marked = await this.jobs.requestCancel(jobId);
    if (!marked) {
      throw new ProblemException({
        type: 'urn:dpi:problem:job-finished',
        status: HttpStatus.CONFLICT,
        detail: `job ${jobId} has finished already (${job.state}); there is nothing to cancel`,
      });
    }
    this.supervisor.cancelLocal(jobId);
    return marked;
  }
}

/** Mode from body or query; both given and different is a client error. */
export function modeOf(body?: HarvestMode, query?: HarvestMode): HarvestMode {
  if (body && query && body !== query) {
    throw validationProblem([
      { field: 'mode', message: `mode is ${body} in the body but ${query} in the query` },
    ]);
  }
  return body ?? query ?? 'full';
}
