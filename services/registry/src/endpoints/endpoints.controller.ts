import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-principal.decorator';
import type { Viewer } from '../auth/visibility';
import { listRequestOf } from '../records/list-request';
import { RecordController } from '../records/record.controller';
import { EndpointPage, EndpointView } from './dto/endpoint.view';
import { ListEndpointsQuery } from './dto/list-endpoints.query';
import { ENDPOINT_KIND, ENDPOINT_LIST } from './endpoint.kind';

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
  async list(
    @Query() query: ListEndpointsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EndpointPage> {
    const page = await this.records.list(
      ENDPOINT_KIND,
      ENDPOINT_LIST,
      listRequestOf(query, { landCode: query.landCode, serviceType: query.serviceType }),
      viewer,
    );
    return { ...page, items: page.items.map((r) => EndpointView.of(r)) };
  }
}
