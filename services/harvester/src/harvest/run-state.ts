import {
  CswError,
  HttpStatusError,
  NotXmlError,
  XmlSyntaxError,
  type CswConstraint,
} from '@dpi/csw';
import type { ProgressDelta } from '../jobs/jobs.repository';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import type { IssueDraft } from './page-screening';

/** Codes of harvestAll warnings that were already recorded page by page. */
export const PAGE_WARNING_CODES = new Set(['FEWER_RECORDS_THAN_ANNOUNCED', 'PAGE_WARNING']);
/** Tombstones per transaction. */
export const WITHDRAW_BATCH = 500;

/** What one run has counted and still has to store. */
export class RunTotals {
  received = 0;
  failed = 0;
  warnings = 0;
  issuesStored = 0;
  lastEventAt = Date.now();
  /** Warnings that arose between pages (retries); stored with the next write. */
  pending: IssueDraft[] = [];

  add(delta: ProgressDelta): void {
    this.received += delta.received;
    this.failed += delta.failed;
    this.warnings += delta.warnings;
  }
}

export const warning = (
  code: string,
  message: string,
  identifier: string | null = null,
): IssueDraft => ({
  severity: 'warning',
  code,
  identifier,
  message,
  snippet: null,
});

export const noDelta = (): ProgressDelta => ({
  received: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  failed: 0,
  warnings: 0,
  pages: 0,
  deleted: 0,
});

export function sourceConstraint(source: HarvestSourceEntity): CswConstraint | undefined {
  if (!source.constraintText) return undefined;
  return source.constraintLanguage === 'CQL_TEXT'
    ? { cql: source.constraintText }
    : { filter: source.constraintText };
}

export function errorMessageOf(error: unknown): string {
  if (error instanceof CswError) return error.message;
  if (error instanceof Error) return `internal error: ${error.message}`;
  return error === null || error === undefined ? '' : `internal error: ${String(error)}`;
}

export function snippetOfError(error: unknown): string | null {
  if (error instanceof NotXmlError || error instanceof HttpStatusError)
    return error.snippet || null;
  if (error instanceof XmlSyntaxError && error.line !== undefined) {
    return `line ${error.line}, column ${error.column ?? '?'}`;
  }
  return null;
}
