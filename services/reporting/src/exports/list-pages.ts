import { Viewer } from '../auth/viewer';
import { findLand } from '@dpi/domain';
import { Injectable } from '@nestjs/common';
import { FindingView } from '../handlungsbedarfe/dto/views';
import { FindingFilter, FindingsRepository } from '../handlungsbedarfe/findings.repository';
import { findingView } from '../handlungsbedarfe/finding-view';
import { ItemsQuery } from '../overview/dto/queries';
import { InventoryItemView } from '../overview/dto/views';
import { OverviewService } from '../overview/overview.service';

/** Rows per database round trip of a streamed export. */
export const EXPORT_PAGE_SIZE = 1000;

export type FindingRowView = FindingView & { landName: string | null };

/**
 * The long lists as async iterables, one keyset page at a time through the same reads as the
 * API (so an export shows exactly what the list view shows), never the whole list in memory.
 */
@Injectable()
export class ListPages {
  constructor(
    private readonly overview: OverviewService,
    private readonly findingsRepository: FindingsRepository,
  ) {}

  /** Items of `query`; several kinds (`platform,twin`) one kind after the other. */
  async *items(
    query: Omit<ItemsQuery, 'limit' | 'cursor' | 'kind'> & { kind?: string },
    viewer: Viewer,
  ): AsyncGenerator<InventoryItemView> {
    const kinds = query.kind ? [...new Set(query.kind.split(','))] : [undefined];
    for (const kind of kinds) {
      let cursor: string | undefined;
      do {
        const page = await this.overview.items(
          { ...query, kind: kind as ItemsQuery['kind'], limit: EXPORT_PAGE_SIZE, cursor },
          viewer,
        );
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
  }

  async *findings(filter: Omit<FindingFilter, 'after' | 'limit'>): AsyncGenerator<FindingRowView> {
    let after: FindingFilter['after'];
    for (;;) {
      const { rows } = await this.findingsRepository.list({
        ...filter,
        after,
        limit: EXPORT_PAGE_SIZE,
      });
      for (const f of rows)
        yield {
          ...findingView(f),
          landName: f.land_code ? (findLand(f.land_code)?.name ?? null) : null,
        };
      const last = rows[rows.length - 1];
      if (rows.length < EXPORT_PAGE_SIZE || !last) return;
      after = { rank: last.rank, id: last.id };
    }
  }
}
