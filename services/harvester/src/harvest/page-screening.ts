import { snippetOf, type ForeignRecord, type IsoRecord } from '@dpi/csw';
import type { IssueSeverity } from '../jobs/entities/job-issue.entity';

/** A record fit to be stored and published. */
export interface RecordCandidate {
  fileIdentifier: string;
  record: IsoRecord;
}

/** An error or warning about one record or page, before it is stored with its job. */
export interface IssueDraft {
  severity: IssueSeverity;
  code: string;
  identifier: string | null;
  message: string;
  snippet: string | null;
}

export interface ScreenedPage {
  candidates: RecordCandidate[];
  issues: IssueDraft[];
  /** Records that cannot be harvested (each has an error issue). */
  failed: number;
}

/** Identifiers become Kafka keys and primary keys: bounded, printable, not blank. */
const MAX_IDENTIFIER_LENGTH = 1000;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A short description of a record for an issue: what an operator needs to find it. */
export function recordSummary(record: IsoRecord): string {
  const parts = [
    record.title ? `title: ${record.title}` : 'no title',
    `hierarchyLevel: ${record.hierarchyLevel}`,
    record.dateStamp ? `dateStamp: ${record.dateStamp}` : null,
  ].filter(Boolean);
  return snippetOf(parts.join('; '));
}

function identifierProblem(identifier: string): string | null {
  if (identifier.trim() === '') return 'fileIdentifier is blank';
  if (identifier.length > MAX_IDENTIFIER_LENGTH)
    return `fileIdentifier is longer than ${MAX_IDENTIFIER_LENGTH} characters`;
  if (CONTROL_CHARACTERS.test(identifier)) return 'fileIdentifier contains control characters';
  return null;
}

/**
 * Sorts one page's records into those to store and the issues to record: records without a usable
 * fileIdentifier, with parser errors or of another schema fail; parser warnings are kept; a record
 * delivered twice in one page counts once (the later copy wins).
 */
export function screenPage(records: IsoRecord[], foreign: ForeignRecord[]): ScreenedPage {
  const issues: IssueDraft[] = [];
  const byIdentifier = new Map<string, RecordCandidate>();
  let failed = 0;
  const fail = (code: string, identifier: string | null, message: string, snippet: string) => {
    failed++;
    issues.push({ severity: 'error', code, identifier, message, snippet });
  };

  for (const record of records) {
    const id = record.fileIdentifier;
    if (id === null) {
      fail(
        'MISSING_FILE_IDENTIFIER',
        null,
        'record without gmd:fileIdentifier: it cannot be identified, so it is not harvested',
        recordSummary(record),
      );
      continue;
    }
    const problem = identifierProblem(id);
    if (problem) {
      fail('INVALID_FILE_IDENTIFIER', snippetOf(id, 200), problem, recordSummary(record));
      continue;
    }
    const errors = record.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      fail(errors[0].code, id, errors.map((e) => e.message).join('; '), recordSummary(record));
      continue;
    }
    const warnings = record.issues.filter((i) => i.severity === 'warning');
    if (warnings.length > 0) {
      issues.push({
        severity: 'warning',
        code: warnings[0].code,
        identifier: id,
        message: warnings.map((w) => w.message).join('; '),
        snippet: null,
      });
    }
    if (byIdentifier.has(id)) {
      issues.push({
        severity: 'warning',
        code: 'DUPLICATE_IDENTIFIER',
        identifier: id,
        message: `fileIdentifier ${id} delivered twice in one page; the later copy is used`,
        snippet: null,
      });
      byIdentifier.delete(id);
    }
    byIdentifier.set(id, { fileIdentifier: id, record });
  }

  for (const record of foreign) {
    fail(
      'NOT_ISO_19139',
      record.identifier,
      `record of schema ${record.schema} instead of ISO 19139 (the catalogue ignored outputSchema?)`,
      snippetOf(`title: ${record.title ?? '(none)'}; type: ${record.type ?? '(none)'}`),
    );
  }
  return { candidates: [...byIdentifier.values()], issues, failed };
}
