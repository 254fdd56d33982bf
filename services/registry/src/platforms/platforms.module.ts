import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordsModule } from '../records/records.module';
import { PlatformsController } from './platforms.controller';
import { PlatformsRepository } from './platforms.repository';
import { PlatformsService } from './platforms.service';

@Module({
  imports: [AuthModule, RecordsModule],
  controllers: [PlatformsController],
  providers: [PlatformsService, PlatformsRepository],
})
export class PlatformsModule {}
