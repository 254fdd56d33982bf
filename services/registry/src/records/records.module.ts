import { Module } from '@nestjs/common';
import { HistoryRepository } from '../history/history.repository';
import { RecordsRepository } from './records.repository';
import { RecordsService } from './records.service';

@Module({
  providers: [RecordsService, RecordsRepository, HistoryRepository],
  exports: [RecordsService],
})
export class RecordsModule {}
