import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-principal.decorator';
import type { Viewer } from '../auth/visibility';
import { listRequestOf } from '../records/list-request';
import { RecordController } from '../records/record.controller';
import { DIGITAL_TWIN_KIND, DIGITAL_TWIN_LIST } from './digital-twin.kind';
import { DigitalTwinPage, DigitalTwinView } from './dto/digital-twin.view';
import { ListDigitalTwinsQuery } from './dto/list-digital-twins.query';

@ApiTags('digital twins')
@Controller('api/v1/twins')
export class DigitalTwinsController extends RecordController({
  kind: DIGITAL_TWIN_KIND,
  path: '/api/v1/twins',
  view: DigitalTwinView,
}) {
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: DigitalTwinPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (application/problem+json)' })
  async list(
    @Query() query: ListDigitalTwinsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DigitalTwinPage> {
    const page = await this.records.list(
      DIGITAL_TWIN_KIND,
      DIGITAL_TWIN_LIST,
      listRequestOf(query, {
        landCode: query.landCode,
        kind: query.kind,
        scope: query.scope,
        maturityLevel: query.maturityLevel,
        useCase: query.useCase,
        format: query.format,
      }),
      viewer,
    );
    return { ...page, items: page.items.map((t) => DigitalTwinView.of(t)) };
  }
}
