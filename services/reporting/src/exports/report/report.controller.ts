import { CurrentViewer, Viewer } from '../../auth/viewer';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { findLand } from '@dpi/domain';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { attachment } from '../csv/csv';
import { ReportQuery } from './report.query';
import { ReportService } from './report.service';

@ApiTags('exports')
@Controller('api/v1/exports')
export class ReportController {
  constructor(private readonly report: ReportService) {}

  @Get('report.pdf')
  @ApiOperation({
    summary: 'Interim report of the AG as PDF, generated on the server',
    description:
      'German, A4: title page (AG Integrierte Datenplattformen, Zwischenbericht, date), a map ' +
      'of the 16 Länder shaded by platforms, the overview per Land, the coverage matrices ' +
      '(platform types, twin use cases) and the Handlungsbedarfe with rationale, grouped by ' +
      'severity, each in one sentence. With `land` the report of one Land: its figures, its ' +
      'platforms and twins, its coverage rows and its Handlungsbedarfe.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  async pdf(
    @Query() query: ReportQuery,
    @CurrentViewer() viewer: Viewer,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const land = query.land ? findLand(query.land) : undefined;
    const pdf = await this.report.pdf(viewer, land?.code);
    const name = land ? `laenderbericht-${land.abbr.toLowerCase()}` : 'zwischenbericht';
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachment(name, 'pdf'))
      .header('cache-control', 'no-store')
      .send(pdf);
  }
}
