import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RecordController } from '../records/record.controller';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { PLATFORM_KIND } from './platform.kind';

@ApiTags('platforms')
@Controller('api/v1/platforms')
export class PlatformsController extends RecordController({
  kind: PLATFORM_KIND,
  path: '/api/v1/platforms',
  view: PlatformView,
}) {
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: PlatformPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (application/problem+json)' })
  async list(@Query() query: ListPlatformsQuery): Promise<PlatformPage> {
    const page = await this.records.list(PLATFORM_KIND, { land_code: query.landCode }, query);
    return { items: page.items.map((p) => PlatformView.of(p)), nextCursor: page.nextCursor };
  }
}
