import { validationProblem } from '@dpi/service-kit';
import { parseBbox } from './list.query';
import { ListRequest } from './records.service';

/** The generic part of a list query (paging, sort, q, bbox) plus the kind's filters. */
export function listRequestOf(
  query: {
    limit?: number;
    cursor?: string;
    sort?: string;
    q?: string;
    bbox?: string;
    source?: string;
    updatedSince?: string;
  },
  filters: Record<string, string | number | undefined>,
): ListRequest {
  let bbox: ListRequest['bbox'];
  if (query.bbox !== undefined) {
    const parsed = parseBbox(query.bbox);
    if (!parsed)
      throw validationProblem([
        {
          field: 'bbox',
          message: 'bbox must be west,south,east,north with west ≤ east, south ≤ north in WGS84',
        },
      ]);
    bbox = parsed;
  }
  let updatedSince: string | undefined;
  if (query.updatedSince !== undefined) {
    // In UTC: RFC 3339 allows offsets up to ±23:59, PostgreSQL only ±15:59.
    const time = new Date(query.updatedSince);
    if (Number.isNaN(time.getTime()) || !query.updatedSince.includes('T'))
      throw validationProblem([
        { field: 'updatedSince', message: 'updatedSince must be an RFC 3339 date-time' },
      ]);
    updatedSince = time.toISOString();
  }
  return {
    limit: query.limit,
    cursor: query.cursor,
    sort: query.sort,
    q: query.q,
    bbox,
    filters: {
      ...filters,
      source: query.source,
      updatedSince,
    },
  };
}
