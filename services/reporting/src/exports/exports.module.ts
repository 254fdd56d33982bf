import { Module } from '@nestjs/common';
import { AggregatesModule } from '../aggregates/aggregates.module';
import { HandlungsbedarfeModule } from '../handlungsbedarfe/handlungsbedarfe.module';
import { OverviewRepository } from '../overview/overview.repository';
import { OverviewService } from '../overview/overview.service';
import { CsvExportController } from './csv/csv-export.controller';
import { CswModule } from './csw/csw.module';
import { DcatController } from './dcat/dcat.controller';
import { ExportsRepository } from './exports.repository';
import { ListPages } from './list-pages';
import { OgcRecordsController } from './ogc/ogc-records.controller';
import { OgcRecordsRepository } from './ogc/ogc-records.repository';
import { OgcRecordsService } from './ogc/ogc-records.service';
import { OgcTrailingSlash } from './ogc/ogc-trailing-slash';
import { ReportController } from './report/report.controller';
import { RoundsModule } from '../rounds/rounds.module';
import { ReportService } from './report/report.service';

/**
 * Exports for the AG's report and for other catalogues: CSV of every list, the PDF interim
 * report, the DCAT-AP.de catalogue and OGC API – Records. All public and read-only. The
 * overview reads are stateless, so this module has its own instances of them rather than
 * widening OverviewModule's exports; the aggregates they read are the one shared snapshot.
 */
@Module({
  imports: [HandlungsbedarfeModule, AggregatesModule, CswModule, RoundsModule],
  controllers: [CsvExportController, ReportController, DcatController, OgcRecordsController],
  providers: [
    OverviewRepository,
    OverviewService,
    ExportsRepository,
    ListPages,
    ReportService,
    OgcRecordsRepository,
    OgcRecordsService,
    OgcTrailingSlash,
  ],
})
export class ExportsModule {}
