import { OwsExceptionError, HttpStatusError } from '../errors';
import type { ForeignRecord, IsoRecord } from '../iso/types';
import type { CswClient, HttpMethod, PageResult } from './client';
import { SORT_BY_IDENTIFIER, type GetRecordsQuery } from './requests';

export interface HarvestOptions extends Omit<GetRecordsQuery, 'sortBy'> {
  /** maxRecords per page. Default 100. */
  pageSize?: number;
  /** Default 1. */
  startPosition?: number;
  /**
   * Sort by `apiso:Identifier` so that pages are stable while the catalogue changes.
   * `auto` (default): try it, and page unsorted (with a warning) if the first page is refused.
   */
  sortByIdentifier?: boolean | 'auto';
  /** Ask `resultType=hits` first (default true), as the count to check completeness against. */
  hitsFirst?: boolean;
  /** Safety stop. Default: unlimited (the stop rules end every harvest). */
  maxPages?: number;
  /** Warn about fileIdentifiers seen twice (keeps a set of identifiers). Default true. */
  detectDuplicates?: boolean;
  signal?: AbortSignal;
  onRecord: (record: IsoRecord) => void | Promise<void>;
  onForeignRecord?: (record: ForeignRecord) => void | Promise<void>;
  /**
   * After every page, e.g. to store it. Called in page order, one call at a time; while it runs the
   * next page is already being requested and read (set `prefetch: false` to wait instead). A
   * failing onPage stops the harvest with its error.
   */
  onPage?: (page: PageResult) => void | Promise<void>;
  /** Read the next page while onPage handles the previous one. Default true. */
  prefetch?: boolean;
}

/** Why paging ended: GeoNetwork's four rules, plus our own count and the safety stop. */
export type HarvestStopReason =
  | 'nextRecordZero'
  | 'nextRecordBeyondMatched'
  | 'emptyPage'
  | 'nextRecordBackwards'
  | 'endOfResults'
  | 'maxPages';

export type HarvestWarningCode =
  | 'FEWER_RECORDS_THAN_ANNOUNCED'
  | 'PAGE_WARNING'
  | 'NEXT_RECORD_MISSING'
  | 'NEXT_RECORD_INCONSISTENT'
  | 'NEXT_RECORD_BACKWARDS'
  | 'MATCHED_CHANGED'
  | 'INCOMPLETE'
  | 'SORTBY_UNSUPPORTED'
  | 'DUPLICATE_IDENTIFIER';

export interface HarvestWarning {
  code: HarvestWarningCode;
  message: string;
  /** startPosition of the page concerned. */
  start?: number;
}

export interface HarvestResult {
  /** From the hits request (or the first page when `hitsFirst` is false). */
  numberOfRecordsMatched: number | null;
  received: number;
  isoRecords: number;
  foreignRecords: number;
  pages: number;
  stopReason: HarvestStopReason;
  /** `received === numberOfRecordsMatched`. */
  complete: boolean;
  sortedByIdentifier: boolean;
  method: HttpMethod | 'auto';
  warnings: HarvestWarning[];
}

const MAX_WARNINGS = 1000;

/**
 * Harvests every record of a query, page by page: `start += numberOfRecordsReturned`, stopping on
 * GeoNetwork's rules (nextRecord 0, nextRecord > matched, an empty page, nextRecord going
 * backwards) or once start passes the matched count. Server inconsistencies become warnings and the
 * result says whether the count of records received equals numberOfRecordsMatched. Errors (HTTP,
 * network, XML) are thrown: the caller decides about retries, and must never treat a failed
 * harvest as "records deleted".
 */
export async function harvestAll(
  client: CswClient,
  options: HarvestOptions,
): Promise<HarvestResult> {
  const pageSize = options.pageSize ?? 100;
  const warnings: HarvestWarning[] = [];
  const warn = (w: HarvestWarning): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(w);
  };
  const { onRecord, onForeignRecord, onPage } = options;
  // Aborts the request in flight when onPage fails, so the harvest stops at once.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const prefetch = options.prefetch ?? true;
  /** The onPage call in flight, settled to its error (or null): never an unhandled rejection. */
  let storing: Promise<unknown> = Promise.resolve(null);
  const stored = async (): Promise<void> => {
    const error = await storing;
    storing = Promise.resolve(null);
    if (error !== null) throw error;
  };
  const query: GetRecordsQuery = {
    typeNames: options.typeNames,
    outputSchema: options.outputSchema,
    elementSetName: options.elementSetName,
    constraint: options.constraint,
  };

  let matched: number | null = null;
  if (options.hitsFirst ?? true) {
    matched = (await client.getRecordsHits(query, signal)).numberOfRecordsMatched;
  }

  const seen = (options.detectDuplicates ?? true) ? new Set<string>() : null;
  const onIso = async (record: IsoRecord): Promise<void> => {
    if (seen && record.fileIdentifier !== null) {
      if (seen.has(record.fileIdentifier)) {
        warn({
          code: 'DUPLICATE_IDENTIFIER',
          message: `fileIdentifier ${record.fileIdentifier} delivered twice`,
        });
      } else {
        seen.add(record.fileIdentifier);
      }
    }
    await onRecord(record);
  };
  const handlers = { onRecord: onIso, onForeignRecord };

  let sorted = options.sortByIdentifier ?? 'auto';
  let start = options.startPosition ?? 1;
  let pages = 0;
  let received = 0;
  let isoRecords = 0;
  let foreignRecords = 0;
  let missingNextWarned = false;
  let stopReason: HarvestStopReason | null = null;

  while (stopReason === null) {
    let page: PageResult;
    const request = { ...query, start, maxRecords: pageSize, signal };
    try {
      try {
        page = await client.getRecordsPage(
          { ...request, sortBy: sorted ? SORT_BY_IDENTIFIER : undefined },
          handlers,
        );
      } catch (e) {
        // Only the first page can tell that SortBy is refused; nothing has been delivered then.
        if (
          sorted !== 'auto' ||
          pages > 0 ||
          !(e instanceof OwsExceptionError || e instanceof HttpStatusError)
        ) {
          throw e;
        }
        warn({
          code: 'SORTBY_UNSUPPORTED',
          message: `request with SortBy refused (${(e as Error).message}); paging unsorted`,
          start,
        });
        sorted = false;
        page = await client.getRecordsPage(request, handlers);
      }
    } catch (e) {
      // The previous page is stored (or fails) before anything is reported: its error wins.
      await stored();
      throw e;
    }
    if (sorted === 'auto') sorted = true;
    pages++;
    received += page.received;
    isoRecords += page.isoRecords;
    foreignRecords += page.foreignRecords;
    for (const message of page.warnings) {
      const fewer = message.includes('announced');
      warn({ code: fewer ? 'FEWER_RECORDS_THAN_ANNOUNCED' : 'PAGE_WARNING', message, start });
    }
    if (matched === null) matched = page.numberOfRecordsMatched;
    else if (page.numberOfRecordsMatched !== null && page.numberOfRecordsMatched !== matched) {
      warn({
        code: 'MATCHED_CHANGED',
        message: `numberOfRecordsMatched changed from ${matched} to ${page.numberOfRecordsMatched} during the harvest`,
        start,
      });
    }
    if (onPage) {
      await stored();
      const current = page;
      storing = (async () => onPage(current))().then(
        () => null,
        (error: unknown) => {
          stop.abort();
          return error;
        },
      );
      if (!prefetch) await stored();
    }

    const announced = page.numberOfRecordsReturned ?? 0;
    const step = Math.max(announced, page.received);
    const next = page.nextRecord;
    const pageMatched = page.numberOfRecordsMatched ?? matched;

    if (step === 0) stopReason = 'emptyPage';
    else if (next === 0) stopReason = 'nextRecordZero';
    else if (next !== null && pageMatched !== null && next > pageMatched)
      stopReason = 'nextRecordBeyondMatched';
    else if (next !== null && next <= start) {
      stopReason = 'nextRecordBackwards';
      warn({
        code: 'NEXT_RECORD_BACKWARDS',
        message: `nextRecord ${next} after a page starting at ${start}`,
        start,
      });
    } else {
      if (next === null && !missingNextWarned) {
        missingNextWarned = true;
        warn({
          code: 'NEXT_RECORD_MISSING',
          message: 'pages have no usable nextRecord; paging by count',
          start,
        });
      } else if (next !== null && next !== start + step) {
        warn({
          code: 'NEXT_RECORD_INCONSISTENT',
          message: `nextRecord ${next} but ${start} + ${step} returned = ${start + step}; paging by count`,
          start,
        });
      }
      start += step;
      if (pageMatched !== null && start > pageMatched) stopReason = 'endOfResults';
      else if (options.maxPages !== undefined && pages >= options.maxPages) stopReason = 'maxPages';
    }
  }

  await stored();
  const complete = matched !== null && received === matched;
  if (!complete) {
    warn({
      code: 'INCOMPLETE',
      message:
        matched === null
          ? `received ${received} records; the catalogue did not say how many match`
          : `received ${received} of ${matched} matched records (stopped: ${stopReason})`,
    });
  }
  return {
    numberOfRecordsMatched: matched,
    received,
    isoRecords,
    foreignRecords,
    pages,
    stopReason,
    complete,
    sortedByIdentifier: sorted === true,
    method: client.currentMethod,
    warnings,
  };
}
