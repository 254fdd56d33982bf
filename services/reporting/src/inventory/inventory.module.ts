import { Module } from '@nestjs/common';
import { InventoryController } from './inventory.controller';
import { InventoryRepository } from './inventory.repository';
import { InventoryService } from './inventory.service';
import { PlatformEventsConsumer } from './platform-events.consumer';

@Module({
  controllers: [InventoryController],
  providers: [InventoryService, InventoryRepository, PlatformEventsConsumer],
})
export class InventoryModule {}
