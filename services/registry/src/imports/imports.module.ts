import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordsModule } from '../records/records.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [AuthModule, RecordsModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
