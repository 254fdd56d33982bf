import {
  harvestAll,
  type CswClient,
  type HarvestOptions,
  type HarvestResult,
  type HarvestWarning,
} from '@dpi/csw';

export interface PartitionedHarvestOptions extends HarvestOptions {
  /** Pagers working at once on disjoint ranges of the result set. */
  concurrency: number;
}

/** The 1-based start and page budget of each pager (the last one runs until the end). */
export function partitions(
  matched: number,
  pageSize: number,
  concurrency: number,
): { startPosition: number; maxPages: number | undefined }[] {
  const pages = Math.ceil(matched / pageSize);
  const count = Math.max(1, Math.min(concurrency, pages));
  const perPager = Math.ceil(pages / count);
  return Array.from({ length: count }, (_, i) => ({
    startPosition: 1 + i * perPager * pageSize,
    maxPages: i === count - 1 ? undefined : perPager,
  })).filter((p) => p.startPosition <= Math.max(1, matched));
}

/**
 * `harvestAll` with `concurrency` pagers: after one hits request, the result set is split into
 * contiguous ranges of whole pages, each paged by its own `harvestAll` (same stop rules), and the
 * completeness check is made once over all of them. With concurrency 1 it is `harvestAll` itself.
 * The first failing pager stops the others and its error is thrown.
 */
export async function harvestPartitioned(
  client: CswClient,
  options: PartitionedHarvestOptions,
): Promise<HarvestResult> {
  const { concurrency, ...harvest } = options;
  const pageSize = harvest.pageSize ?? 100;
  if (concurrency <= 1) return harvestAll(client, harvest);

  const query = {
    typeNames: harvest.typeNames,
    outputSchema: harvest.outputSchema,
    elementSetName: harvest.elementSetName,
    constraint: harvest.constraint,
  };
  const matched = (await client.getRecordsHits(query, harvest.signal)).numberOfRecordsMatched;
  const ranges = partitions(matched, pageSize, concurrency);
  if (ranges.length <= 1) return harvestAll(client, { ...harvest, hitsFirst: false });

  const stop = new AbortController();
  const signal = harvest.signal ? AbortSignal.any([harvest.signal, stop.signal]) : stop.signal;
  let firstError: unknown = null;
  const results = await Promise.all(
    ranges.map((range) =>
      harvestAll(client, {
        ...harvest,
        ...range,
        hitsFirst: false,
        detectDuplicates: false,
        signal,
      }).catch((error: unknown) => {
        firstError ??= error;
        stop.abort();
        return null;
      }),
    ),
  );
  if (firstError !== null) throw firstError;
  const done = results as HarvestResult[];
  const received = sum(done.map((r) => r.received));
  const warnings: HarvestWarning[] = done.flatMap((r) =>
    r.warnings.filter((w) => w.code !== 'INCOMPLETE'),
  );
  const last = done[done.length - 1];
  const complete = received === matched;
  if (!complete) {
    warnings.push({
      code: 'INCOMPLETE',
      message: `received ${received} of ${matched} matched records (${done.length} pagers; last stopped: ${last.stopReason})`,
    });
  }
  return {
    numberOfRecordsMatched: matched,
    received,
    isoRecords: sum(done.map((r) => r.isoRecords)),
    foreignRecords: sum(done.map((r) => r.foreignRecords)),
    pages: sum(done.map((r) => r.pages)),
    stopReason: last.stopReason,
    complete,
    sortedByIdentifier: done.every((r) => r.sortedByIdentifier),
    method: last.method,
    warnings,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
