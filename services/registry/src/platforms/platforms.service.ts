import { ChangeKind } from '@dpi/contracts';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { validationProblem } from '@dpi/service-kit';
import { Principal } from '../auth/principal';
import { RegistryEnv } from '../config';
import { decodeCursor, encodeCursor } from './cursor';
import { CreatePlatformDto } from './dto/create-platform.dto';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { PlatformEntity } from './entities/platform.entity';
import { platformChangedEvent } from './platform.events';
import { PlatformsRepository } from './platforms.repository';

export interface RequestContext {
  principal: Principal;
  requestId: string;
}

@Injectable()
export class PlatformsService {
  private readonly topicPrefix: string;

  constructor(
    private readonly repository: PlatformsRepository,
    @Inject(ConfigService) config: ConfigService<RegistryEnv, true>,
  ) {
    this.topicPrefix = config.get('KAFKA_TOPIC_PREFIX', { infer: true });
  }

  async create(dto: CreatePlatformDto, context: RequestContext): Promise<PlatformView> {
    const now = new Date();
    const platform = Object.assign(new PlatformEntity(), {
      id: randomUUID(),
      landCode: dto.landCode,
      name: dto.name,
      description: dto.description ?? '',
      homepage: dto.homepage ?? null,
      type: dto.type,
      status: dto.status,
      source: 'manual' as const,
      createdBy: context.principal.name,
      createdAt: now,
      updatedAt: now,
      version: 1,
      deletedAt: null,
    });
    const event = platformChangedEvent(platform, ChangeKind.CREATED, {
      topicPrefix: this.topicPrefix,
      correlationId: context.requestId,
      causationId: context.requestId,
    });
    await this.repository.insertWithEvents(platform, [event]);
    return PlatformView.of(platform);
  }

  async get(id: string): Promise<PlatformView> {
    const platform = await this.repository.findById(id);
    if (!platform || platform.deletedAt)
      throw new NotFoundException(`platform ${id} does not exist`);
    return PlatformView.of(platform);
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
}
