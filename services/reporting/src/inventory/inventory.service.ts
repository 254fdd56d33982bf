import { LAENDER } from '@dpi/domain';
import { Injectable } from '@nestjs/common';
import { InventorySummary } from './dto/summary.view';
import { InventoryRepository } from './inventory.repository';

@Injectable()
export class InventoryService {
  constructor(private readonly repository: InventoryRepository) {}

  /** All 16 Länder with their platforms and digital twins (zero where none are registered). */
  async summary(): Promise<InventorySummary> {
    const [platforms, twins] = await Promise.all([
      this.repository.platformCountsByLand(),
      this.repository.twinCountsByLand(),
    ]);
    const laender = LAENDER.map((land) => ({
      code: land.code,
      name: land.name,
      platforms: platforms.get(land.code) ?? 0,
      twins: twins.get(land.code) ?? 0,
    }));
    return {
      total: laender.reduce((sum, land) => sum + land.platforms, 0),
      totalTwins: laender.reduce((sum, land) => sum + land.twins, 0),
      laender,
      generatedAt: new Date().toISOString(),
    };
  }
}
