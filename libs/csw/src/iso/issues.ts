import type { IsoIssue, IsoIssueCode } from './types';

/** The issues found while extracting one record. */

export class Issues {
  readonly list: IsoIssue[] = [];
  error(code: IsoIssueCode, message: string): void {
    this.list.push({ severity: 'error', code, message });
  }
  warn(code: IsoIssueCode, message: string): void {
    this.list.push({ severity: 'warning', code, message });
  }
}
