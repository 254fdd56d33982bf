import { ApiProperty } from '@nestjs/swagger';

export class LandSummary {
  @ApiProperty({ example: 'DE-HH' }) code!: string;
  @ApiProperty({ example: 'Hamburg' }) name!: string;
  @ApiProperty({ minimum: 0 }) platforms!: number;
}

export class InventorySummary {
  @ApiProperty({ minimum: 0 }) total!: number;
  @ApiProperty({ type: [LandSummary], description: 'All 16 Länder, in Länderschlüssel order' })
  laender!: LandSummary[];
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}
