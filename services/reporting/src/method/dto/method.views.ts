import { ApiProperty } from '@nestjs/swagger';
import { SEVERITIES } from '../../handlungsbedarfe/rule';

export class SeverityMethodView {
  @ApiProperty({ enum: SEVERITIES }) level!: string;
  @ApiProperty({ example: 'hoch' }) label!: string;
  @ApiProperty({ description: 'What the level means for acting on a finding' }) meaning!: string;
}

export class RuleMethodView {
  @ApiProperty({ example: 'land-without-open-data-portal' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'Land ohne Open-Data-Portal' }) title!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ example: 'hoch' }) severityLabel!: string;
  @ApiProperty({ description: 'What the rule checks' }) checks!: string;
  @ApiProperty({ description: 'Why it matters' }) why!: string;
  @ApiProperty({ description: 'How to resolve a finding' }) fix!: string;
}

export class HandlungsbedarfeMethodView {
  @ApiProperty() ruleSetVersion!: number;
  @ApiProperty({ type: [SeverityMethodView] }) severities!: SeverityMethodView[];
  @ApiProperty({ type: [RuleMethodView] }) rules!: RuleMethodView[];
}

export class QualityCriterionView {
  @ApiProperty({ example: 'keywords' }) id!: string;
  @ApiProperty({ example: 'Schlagwörter angegeben' }) name!: string;
  @ApiProperty({ minimum: 0 }) points!: number;
}

export class QualityDimensionMethodView {
  @ApiProperty({ example: 'findability' }) id!: string;
  @ApiProperty({ example: 'Auffindbarkeit' }) name!: string;
  @ApiProperty() about!: string;
  @ApiProperty({ minimum: 0 }) maxPoints!: number;
  @ApiProperty({ type: [QualityCriterionView] }) criteria!: QualityCriterionView[];
}

export class QualityRatingBandView {
  @ApiProperty({ enum: ['excellent', 'good', 'sufficient', 'bad'] }) rating!: string;
  @ApiProperty({ example: 'gut' }) label!: string;
  @ApiProperty({ description: 'Lowest score (percent) with this rating' }) fromPercent!: number;
}

export class QualityMethodView {
  @ApiProperty() version!: number;
  @ApiProperty() maxPoints!: number;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [QualityDimensionMethodView] }) dimensions!: QualityDimensionMethodView[];
  @ApiProperty({ type: [QualityRatingBandView], description: 'Best rating first' })
  ratings!: QualityRatingBandView[];
}

export class MapClassesMethodView {
  @ApiProperty({ description: 'How the colour classes are made' }) how!: string;
  @ApiProperty({ description: 'Why not fixed limits' }) why!: string;
  @ApiProperty({ description: 'Länder with the value 0' }) zero!: string;
}

export class MethodView {
  @ApiProperty({ enum: ['de', 'en'] }) lang!: string;
  @ApiProperty() intro!: string;
  @ApiProperty({ type: HandlungsbedarfeMethodView }) handlungsbedarfe!: HandlungsbedarfeMethodView;
  @ApiProperty({ type: QualityMethodView }) quality!: QualityMethodView;
  @ApiProperty({ type: MapClassesMethodView }) mapClasses!: MapClassesMethodView;
}
