import { Injectable } from '@nestjs/common';
import type { HarvestJobEntity } from '../jobs/entities/harvest-job.entity';
import { JobsRepository, type ProgressDelta } from '../jobs/jobs.repository';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import { classifyPage } from './change-classifier';
import { withCompressedDocument } from './mapping/compressed-document';
import { publishedChecksum, toHarvestedRecord } from './mapping/record-mapping';
import { screenPage, type IssueDraft } from './page-screening';
import { recordChangedEvent, type RecordEventContext } from './record-events';
import { RecordStore } from './record-store.repository';
import type { BufferedPage } from './resilient-client';
import { noDelta, warning } from './run-state';

export interface PageWrite {
  job: HarvestJobEntity;
  source: HarvestSourceEntity;
  page: BufferedPage;
  /** Warnings that arose before this page (retries); stored with it. */
  pending: IssueDraft[];
  /** Issues the job has stored so far (for the cap). */
  issuesStored: number;
  /** Whether this page publishes the job's progress (throttled by the caller). */
  publish: boolean;
  events: RecordEventContext;
}

export interface PageWritten {
  /** The page's counter increments, and how many of its issues were stored. */
  delta: ProgressDelta & { issuesStored: number };
  /** The job as stored after the page (e.g. to see a cancel request). */
  stored: HarvestJobEntity;
}

/**
 * One page in one transaction: screen and map its records, lock what is stored of them, classify
 * (change-classifier.ts), write records and their events, the job's issues and its progress.
 */
@Injectable()
export class PageWriter {
  constructor(
    private readonly store: RecordStore,
    private readonly jobs: JobsRepository,
  ) {}

  write({ job, source, page, pending, issuesStored, publish, events }: PageWrite) {
    const screened = screenPage(page.records, page.foreign);
    const mapping = {
      sourceId: source.id,
      sourceName: source.name,
      landCode: source.landCode,
      jobId: job.id,
      harvestedAt: new Date(),
    };
    const candidates = screened.candidates.map(({ fileIdentifier, record }) => {
      const checksum = publishedChecksum(record, mapping);
      return {
        fileIdentifier,
        checksum,
        build: () => withCompressedDocument(toHarvestedRecord(record, mapping, checksum)),
      };
    });
    const pageWarnings = page.warnings.map((message) =>
      warning(
        message.includes('announced') ? 'FEWER_RECORDS_THAN_ANNOUNCED' : 'PAGE_WARNING',
        message,
      ),
    );

    return this.store.transaction(async (manager): Promise<PageWritten> => {
      const before = await this.store.lockStored(
        manager,
        source.id,
        candidates.map((c) => c.fileIdentifier),
      );
      const { outcome, writes, changed } = classifyPage(before, candidates, job.id);
      await this.store.writePage(
        manager,
        source.id,
        job.id,
        writes,
        changed.map(({ candidate, version }) =>
          recordChangedEvent(candidate.build(), version, events),
        ),
      );
      const issues = [
        ...pending,
        ...pageWarnings,
        ...screened.issues,
        ...outcome.repeated.map((id) =>
          warning(
            'DUPLICATE_IDENTIFIER',
            `fileIdentifier ${id} delivered again on a later page`,
            id,
          ),
        ),
      ];
      const delta: ProgressDelta = {
        ...noDelta(),
        received: page.received,
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        failed: screened.failed,
        warnings: issues.filter((i) => i.severity === 'warning').length,
        pages: 1,
      };
      const issuesAdded = await this.jobs.insertIssues(manager, job.id, issues, issuesStored);
      const stored = await this.jobs.updateIn(
        manager,
        job.id,
        page.numberOfRecordsMatched !== null ? { matched: page.numberOfRecordsMatched } : {},
        source,
        delta,
        publish,
      );
      return { delta: { ...delta, issuesStored: issuesAdded }, stored };
    });
  }
}
