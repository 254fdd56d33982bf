import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordsModule } from '../records/records.module';
import { PlatformsController } from './platforms.controller';

@Module({
  imports: [AuthModule, RecordsModule],
  controllers: [PlatformsController],
})
export class PlatformsModule {}
