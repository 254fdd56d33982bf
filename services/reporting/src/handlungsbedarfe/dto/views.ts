import { ApiProperty } from '@nestjs/swagger';
import { RECORD_KINDS, SEVERITIES } from '../rule';

export class FindingView {
  @ApiProperty({ example: 'land-without-digital-twin:DE-HB' }) id!: string;
  @ApiProperty({ example: 'land-without-digital-twin' }) ruleId!: string;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty({ example: 'Land ohne digitalen Zwilling' }) title!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty({ nullable: true, type: String, example: 'DE-HB' }) landCode!: string | null;
  @ApiProperty({ enum: RECORD_KINDS }) recordKind!: string;
  @ApiProperty({ type: [String], description: 'Records the finding concerns (of recordKind)' })
  recordIds!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) evidence!: object;
  @ApiProperty({ format: 'date-time' }) firstSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class FindingsPage {
  @ApiProperty({ type: [FindingView] }) items!: FindingView[];
  @ApiProperty({ nullable: true, type: String, description: 'null on the last page' })
  nextCursor!: string | null;
  @ApiProperty({ minimum: 0 }) total!: number;
}

export class RuleView {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty({ enum: RECORD_KINDS }) recordKind!: string;
  @ApiProperty({ description: 'The SELECT behind the rule' }) sql!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) evaluatedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) findings!: number | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class RulesView {
  @ApiProperty({ description: 'Version of the rule set' }) version!: number;
  @ApiProperty({ type: [RuleView] }) rules!: RuleView[];
}
