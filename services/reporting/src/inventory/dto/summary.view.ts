import { ApiProperty } from '@nestjs/swagger';

export class LandSummary {
  @ApiProperty({ example: 'DE-HH' }) code!: string;
  @ApiProperty({ example: 'Hamburg' }) name!: string;
  @ApiProperty({ minimum: 0 }) platforms!: number;
  @ApiProperty({
    minimum: 0,
    description: 'Digital twins of the Land (federal twins are not counted here)',
  })
  twins!: number;
}

export class InventorySummary {
  @ApiProperty({ minimum: 0, description: 'Platforms of all Länder' }) total!: number;
  @ApiProperty({ minimum: 0, description: 'Digital twins of all Länder' }) totalTwins!: number;
  @ApiProperty({ type: [LandSummary], description: 'All 16 Länder, in Länderschlüssel order' })
  laender!: LandSummary[];
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}
