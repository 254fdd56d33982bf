import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-principal.decorator';
import type { Viewer } from '../auth/visibility';
import { listRequestOf } from '../records/list-request';
import { RecordController } from '../records/record.controller';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { PLATFORM_KIND, PLATFORM_LIST } from './platform.kind';

@ApiTags('platforms')
@Controller('api/v1/platforms')
export class PlatformsController extends RecordController({
  kind: PLATFORM_KIND,
  path: '/api/v1/platforms',
  view: PlatformView,
}) {
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: PlatformPage, description: 'A page of platforms with facet counts' })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (application/problem+json)' })
  async list(
    @Query() query: ListPlatformsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PlatformPage> {
    const page = await this.records.list(
      PLATFORM_KIND,
      PLATFORM_LIST,
      listRequestOf(query, {
        landCode: query.landCode,
        type: query.type,
        status: query.status,
        theme: query.theme,
        standard: query.standard,
        reusability: query.reusability,
      }),
      viewer,
    );
    return { ...page, items: page.items.map((p) => PlatformView.of(p)) };
  }
}
