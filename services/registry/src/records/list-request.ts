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
  return {
    limit: query.limit,
    cursor: query.cursor,
    sort: query.sort,
    q: query.q,
    bbox,
    filters: { ...filters, source: query.source, updatedSince: query.updatedSince },
  };
}
