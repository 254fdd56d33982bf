import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { HistoryRepository } from '../history/history.repository';
import { PlatformsController } from './platforms.controller';
import { PlatformsRepository } from './platforms.repository';
import { PlatformsService } from './platforms.service';

@Module({
  imports: [AuthModule],
  controllers: [PlatformsController],
  providers: [PlatformsService, PlatformsRepository, HistoryRepository],
})
export class PlatformsModule {}
