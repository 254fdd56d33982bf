import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { validationProblem } from '@dpi/service-kit';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentViewer, Viewer } from '../auth/viewer';
import { ItemQualityView, QualityDimensionsQuery, QualityDimensionsView } from './dto/quality.dto';
import { QualityService } from './quality.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PER_VIEWER =
  'Read live from the read models; NON_PUBLIC datasets count only for reviewers and their own ' +
  'Land’s editors (unlike `/quality`, whose precomputed aggregates count every dataset).';

/** Metadata quality in the MQA dimensions, with improvement tips (issue 21). */
@ApiTags('overview')
@Controller('api/v1')
export class QualityController {
  constructor(private readonly quality: QualityService) {}

  @Get('quality/dimensions')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Quality per Land in the five MQA dimensions, with the tips that would help most',
    description: PER_VIEWER,
  })
  @ApiOkResponse({ type: QualityDimensionsView })
  dimensions(
    @Query() query: QualityDimensionsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<QualityDimensionsView> {
    return this.quality.dimensions(viewer, query.land);
  }

  @Get('items/:id/quality')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'One dataset’s quality: points per indicator and dimension, and what to improve',
    description: PER_VIEWER,
  })
  @ApiOkResponse({ type: ItemQualityView })
  @ApiParam({ name: 'id', format: 'uuid', description: 'A dataset id' })
  @ApiNotFoundResponse({ description: 'No live dataset with this id that the caller may read' })
  item(@Param('id') id: string, @CurrentViewer() viewer: Viewer): Promise<ItemQualityView> {
    if (!UUID.test(id)) throw validationProblem([{ field: 'id', message: 'id must be a UUID' }]);
    return this.quality.item(id.toLowerCase(), viewer);
  }
}
