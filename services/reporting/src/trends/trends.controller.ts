import { CurrentViewer, Viewer } from '../auth/viewer';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TrendsQuery, TrendsView } from './dto/trends.dto';
import { TrendsService } from './trends.service';

@ApiTags('overview')
@Controller('api/v1')
export class TrendsController {
  constructor(private readonly trends: TrendsService) {}

  @Get('trends')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'How each Land’s inventory grew and changed: registrations, withdrawals, harvested',
    description:
      'From the recorded history (`record_history`): per month or ISO week (Europe/Berlin), ' +
      'registered and withdrawn records per kind, harvested records added and withdrawn, and the ' +
      'inventory at each bucket’s end. Buckets ending before `recordedSince` are absent. ' +
      'NON_PUBLIC records count only for reviewers and their own Land’s editors.',
  })
  @ApiOkResponse({ type: TrendsView })
  get(@Query() query: TrendsQuery, @CurrentViewer() viewer: Viewer): Promise<TrendsView> {
    return this.trends.trends(query, viewer);
  }
}
