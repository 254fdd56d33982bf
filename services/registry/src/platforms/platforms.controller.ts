import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RecordController } from '../records/record.controller';
import { RecordsService } from '../records/records.service';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { PLATFORM_KIND } from './platform.kind';
import { PlatformsService } from './platforms.service';

@ApiTags('platforms')
@Controller('api/v1/platforms')
export class PlatformsController extends RecordController({
  kind: PLATFORM_KIND,
  path: '/api/v1/platforms',
  view: PlatformView,
}) {
  constructor(
    records: RecordsService,
    private readonly platforms: PlatformsService,
  ) {
    super(records);
  }

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: PlatformPage })
  list(@Query() query: ListPlatformsQuery): Promise<PlatformPage> {
    return this.platforms.list(query);
  }
}
