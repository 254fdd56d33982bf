import { Injectable } from '@nestjs/common';
import { OverviewService } from '../../overview/overview.service';
import { FindingRowView, ListPages } from '../list-pages';
import { ReportData } from './report-data';
import { renderReportPdf } from './report-pdf';

/** Findings listed in the PDF at most; the CSV export has them all. */
const REPORT_FINDINGS_LIMIT = 2000;

@Injectable()
export class ReportService {
  constructor(
    private readonly overview: OverviewService,
    private readonly pages: ListPages,
  ) {}

  async data(now = new Date()): Promise<ReportData> {
    const [summary, { laender }, platformTypes, twinUseCases, summaryFindings] = await Promise.all([
      this.overview.summary(),
      this.overview.laender(),
      this.overview.coverage('platformType'),
      this.overview.coverage('twinUseCase'),
      this.collectFindings(),
    ]);
    return {
      generatedAt: now,
      summary,
      laender,
      coverage: [platformTypes, twinUseCases],
      ...summaryFindings,
    };
  }

  private async collectFindings(): Promise<Pick<ReportData, 'findings' | 'findingsLeftOut'>> {
    const findings: FindingRowView[] = [];
    let leftOut = 0;
    for await (const finding of this.pages.findings({}))
      if (findings.length < REPORT_FINDINGS_LIMIT) findings.push(finding);
      else leftOut++;
    return { findings, findingsLeftOut: leftOut };
  }

  async pdf(): Promise<Buffer> {
    return renderReportPdf(await this.data());
  }
}
