import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RecordController } from '../records/record.controller';
import { EndpointPage, EndpointView } from './dto/endpoint.view';
import { ListEndpointsQuery } from './dto/list-endpoints.query';
import { ENDPOINT_KIND } from './endpoint.kind';

@ApiTags('endpoints')
@Controller('api/v1/endpoints')
export class EndpointsController extends RecordController({
  kind: ENDPOINT_KIND,
  path: '/api/v1/endpoints',
  view: EndpointView,
}) {
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: EndpointPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (application/problem+json)' })
  async list(@Query() query: ListEndpointsQuery): Promise<EndpointPage> {
    const page = await this.records.list(
      ENDPOINT_KIND,
      { land_code: query.landCode, service_type: query.serviceType },
      query,
    );
    return { items: page.items.map((e) => EndpointView.of(e)), nextCursor: page.nextCursor };
  }
}
