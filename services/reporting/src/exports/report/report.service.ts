import { Viewer } from '../../auth/viewer';
import { Injectable } from '@nestjs/common';
import { InventoryItemView } from '../../overview/dto/views';
import { OverviewService } from '../../overview/overview.service';
import { RoundsService } from '../../rounds/rounds.service';
import { FindingRowView, ListPages } from '../list-pages';
import { ReportData } from './report-data';
import { renderReportPdf } from './report-pdf';

/** Findings listed in the PDF at most; the CSV export has them all. */
const REPORT_FINDINGS_LIMIT = 2000;
/** Platforms and twins listed in a Land's report at most (items.csv has them all). */
const REPORT_ENTRIES_LIMIT = 500;
/** Closed survey rounds in the report, the most recently closed first. */
const REPORT_ROUNDS_LIMIT = 10;

@Injectable()
export class ReportService {
  constructor(
    private readonly overview: OverviewService,
    private readonly pages: ListPages,
    private readonly rounds: RoundsService,
  ) {}

  /** What the report shows; with `landCode` the report of that Land. */
  async data(viewer: Viewer, now = new Date(), landCode?: string): Promise<ReportData> {
    const [summary, { laender }, platformTypes, twinUseCases, summaryFindings, entries, rounds] =
      await Promise.all([
        this.overview.summary(),
        this.overview.laender(),
        this.overview.coverage('platformType'),
        this.overview.coverage('twinUseCase'),
        this.collectFindings(viewer, landCode),
        landCode ? this.collectEntries(viewer, landCode) : undefined,
        this.rounds.closedResults(viewer.scope, REPORT_ROUNDS_LIMIT),
      ]);
    const overview = landCode ? laender.find((l) => l.code === landCode) : undefined;
    const coverage = [platformTypes, twinUseCases];
    return {
      generatedAt: now,
      summary,
      laender: overview ? [overview] : laender,
      coverage: overview
        ? coverage.map((m) => ({ ...m, rows: m.rows.filter((r) => r.landCode === landCode) }))
        : coverage,
      ...summaryFindings,
      land: overview && entries ? { overview, ...entries } : undefined,
      rounds,
    };
  }

  private async collectFindings(
    viewer: Viewer,
    landCode?: string,
  ): Promise<Pick<ReportData, 'findings' | 'findingsLeftOut'>> {
    const findings: FindingRowView[] = [];
    let leftOut = 0;
    for await (const finding of this.pages.findings({ scope: viewer.scope, landCode }))
      if (findings.length < REPORT_FINDINGS_LIMIT) findings.push(finding);
      else leftOut++;
    return { findings, findingsLeftOut: leftOut };
  }

  private async collectEntries(
    viewer: Viewer,
    landCode: string,
  ): Promise<{ entries: InventoryItemView[]; entriesLeftOut: number }> {
    const entries: InventoryItemView[] = [];
    let leftOut = 0;
    for (const kind of ['platform', 'twin'] as const)
      for await (const item of this.pages.items({ landCode, kind }, viewer))
        if (entries.length < REPORT_ENTRIES_LIMIT) entries.push(item);
        else leftOut++;
    return { entries, entriesLeftOut: leftOut };
  }

  /** The report as the viewer may read it (findings about the NON_PUBLIC records it reads too). */
  async pdf(viewer: Viewer, landCode?: string): Promise<Buffer> {
    return renderReportPdf(await this.data(viewer, new Date(), landCode));
  }
}
