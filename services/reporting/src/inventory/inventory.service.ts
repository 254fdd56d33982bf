import { LAENDER } from '@dpi/domain';
import { Injectable } from '@nestjs/common';
import { InventorySummary } from './dto/summary.view';
import { InventoryRepository } from './inventory.repository';

@Injectable()
export class InventoryService {
  constructor(private readonly repository: InventoryRepository) {}

  async summary(): Promise<InventorySummary> {
    const counts = await this.repository.platformCountsByLand();
    const laender = LAENDER.map((land) => ({
      code: land.code,
      name: land.name,
      platforms: counts.get(land.code) ?? 0,
    }));
    return {
      total: laender.reduce((sum, land) => sum + land.platforms, 0),
      laender,
      generatedAt: new Date().toISOString(),
    };
  }
}
