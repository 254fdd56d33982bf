import { Viewer } from '../../auth/viewer';
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

  async data(viewer: Viewer, now = new Date()): Promise<ReportData> {
    const [summary, { laender }, platformTypes, twinUseCases, summaryFindings] = await Promise.all([
      this.overview.summary(),
      this.overview.laender(),
      this.overview.coverage('platformType'),
      this.overview.coverage('twinUseCase'),
      this.collectFindings(viewer),
    ]);
    return {
      generatedAt: now,
      summary,
      laender,
      coverage: [platformTypes, twinUseCases],
      ...summaryFindings,
    };
  }

  private async collectFindings(
    viewer: Viewer,
  ): Promise<Pick<ReportData, 'findings' | 'findingsLeftOut'>> {
    const findings: FindingRowView[] = [];
    let leftOut = 0;
    for await (const finding of this.pages.findings({ scope: viewer.scope }))
      if (findings.length < REPORT_FINDINGS_LIMIT) findings.push(finding);
      else leftOut++;
    return { findings, findingsLeftOut: leftOut };
  }

  /** The report as the viewer may read it (findings about the NON_PUBLIC records it reads too). */
  async pdf(viewer: Viewer): Promise<Buffer> {
    return renderReportPdf(await this.data(viewer));
  }
}
