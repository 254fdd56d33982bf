import { ApiProperty } from '@nestjs/swagger';
import { RECORD_KINDS, SEVERITIES } from '../rule';

export class LocalizedTextView {
  @ApiProperty({ description: 'German' }) de!: string;
  @ApiProperty({ description: 'English' }) en!: string;
}

export class FindingEntryView {
  @ApiProperty({ description: 'A record id, a Land code (DE-HH) or `federal`' }) id!: string;
  @ApiProperty({ enum: RECORD_KINDS }) kind!: string;
  @ApiProperty({ example: 'Geoportal Hamburg' }) title!: string;
}

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
  @ApiProperty({ type: FindingEntryView, description: 'What the finding is about' })
  entry!: FindingEntryView;
  @ApiProperty({
    type: LocalizedTextView,
    description: 'One plain sentence with the evidence, German and English',
    example: {
      de: 'Die Plattform „Geoportal Hamburg“ (Geoportal) nennt keine maschinenlesbare Schnittstelle (…).',
      en: 'The platform "Geoportal Hamburg" (geoportal) names no machine-readable interface (…).',
    },
  })
  explanation!: LocalizedTextView;
  @ApiProperty({ type: LocalizedTextView, description: 'The severity in words (hoch …)' })
  severityLabel!: LocalizedTextView;
  @ApiProperty({ type: LocalizedTextView, description: 'What the severity means for acting on it' })
  severityMeaning!: LocalizedTextView;
}

export class FindingsPage {
  @ApiProperty({ type: [FindingView] }) items!: FindingView[];
  @ApiProperty({ nullable: true, type: String, description: 'null on the last page' })
  nextCursor!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The next page: this request with `cursor` set (path and query); null on the last page',
  })
  next!: string | null;
  @ApiProperty({ minimum: 0, description: 'Findings matching the filters, all pages' })
  total!: number;
}

export class SeverityCountsView {
  @ApiProperty({ minimum: 0 }) high!: number;
  @ApiProperty({ minimum: 0 }) medium!: number;
  @ApiProperty({ minimum: 0 }) low!: number;
  @ApiProperty({ minimum: 0 }) info!: number;
}

export class FindingGroupView {
  @ApiProperty({
    description: 'Rule id, or Land code (`federal` for findings without a Land)',
    example: 'platform-without-machine-readable-interface',
  })
  key!: string;
  @ApiProperty({ type: LocalizedTextView, description: 'Rule title or Land name' })
  label!: LocalizedTextView;
  @ApiProperty({ minimum: 0 }) count!: number;
  @ApiProperty({ type: SeverityCountsView }) bySeverity!: SeverityCountsView;
  @ApiProperty({
    description: 'GET /api/v1/findings with the filters and this group (path and query)',
  })
  findings!: string;
}

export class FindingGroupsView {
  @ApiProperty({ enum: ['rule', 'land'] }) by!: string;
  @ApiProperty({ minimum: 0 }) total!: number;
  @ApiProperty({
    type: [FindingGroupView],
    description: 'Groups with findings: by rule in the order of the rule set, by Land by code',
  })
  groups!: FindingGroupView[];
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
