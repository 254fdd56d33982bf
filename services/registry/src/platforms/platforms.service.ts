import { validationProblem } from '@dpi/service-kit';
import { Injectable } from '@nestjs/common';
import { ChangeView } from '../history/dto/history.view';
import { RecordsService, RequestContext } from '../records/records.service';
import { decodeCursor, encodeCursor } from './cursor';
import { CreatePlatformDto } from './dto/create-platform.dto';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { PLATFORM_KIND } from './platform.kind';
import { PlatformsRepository } from './platforms.repository';

@Injectable()
export class PlatformsService {
  constructor(
    private readonly records: RecordsService,
    private readonly repository: PlatformsRepository,
  ) {}

  async create(dto: CreatePlatformDto, context: RequestContext): Promise<PlatformView> {
    return PlatformView.of(await this.records.create(PLATFORM_KIND, dto, context));
  }

  async get(id: string): Promise<PlatformView> {
    return PlatformView.of(await this.records.get(PLATFORM_KIND, id));
  }

  async replace(
    id: string,
    dto: CreatePlatformDto,
    ifMatch: string | undefined,
    context: RequestContext,
  ) {
    return PlatformView.of(await this.records.replace(PLATFORM_KIND, id, dto, ifMatch, context));
  }

  async patch(id: string, patch: unknown, ifMatch: string | undefined, context: RequestContext) {
    return PlatformView.of(await this.records.patch(PLATFORM_KIND, id, patch, ifMatch, context));
  }

  remove(id: string, ifMatch: string | undefined, context: RequestContext): Promise<void> {
    return this.records.remove(PLATFORM_KIND, id, ifMatch, context);
  }

  historyOf(id: string): Promise<ChangeView[]> {
    return this.records.historyOf(PLATFORM_KIND, id);
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
