import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Viewer } from './viewer';

export class ViewerView {
  @ApiProperty({ description: 'Sees unpublished records (role reviewer or admin)' })
  reviewer!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The token’s name; null without one' })
  name!: string | null;
}

@ApiTags('auth')
@Controller('api/v1/viewer')
export class ViewerController {
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Who reads: the public, or a reviewer (Authorization: Bearer <registry token>)',
    description: 'A token the registry does not know gets 401, as everywhere here.',
  })
  @ApiOkResponse({ type: ViewerView })
  viewer(@CurrentViewer() viewer: Viewer): ViewerView {
    return { reviewer: viewer.reviewer, name: viewer.name };
  }
}
