import { Module } from '@nestjs/common';
import { InventoryController } from './inventory.controller';
import { InventoryRepository } from './inventory.repository';
import { InventoryService } from './inventory.service';
import { RegistryEventsConsumer } from './registry-events.consumer';

@Module({
  controllers: [InventoryController],
  providers: [InventoryService, InventoryRepository, RegistryEventsConsumer],
})
export class InventoryModule {}
