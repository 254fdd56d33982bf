import { ChangeKind } from '@dpi/contracts';
import {
  applyMergePatch,
  checkIfMatch,
  flattenValidationErrors,
  staleVersion,
  validationProblem,
} from '@dpi/service-kit';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { assertMayWrite } from '../auth/authorization';
import { Principal } from '../auth/principal';
import { RegistryEnv } from '../config';
import { ChangeView } from '../history/dto/history.view';
import { ChangeOperation } from '../history/entities/change-log.entity';
import { diffFields, FieldChange, JsonValue } from '../history/field-diff';
import { HistoryRepository } from '../history/history.repository';
import { decodeCursor, encodeCursor } from './cursor';
import { CreatePlatformDto } from './dto/create-platform.dto';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { PlatformEntity } from './entities/platform.entity';
import { EventContext, platformChangedEvent, platformDeletedEvent } from './platform.events';
import { PlatformsRepository } from './platforms.repository';

export interface RequestContext {
  principal: Principal;
  requestId: string;
}

/** Fields a client writes (PUT body, merge-patch document); the rest the registry maintains. */
const WRITABLE = ['landCode', 'name', 'description', 'homepage', 'type', 'status'] as const;
type Writable = Record<(typeof WRITABLE)[number], JsonValue>;

const writableOf = (p: PlatformEntity): Writable => ({
  landCode: p.landCode,
  name: p.name,
  description: p.description,
  homepage: p.homepage,
  type: p.type,
  status: p.status,
});

/** The document a merge patch applies to: absent optional fields are simply not there. */
const documentOf = (p: PlatformEntity) =>
  Object.fromEntries(
    Object.entries(writableOf(p)).filter(
      ([key, value]) => !(value === null || (key === 'description' && value === '')),
    ),
  );

@Injectable()
export class PlatformsService {
  private readonly topicPrefix: string;

  constructor(
    private readonly repository: PlatformsRepository,
    private readonly history: HistoryRepository,
    @Inject(ConfigService) config: ConfigService<RegistryEnv, true>,
  ) {
    this.topicPrefix = config.get('KAFKA_TOPIC_PREFIX', { infer: true });
  }

  async create(dto: CreatePlatformDto, context: RequestContext): Promise<PlatformView> {
    assertMayWrite(context.principal, dto.landCode);
    const now = new Date();
    const platform = Object.assign(new PlatformEntity(), {
      id: randomUUID(),
      ...this.fieldsFrom(dto),
      source: 'manual' as const,
      createdBy: context.principal.name,
      createdAt: now,
      updatedAt: now,
      version: 1,
      deletedAt: null,
    });
    await this.repository.insert(platform, {
      change: this.change(
        platform,
        'create',
        diffFields(null, writableOf(platform), WRITABLE),
        context,
      ),
      events: [platformChangedEvent(platform, ChangeKind.CREATED, this.eventContext(context))],
    });
    return PlatformView.of(platform);
  }

  async get(id: string): Promise<PlatformView> {
    return PlatformView.of(await this.current(id));
  }

  async list(query: ListPlatformsQuery): Promise<PlatformPage> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after === null)
      throw validationProblem([{ field: 'cursor', message: 'cursor is malformed' }]);
    const rows = await this.repository.page({ landCode: query.landCode, limit: limit + 1, after });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((p) => PlatformView.of(p)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  /** PUT: the body is the complete new state. */
  async replace(
    id: string,
    dto: CreatePlatformDto,
    ifMatch: string | undefined,
    context: RequestContext,
  ) {
    const current = await this.current(id);
    assertMayWrite(context.principal, current.landCode, dto.landCode);
    checkIfMatch(ifMatch, current.version);
    return this.update(current, this.fieldsFrom(dto), context);
  }

  /** PATCH: an RFC 7386 merge patch of the writable fields, validated as a whole afterwards. */
  async patch(id: string, patch: unknown, ifMatch: string | undefined, context: RequestContext) {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw validationProblem([
        { field: '(body)', message: 'a merge patch must be a JSON object' },
      ]);
    }
    const current = await this.current(id);
    const merged = plainToInstance(CreatePlatformDto, applyMergePatch(documentOf(current), patch));
    const errors = await validate(merged, {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    });
    if (errors.length > 0) throw validationProblem(flattenValidationErrors(errors));
    assertMayWrite(context.principal, current.landCode, merged.landCode);
    checkIfMatch(ifMatch, current.version);
    return this.update(current, this.fieldsFrom(merged), context);
  }

  /** DELETE: soft; the record stays in the history, a tombstone goes to Kafka. */
  async remove(id: string, ifMatch: string | undefined, context: RequestContext): Promise<void> {
    const current = await this.current(id);
    assertMayWrite(context.principal, current.landCode);
    checkIfMatch(ifMatch, current.version);
    const now = new Date();
    const next = Object.assign(new PlatformEntity(), current, {
      version: current.version + 1,
      updatedAt: now,
      deletedAt: now,
    });
    const stored = await this.repository.update(next, current.version, {
      change: this.change(next, 'delete', diffFields(writableOf(current), null, WRITABLE), context),
      events: [platformDeletedEvent(next, this.eventContext(context))],
    });
    if (!stored) throw staleVersion((await this.current(id)).version);
  }

  async historyOf(id: string): Promise<ChangeView[]> {
    const entries = await this.history.listFor('platform', id);
    if (entries.length === 0) throw new NotFoundException(`platform ${id} does not exist`);
    return entries.map((e) => ChangeView.of(e));
  }

  private async update(
    current: PlatformEntity,
    fields: ReturnType<PlatformsService['fieldsFrom']>,
    context: RequestContext,
  ): Promise<PlatformView> {
    const changes = diffFields(
      writableOf(current),
      { ...writableOf(current), ...fields },
      WRITABLE,
    );
    if (changes.length === 0) return PlatformView.of(current); // nothing changed: no new version, no event
    const next = Object.assign(new PlatformEntity(), current, fields, {
      version: current.version + 1,
      updatedAt: new Date(),
    });
    const stored = await this.repository.update(next, current.version, {
      change: this.change(next, 'update', changes, context),
      events: [platformChangedEvent(next, ChangeKind.UPDATED, this.eventContext(context))],
    });
    // Someone else changed it between our read and our write: same answer as a stale ETag.
    if (!stored) throw staleVersion((await this.current(current.id)).version);
    return PlatformView.of(next);
  }

  private async current(id: string): Promise<PlatformEntity> {
    const platform = await this.repository.findById(id);
    if (!platform || platform.deletedAt)
      throw new NotFoundException(`platform ${id} does not exist`);
    return platform;
  }

  private fieldsFrom(dto: CreatePlatformDto) {
    return {
      landCode: dto.landCode,
      name: dto.name,
      description: dto.description ?? '',
      homepage: dto.homepage ?? null,
      type: dto.type,
      status: dto.status,
    };
  }

  private change(
    platform: PlatformEntity,
    operation: ChangeOperation,
    changes: FieldChange[],
    context: RequestContext,
  ) {
    return {
      entityType: 'platform',
      entityId: platform.id,
      version: platform.version,
      operation,
      changedBy: context.principal.name,
      changedAt: platform.updatedAt,
      changes,
      correlationId: context.requestId,
    };
  }

  private eventContext(context: RequestContext): EventContext {
    return {
      topicPrefix: this.topicPrefix,
      correlationId: context.requestId,
      causationId: context.requestId,
    };
  }
}
