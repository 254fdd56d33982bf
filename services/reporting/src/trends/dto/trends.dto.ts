import { LAND_CODES } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const TREND_BUCKETS = ['month', 'week'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class TrendsQuery {
  @ApiPropertyOptional({
    enum: LAND_CODES,
    example: 'DE-HH',
    description: 'One Land; all 16 without',
  })
  @IsOptional()
  @IsIn(LAND_CODES, { message: 'land must be one of the 16 ISO 3166-2 codes (DE-SH … DE-TH)' })
  land?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description:
      'First day (Europe/Berlin); default and earliest: the day of `recordedSince` (an earlier one is clamped to it)',
  })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description:
      'Last day (Europe/Berlin), included; default and latest: today. Before `from`: no buckets',
  })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: TREND_BUCKETS, default: 'month' })
  @IsOptional()
  @IsIn(TREND_BUCKETS, { message: 'bucket must be month or week' })
  bucket?: TrendBucket;
}

export class KindCounts {
  @ApiProperty({ minimum: 0 }) platform!: number;
  @ApiProperty({ minimum: 0 }) twin!: number;
  @ApiProperty({ minimum: 0 }) dataset!: number;
  @ApiProperty({ minimum: 0 }) endpoint!: number;
}

export class HarvestedCounts {
  @ApiProperty({ minimum: 0, description: 'Harvested records that appeared' }) added!: number;
  @ApiProperty({ minimum: 0, description: 'Harvested records withdrawn' }) withdrawn!: number;
}

export class TrendBucketView {
  @ApiProperty({ example: '2026-12', description: 'Month (YYYY-MM) or ISO week (YYYY-Www)' })
  label!: string;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) end!: string;
  @ApiProperty({
    description:
      'The bucket began before `recordedSince` (or ends after now): it holds only what was recorded within it',
  })
  partial!: boolean;
  @ApiProperty({ type: KindCounts, description: 'Registered (not harvested) records' })
  registered!: KindCounts;
  @ApiProperty({ type: KindCounts, description: 'Withdrawn registered (not harvested) records' })
  withdrawn!: KindCounts;
  @ApiProperty({ type: HarvestedCounts }) harvested!: HarvestedCounts;
  @ApiProperty({ type: KindCounts, description: 'Records in the inventory at the bucket’s end' })
  inventory!: KindCounts;
}

export class TrendSeries {
  @ApiProperty({ example: 'DE-HH' }) landCode!: string;
  @ApiProperty({ example: 'Hamburg' }) landName!: string;
  @ApiProperty({ type: [TrendBucketView] }) buckets!: TrendBucketView[];
}

export class TrendsView {
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'From when the history is complete (null: nothing recorded yet). Buckets ending before it are absent, not zero',
  })
  recordedSince!: string | null;
  @ApiProperty({ enum: TREND_BUCKETS }) bucket!: TrendBucket;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({ type: [TrendSeries] }) series!: TrendSeries[];
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}
