import { CurrentViewer, Viewer } from '../auth/viewer';
import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CoverageQuery, ItemsQuery, LandFilterQuery } from './dto/queries';
import {
  CoverageMatrix,
  HarvestStatus,
  ItemsPage,
  LandDetail,
  LandsView,
  QualityView,
  Summary,
} from './dto/views';
import { OverviewService } from './overview.service';

const FROM_AGGREGATES =
  'Read from the precomputed aggregates (`asOf`: when they were computed; refreshed about a ' +
  'second after a change).';

/** The AG's view of the inventory: read-only, public. */
@ApiTags('overview')
@Controller('api/v1')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get('summary')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Totals, coverage, maturity, standards, open data, findings, quality',
    description: FROM_AGGREGATES,
  })
  @ApiOkResponse({ type: Summary })
  summary(): Promise<Summary> {
    return this.overview.summary();
  }

  @Get('laender')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'All 16 Länder with their aggregates', description: FROM_AGGREGATES })
  @ApiOkResponse({ type: LandsView })
  laender(): Promise<LandsView> {
    return this.overview.laender();
  }

  @Get('laender/:code')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'One Land: aggregates, platform types, use cases, maturity, standards',
    description: FROM_AGGREGATES,
  })
  @ApiOkResponse({ type: LandDetail })
  @ApiNotFoundResponse({ description: 'Not one of the 16 ISO 3166-2 codes' })
  land(@Param('code') code: string): Promise<LandDetail> {
    return this.overview.land(code);
  }

  @Get('items')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Platforms, twins, datasets and endpoints, flattened with Land and links',
    description: 'Sorted by title; pass `nextCursor` as `cursor` for the next page.',
  })
  @ApiOkResponse({ type: ItemsPage })
  items(@Query() query: ItemsQuery, @CurrentViewer() viewer: Viewer): Promise<ItemsPage> {
    return this.overview.items(query, viewer);
  }

  @Get('coverage')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Coverage matrix: Land × platform type, twin use case or EU theme',
    description: FROM_AGGREGATES,
  })
  @ApiOkResponse({ type: CoverageMatrix })
  coverage(@Query() query: CoverageQuery): Promise<CoverageMatrix> {
    return this.overview.coverage(query.dimension ?? 'platformType');
  }

  @Get('harvest/sources')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Freshness and success of every harvest source, from job events' })
  @ApiOkResponse({ type: HarvestStatus })
  harvest(@Query() query: LandFilterQuery): Promise<HarvestStatus> {
    return this.overview.harvest(query.landCode);
  }

  @Get('quality')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Metadata quality score per Land (MQA-style; method in the README)',
    description: FROM_AGGREGATES,
  })
  @ApiOkResponse({ type: QualityView })
  quality(): Promise<QualityView> {
    return this.overview.quality();
  }
}
