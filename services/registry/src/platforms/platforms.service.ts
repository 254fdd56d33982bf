import { validationProblem } from '@dpi/service-kit';
import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './cursor';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { PlatformsRepository } from './platforms.repository';

/** Platform queries; writes go through the generic RecordsService (see PlatformsController). */
@Injectable()
export class PlatformsService {
  constructor(private readonly repository: PlatformsRepository) {}

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
