import { CoverageMatrix, InventoryItemView, LandOverview, Summary } from '../../overview/dto/views';
import type { RoundProgressView } from '../../rounds/dto/rounds.dto';
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
  /** A report about one Land: the Land, its platforms and twins (the rest is filtered to it). */
  land?: { overview: LandOverview; entries: InventoryItemView[]; entriesLeftOut: number };
  /** The closed survey rounds, the most recently closed first, each with its per-Land result. */
  rounds: RoundProgressView[];
}
