import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RecordController } from '../records/record.controller';
import { DIGITAL_TWIN_KIND } from './digital-twin.kind';
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
  async list(@Query() query: ListDigitalTwinsQuery): Promise<DigitalTwinPage> {
    const page = await this.records.list(
      DIGITAL_TWIN_KIND,
      {
        land_code: query.landCode,
        kind: query.kind,
        scope: query.scope,
        maturity_level: query.maturityLevel === undefined ? undefined : String(query.maturityLevel),
      },
      query,
    );
    return { items: page.items.map((t) => DigitalTwinView.of(t)), nextCursor: page.nextCursor };
  }
}
