import { LAND_CODES } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { QUALITY_DIMENSIONS } from '../quality-method';

const RATINGS = ['excellent', 'good', 'sufficient', 'bad'];

export class QualityDimensionsQuery {
  @ApiPropertyOptional({
    enum: LAND_CODES,
    example: 'DE-HH',
    description: 'One Land; all 16 without',
  })
  @IsOptional()
  @IsIn(LAND_CODES, { message: 'land must be one of the 16 ISO 3166-2 codes (DE-SH … DE-TH)' })
  land?: string;
}

export class LandTipView {
  @ApiProperty({ example: 'keywords' }) id!: string;
  @ApiProperty({ example: 'Schlüsselwörter ergänzen' }) text!: string;
  @ApiProperty({ example: 'Add keywords' }) textEn!: string;
  @ApiProperty({ enum: QUALITY_DIMENSIONS }) dimension!: string;
  @ApiProperty({ minimum: 0, description: 'Datasets the tip would improve' }) datasets!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'datasets / the Land’s datasets' })
  share!: number;
  @ApiProperty({
    minimum: 0,
    description: 'Percentage points the Land’s score would gain if every dataset followed the tip',
  })
  scoreGain!: number;
}

export class LandQualityView {
  @ApiProperty({ example: 'DE-HH' }) landCode!: string;
  @ApiProperty({ example: 'Hamburg' }) landName!: string;
  @ApiProperty({ minimum: 0 }) datasets!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent of 405 points' })
  score!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: RATINGS }) rating!: string | null;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(
      QUALITY_DIMENSIONS.map((d) => [d, { type: 'number', nullable: true }]),
    ),
    description: 'Percent of each dimension’s maximum (null without datasets)',
  })
  dimensions!: Record<string, number | null>;
  @ApiProperty({ type: [LandTipView], description: 'Most datasets improved first' })
  tips!: LandTipView[];
}

export class QualityDimensionsView {
  @ApiProperty({ example: 1 }) methodVersion!: number;
  @ApiProperty({ example: 1, description: 'Version of the indicators and tips' })
  breakdownVersion!: number;
  @ApiProperty({ type: [LandQualityView] }) laender!: LandQualityView[];
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class DimensionScoreView {
  @ApiProperty({ minimum: 0 }) points!: number;
  @ApiProperty({ minimum: 0 }) max!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
}

export class ItemDimensions {
  @ApiProperty({ type: DimensionScoreView }) findability!: DimensionScoreView;
  @ApiProperty({ type: DimensionScoreView }) accessibility!: DimensionScoreView;
  @ApiProperty({ type: DimensionScoreView }) interoperability!: DimensionScoreView;
  @ApiProperty({ type: DimensionScoreView }) reusability!: DimensionScoreView;
  @ApiProperty({ type: DimensionScoreView }) contextuality!: DimensionScoreView;
}

export class IndicatorView {
  @ApiProperty({ example: 'keywords' }) id!: string;
  @ApiProperty({ enum: QUALITY_DIMENSIONS }) dimension!: string;
  @ApiProperty({ minimum: 0 }) points!: number;
  @ApiProperty({ minimum: 0 }) max!: number;
}

export class RecordTipView {
  @ApiProperty({ example: 'licence' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() textEn!: string;
  @ApiProperty({ enum: QUALITY_DIMENSIONS }) dimension!: string;
  @ApiProperty({ minimum: 0, description: 'Points the dataset would gain' }) gain!: number;
}

export class ItemQualityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) landCode!: string | null;
  @ApiProperty({ example: 1 }) methodVersion!: number;
  @ApiProperty({ example: 1 }) breakdownVersion!: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent of 405 points' }) score!: number;
  @ApiProperty({ enum: RATINGS }) rating!: string;
  @ApiProperty({ type: ItemDimensions }) dimensions!: ItemDimensions;
  @ApiProperty({ type: [IndicatorView] }) indicators!: IndicatorView[];
  @ApiProperty({ type: [RecordTipView], description: 'Most points first; empty when complete' })
  tips!: RecordTipView[];
}
