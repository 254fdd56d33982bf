import { CurrentViewer, Viewer } from '../../auth/viewer';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { findingFilter } from '../../handlungsbedarfe/finding-view';
import { OverviewService } from '../../overview/overview.service';
import {
  CoverageCsvQuery,
  CsvQuery,
  FindingsCsvQuery,
  HarvestCsvQuery,
  ItemsCsvQuery,
} from '../exports.queries';
import { COVERAGE_LABELS } from '../labels';
import { ListPages } from '../list-pages';
import { attachment, csvStream } from './csv';
import {
  coverageColumns,
  FINDING_COLUMNS,
  HARVEST_COLUMNS,
  ITEM_COLUMNS,
  LAND_COLUMNS,
  QUALITY_COLUMNS,
} from './csv-columns';

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
const CSV_RESPONSE = {
  description:
    'RFC 4180 CSV, UTF-8 with byte-order mark, German headers, CRLF line ends; ' +
    '`Content-Disposition: attachment` with a dated file name',
  schema: { type: 'string' as const },
};

/** CSV of every list view of the API, with the same filters. Public, read-only. */
@ApiTags('exports')
@Controller('api/v1/exports')
export class CsvExportController {
  constructor(
    private readonly overview: OverviewService,
    private readonly pages: ListPages,
  ) {}

  private send(reply: FastifyReply, name: string, body: Readable): FastifyReply {
    return reply
      .header('content-type', CSV_TYPE)
      .header('content-disposition', attachment(name, 'csv'))
      .header('cache-control', 'no-store')
      .send(body);
  }

  @Get('items.csv')
  @ApiOperation({
    summary: 'Inventory items as CSV (the filters of GET /items; all pages, streamed)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  items(
    @Query() query: ItemsCsvQuery,
    @CurrentViewer() viewer: Viewer,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const { delimiter, ...filter } = query;
    const rows = this.pages.items(filter, viewer);
    return this.send(reply, 'items', csvStream(ITEM_COLUMNS, rows, delimiter));
  }

  @Get('findings.csv')
  @ApiOperation({ summary: 'Handlungsbedarfe as CSV (the filters of GET /findings; all pages)' })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  findings(
    @Query() query: FindingsCsvQuery,
    @CurrentViewer() viewer: Viewer,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const { delimiter, ...filter } = query;
    const rows = this.pages.findings(findingFilter(filter, viewer));
    return this.send(reply, 'handlungsbedarfe', csvStream(FINDING_COLUMNS, rows, delimiter));
  }

  @Get('laender.csv')
  @ApiOperation({ summary: 'The 16 Länder with their aggregates as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  async laender(@Query() query: CsvQuery, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { laender } = await this.overview.laender();
    return this.send(reply, 'laender', csvStream(LAND_COLUMNS, laender, query.delimiter));
  }

  @Get('coverage.csv')
  @ApiOperation({ summary: 'Coverage matrix (Land × platform type, twin use case or EU theme)' })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  async coverage(
    @Query() query: CoverageCsvQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const dimension = query.dimension ?? 'platformType';
    const matrix = await this.overview.coverage(dimension);
    const columns = coverageColumns(matrix.columns, COVERAGE_LABELS[dimension]);
    return this.send(
      reply,
      `abdeckung-${dimension}`,
      csvStream(columns, matrix.rows, query.delimiter),
    );
  }

  @Get('quality.csv')
  @ApiOperation({ summary: 'Metadata quality per Land (MQA-style) as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  async quality(@Query() query: CsvQuery, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { laender } = await this.overview.quality();
    return this.send(reply, 'qualitaet', csvStream(QUALITY_COLUMNS, laender, query.delimiter));
  }

  @Get('harvest-sources.csv')
  @ApiOperation({ summary: 'Harvest sources with freshness and success as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  async harvest(
    @Query() query: HarvestCsvQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const { sources } = await this.overview.harvest(query.landCode);
    return this.send(
      reply,
      'harvest-quellen',
      csvStream(HARVEST_COLUMNS, sources, query.delimiter),
    );
  }
}
