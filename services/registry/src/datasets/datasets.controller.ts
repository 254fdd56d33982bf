import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-principal.decorator';
import type { Viewer } from '../auth/visibility';
import { listRequestOf } from '../records/list-request';
import { RecordController } from '../records/record.controller';
import { DATASET_KIND, DATASET_LIST } from './dataset.kind';
import { DatasetPage, DatasetView } from './dto/dataset.view';
import { ListDatasetsQuery } from './dto/list-datasets.query';

@ApiTags('datasets')
@Controller('api/v1/datasets')
export class DatasetsController extends RecordController({
  kind: DATASET_KIND,
  path: '/api/v1/datasets',
  view: DatasetView,
}) {
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: DatasetPage, description: 'A page of datasets with facet counts' })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (application/problem+json)' })
  async list(
    @Query() query: ListDatasetsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DatasetPage> {
    const page = await this.records.list(
      DATASET_KIND,
      DATASET_LIST,
      listRequestOf(query, {
        landCode: query.landCode,
        theme: query.theme,
        hierarchyLevel: query.hierarchyLevel,
        licence: query.licence,
        openData: query.openData,
        harvestSourceId: query.harvestSourceId,
      }),
      viewer,
    );
    return { ...page, items: page.items.map((d) => DatasetView.of(d)) };
  }
}
