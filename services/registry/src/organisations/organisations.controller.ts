import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-principal.decorator';
import type { Viewer } from '../auth/visibility';
import { listRequestOf } from '../records/list-request';
import { RecordController } from '../records/record.controller';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationPage, OrganisationView } from './dto/organisation.view';
import { ORGANISATION_KIND, ORGANISATION_LIST } from './organisation.kind';

@ApiTags('organisations')
@Controller('api/v1/organisations')
export class OrganisationsController extends RecordController({
  kind: ORGANISATION_KIND,
  path: '/api/v1/organisations',
  view: OrganisationView,
}) {
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: OrganisationPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (application/problem+json)' })
  async list(
    @Query() query: ListOrganisationsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganisationPage> {
    const page = await this.records.list(
      ORGANISATION_KIND,
      ORGANISATION_LIST,
      listRequestOf(query, { landCode: query.landCode, level: query.level }),
      viewer,
    );
    return { ...page, items: page.items.map((r) => OrganisationView.of(r)) };
  }
}
