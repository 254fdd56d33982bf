import type { CswConstraint, IsoRecordsParser, PageResult } from '@dpi/csw';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import type { PartitionedHarvestOptions } from './paging';
import { ResilientCswClient, type RequestPolicy } from './resilient-client';

/** The CSW client of one run: the source's URL, time-out, retry and rate settings. */
export function harvestClientFor(
  source: HarvestSourceEntity,
  options: {
    maxResponseBytes: number;
    parser: IsoRecordsParser | undefined;
    onRetry: NonNullable<RequestPolicy['onRetry']>;
  },
): ResilientCswClient {
  return new ResilientCswClient(
    {
      url: source.url,
      timeoutMs: source.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      parser: options.parser,
      // Each record's canonical XML travels with it: the CSW serves harvested records as harvested.
      parse: { keepDocument: true },
    },
    {
      maxAttempts: source.retryMaxAttempts,
      backoffMs: source.retryBackoffMs,
      maxBackoffMs: source.retryMaxBackoffMs,
      maxRequestsPerSecond: source.maxRequestsPerSecond,
      onRetry: options.onRetry,
    },
  );
}

/** How a run pages through the source: its page size, concurrency and query. */
export function pagingOptionsFor(
  source: HarvestSourceEntity,
  constraint: CswConstraint | undefined,
  signal: AbortSignal,
  onPage: (page: PageResult) => Promise<void>,
): PartitionedHarvestOptions {
  return {
    concurrency: source.concurrency,
    pageSize: source.pageSize,
    typeNames: source.typeNames,
    outputSchema: source.outputSchema,
    constraint,
    signal,
    detectDuplicates: false,
    onRecord: () => undefined,
    onPage,
  };
}
