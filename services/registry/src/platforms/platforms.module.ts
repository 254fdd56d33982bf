import { Module } from '@nestjs/common';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { PlatformsController } from './platforms.controller';
import { PlatformsRepository } from './platforms.repository';
import { PlatformsService } from './platforms.service';

@Module({
  controllers: [PlatformsController],
  providers: [PlatformsService, PlatformsRepository, BearerAuthGuard],
})
export class PlatformsModule {}
