import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordsModule } from '../records/records.module';
import { DigitalTwinsController } from './digital-twins.controller';

@Module({
  imports: [AuthModule, RecordsModule],
  controllers: [DigitalTwinsController],
})
export class DigitalTwinsModule {}
