import { CoverageMatrix, LandOverview, Summary } from '../../overview/dto/views';
import { FindingRowView } from '../list-pages';

/** Everything the interim report shows, read once at the start of a request. */
export interface ReportData {
  generatedAt: Date;
  summary: Summary;
  laender: LandOverview[];
  coverage: CoverageMatrix[];
  findings: FindingRowView[];
  /** Findings beyond the report's limit (the CSV export has them all). */
  findingsLeftOut: number;
}
