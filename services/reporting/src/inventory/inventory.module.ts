import { Module } from '@nestjs/common';
import { HandlungsbedarfeModule } from '../handlungsbedarfe/handlungsbedarfe.module';
import { LiveModule } from '../live/live.module';
import { InventoryController } from './inventory.controller';
import { InventoryRepository } from './inventory.repository';
import { InventoryService } from './inventory.service';
import { ReadModelsConsumer } from './read-models.consumer';

@Module({
  imports: [LiveModule, HandlungsbedarfeModule],
  controllers: [InventoryController],
  providers: [InventoryService, InventoryRepository, ReadModelsConsumer],
})
export class InventoryModule {}
