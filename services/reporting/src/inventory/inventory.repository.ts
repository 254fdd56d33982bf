import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Reads of the read-model tables behind `GET /inventory/summary`. */
@Injectable()
export class InventoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async twinCountsByLand(): Promise<Map<string, number>> {
    const rows: { land_code: string; twins: number }[] = await this.dataSource.query(
      'SELECT land_code, count(*)::int AS twins FROM twin_item WHERE NOT deleted AND land_code IS NOT NULL GROUP BY land_code',
    );
    return new Map(rows.map((r) => [r.land_code, r.twins]));
  }

  async platformCountsByLand(): Promise<Map<string, number>> {
    const rows: { land_code: string; platforms: number }[] = await this.dataSource.query(
      'SELECT land_code, count(*)::int AS platforms FROM platform_item WHERE NOT deleted GROUP BY land_code',
    );
    return new Map(rows.map((r) => [r.land_code, r.platforms]));
  }
}
