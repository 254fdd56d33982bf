import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Viewer } from '../auth/viewer';
import { LandProfile } from './dto/profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('overview')
@Controller('api/v1')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get('laender/:code/profile')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'A Land’s profile: platforms, twins, datasets, endpoints, harvest freshness, findings, quality',
    description:
      'Read live from the read models, as the caller may see them: NON_PUBLIC platforms and ' +
      'datasets are listed and counted only for reviewers and the Land’s own editors (the ' +
      'precomputed aggregates of `/laender/{code}` count them for everyone).',
  })
  @ApiOkResponse({ type: LandProfile })
  @ApiNotFoundResponse({ description: 'Not one of the 16 ISO 3166-2 codes' })
  profile(@Param('code') code: string, @CurrentViewer() viewer: Viewer): Promise<LandProfile> {
    return this.profiles.profile(code, viewer);
  }
}
