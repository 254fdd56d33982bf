import { assertFilterXml, CswError, ISO_OUTPUT_SCHEMA } from '@dpi/csw';
import {
  applyMergePatch,
  checkIfMatch,
  flattenValidationErrors,
  ProblemException,
  staleVersion,
  validationProblem,
  type FieldError,
} from '@dpi/service-kit';
import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { HarvesterEnv } from '../config';
import { RecordStore } from '../harvest/record-store.repository';
import { SourceLock } from '../jobs/source-lock';
import { ScheduleService } from '../scheduling/schedule.service';
import { cronProblem, nextRun, shortestInterval } from './cron';
import { SourceDto } from './dto/source.dto';
import { NextRunsView, SourceView } from './dto/source.view';
import { HarvestSourceEntity } from './entities/harvest-source.entity';
import { SourcesRepository } from './sources.repository';

const DEFAULTS = {
  protocol: 'csw-2.0.2',
  outputSchema: ISO_OUTPUT_SCHEMA,
  typeNames: 'gmd:MD_Metadata',
  pageSize: 100,
  concurrency: 1,
  timeoutMs: 120_000,
  retry: { maxAttempts: 3, backoffMs: 2000, maxBackoffMs: 60_000 },
  enabled: true,
} as const;

/** Who asked, for logs and the correlation of what follows. */
export interface RequestInfo {
  requestId: string;
}

/**
 * Harvest sources: validated beyond the DTO (cron expressions, filter XML), versioned with ETags,
 * and kept in step with the scheduler on every write. Deleting a source withdraws its records.
 */
@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourcesRepository,
    private readonly records: RecordStore,
    private readonly schedules: ScheduleService,
    @Inject(ConfigService) private readonly config: ConfigService<HarvesterEnv, true>,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('SourcesService');
  }

  list(filters: { landCode?: string; enabled?: boolean }): Promise<HarvestSourceEntity[]> {
    return this.sources.list({
      landCode: filters.landCode === 'federal' ? null : filters.landCode,
      enabled: filters.enabled,
    });
  }

  async get(id: string): Promise<HarvestSourceEntity> {
    const source = await this.sources.findLive(id);
    if (!source) throw new NotFoundException(`harvest source ${id} does not exist`);
    return source;
  }

  async create(dto: SourceDto, request: RequestInfo): Promise<HarvestSourceEntity> {
    this.assertUsable(dto);
    const now = new Date();
    const source = Object.assign(new HarvestSourceEntity(), this.fieldsOf(dto), {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      version: 1,
      deletedAt: null,
    });
    await this.sources.insert(source);
    this.schedules.sync(source);
    this.logger.info({ sourceId: source.id, name: source.name, ...request }, 'source created');
    return source;
  }

  /** RFC 7386 merge patch of the writable fields, validated as a whole afterwards. */
  async patch(
    id: string,
    patch: unknown,
    ifMatch: string | undefined,
    request: RequestInfo,
  ): Promise<HarvestSourceEntity> {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw validationProblem([
        { field: '(body)', message: 'a merge patch must be a JSON object' },
      ]);
    }
    const current = await this.get(id);
    // Required, as for every registry write: 428 without, 412 when stale.
    checkIfMatch(ifMatch, current.version);
    const merged = plainToInstance(SourceDto, applyMergePatch(writableOf(current), patch));
    const errors = await validate(merged, {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    });
    if (errors.length > 0) throw validationProblem(flattenValidationErrors(errors));
    this.assertUsable(merged);
    const candidate = Object.assign(new HarvestSourceEntity(), current, this.fieldsOf(merged));
    if (JSON.stringify(writableOf(candidate)) === JSON.stringify(writableOf(current))) {
      return current; // nothing changed: no new version
    }
    const next = Object.assign(candidate, { version: current.version + 1, updatedAt: new Date() });
    if (!(await this.sources.update(next, current.version))) {
      throw staleVersion((await this.get(id)).version);
    }
    this.schedules.sync(next);
    this.logger.info({ sourceId: id, version: next.version, ...request }, 'source changed');
    return next;
  }

  /**
   * Deletes a source: its schedules stop, and every record harvested from it is withdrawn
   * (tombstones). Refused while a job of the source is active (it holds the source lock).
   */
  async remove(id: string, ifMatch: string | undefined, request: RequestInfo): Promise<void> {
    const current = await this.get(id);
    // Required, as for every registry write: 428 without, 412 when stale.
    checkIfMatch(ifMatch, current.version);
    const lock = await SourceLock.tryAcquire(
      this.config.get('DATABASE_URL', { infer: true }),
      this.config.get('DB_SCHEMA', { infer: true }),
      id,
    );
    if (!lock) {
      throw new ProblemException({
        type: 'urn:dpi:problem:job-active',
        status: HttpStatus.CONFLICT,
        detail: `source "${current.name}" has an active job; cancel it or wait until it finished, then delete`,
      });
    }
    try {
      const withdrawn = await this.sources.transaction(async (manager) => {
        const n = await this.records.withdrawAll(manager, id, {
          jobId: request.requestId,
          correlationId: request.requestId,
        });
        await this.sources.markDeleted(manager, id);
        return n;
      });
      this.schedules.remove(id);
      this.logger.info(
        { sourceId: id, withdrawn, ...request },
        'source deleted; records withdrawn',
      );
    } finally {
      await lock.release();
    }
  }

  nextRuns(source: HarvestSourceEntity): NextRunsView {
    const timeZone = this.config.get('HARVEST_CRON_TIMEZONE', { infer: true });
    const next = (expression: string | null) =>
      source.enabled && expression && cronProblem(expression, timeZone) === null
        ? nextRun(expression, timeZone).toISOString()
        : null;
    return { incremental: next(source.incrementalSchedule), full: next(source.fullSchedule) };
  }

  view(source: HarvestSourceEntity): SourceView {
    return SourceView.of(source, this.nextRuns(source));
  }

  /** What class-validator cannot check: cron expressions and filter XML. */
  private assertUsable(dto: SourceDto): void {
    const timeZone = this.config.get('HARVEST_CRON_TIMEZONE', { infer: true });
    const minInterval = this.config.get('HARVEST_MIN_SCHEDULE_INTERVAL_SECONDS', { infer: true });
    const errors: FieldError[] = [];
    for (const field of ['incrementalSchedule', 'fullSchedule'] as const) {
      const expression = dto[field];
      if (expression === null || expression === undefined) continue;
      const problem = cronProblem(expression, timeZone);
      if (problem) {
        errors.push({ field, message: `${field} is not a usable cron expression: ${problem}` });
      } else if (shortestInterval(expression, timeZone) < minInterval) {
        errors.push({
          field,
          message: `${field} fires more often than every ${minInterval} s; harvest a catalogue less often`,
        });
      }
    }
    if (dto.constraint?.language === 'FILTER') {
      try {
        assertFilterXml(dto.constraint.text);
      } catch (error) {
        const message = error instanceof CswError ? error.message : String(error);
        errors.push({ field: 'constraint.text', message });
      }
    }
    if (errors.length > 0) throw validationProblem(errors);
  }

  private fieldsOf(dto: SourceDto): Partial<HarvestSourceEntity> {
    const retry = { ...DEFAULTS.retry, ...withoutUnset(dto.retry ?? {}) };
    return {
      name: dto.name,
      landCode: dto.landCode ?? null,
      url: dto.url,
      protocol: dto.protocol ?? DEFAULTS.protocol,
      outputSchema: dto.outputSchema ?? DEFAULTS.outputSchema,
      typeNames: dto.typeNames ?? DEFAULTS.typeNames,
      constraintLanguage: dto.constraint?.language ?? null,
      constraintText: dto.constraint?.text ?? null,
      pageSize: dto.pageSize ?? DEFAULTS.pageSize,
      concurrency: dto.concurrency ?? DEFAULTS.concurrency,
      timeoutMs: dto.timeoutMs ?? DEFAULTS.timeoutMs,
      retryMaxAttempts: retry.maxAttempts,
      retryBackoffMs: retry.backoffMs,
      retryMaxBackoffMs: retry.maxBackoffMs,
      maxRequestsPerSecond: dto.maxRequestsPerSecond ?? null,
      incrementalSchedule: dto.incrementalSchedule?.trim() || null,
      fullSchedule: dto.fullSchedule?.trim() || null,
      enabled: dto.enabled ?? DEFAULTS.enabled,
    };
  }
}

/** The members given a value: null, as in a merge patch, means "not set", i.e. the default. */
function withoutUnset<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as Partial<T>;
}

/** The writable fields in request form: what a merge patch applies to. */
export function writableOf(source: HarvestSourceEntity): Record<string, unknown> {
  const view = SourceView.of(source, { incremental: null, full: null });
  const {
    id: _id,
    nextRuns: _next,
    version: _version,
    createdAt: _created,
    updatedAt: _updated,
    ...writable
  } = view;
  return writable;
}
