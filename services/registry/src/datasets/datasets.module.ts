import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordsModule } from '../records/records.module';
import { DatasetsController } from './datasets.controller';

@Module({
  imports: [AuthModule, RecordsModule],
  controllers: [DatasetsController],
})
export class DatasetsModule {}
