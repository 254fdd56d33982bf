import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InventorySummary } from './dto/summary.view';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@Controller('api/v1/inventory')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Get('summary')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({
    type: InventorySummary,
    description: 'Registered platforms per Land (all 16 Länder)',
  })
  summary(): Promise<InventorySummary> {
    return this.inventory.summary();
  }
}
