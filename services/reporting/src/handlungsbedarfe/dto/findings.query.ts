import { LAND_CODES } from '@dpi/domain';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQuery } from '../../overview/dto/queries';
import { RECORD_KINDS, SEVERITIES } from '../rule';

const KIND_LIST = new RegExp(`^(${RECORD_KINDS.join('|')})(,(${RECORD_KINDS.join('|')})){0,5}$`);

/** The filters of the Handlungsbedarfe: every filter of the dashboard that a finding can meet. */
export class FindingsFilterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LAND_CODES, example: 'DE-HH' })
  @IsOptional()
  @IsIn(LAND_CODES, { message: 'landCode must be one of the 16 ISO 3166-2 codes (DE-SH … DE-TH)' })
  landCode?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES, { message: `severity must be one of: ${SEVERITIES.join(', ')}` })
  severity?: string;

  @ApiPropertyOptional({ example: 'land-without-digital-twin', pattern: '^[a-z][a-z0-9-]{0,80}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,80}$/, {
    message: 'ruleId must be a rule id such as land-without-digital-twin',
  })
  ruleId?: string;

  @ApiPropertyOptional({
    description:
      'Kind of the records a finding concerns (the dashboard\'s "Art"), one or several separated by commas: ' +
      `${RECORD_KINDS.join(', ')}. A "Land ohne …" rule about platforms counts as platform.`,
    example: 'platform,twin',
    pattern: KIND_LIST.source,
  })
  @IsOptional()
  @IsString()
  @Matches(KIND_LIST, {
    message: `kind must be one or more of ${RECORD_KINDS.join(', ')}, separated by commas`,
  })
  kind?: string;

  @ApiPropertyOptional({
    description:
      'EU data theme (AGRI … TRAN) or twin use case: findings with at least one record of that theme',
    example: 'TRAN',
    pattern: '^[A-Za-z]{1,40}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{1,40}$/, { message: 'theme must be a word of letters' })
  theme?: string;
}

export const FINDING_GROUPINGS = ['rule', 'land'] as const;
export type FindingGrouping = (typeof FINDING_GROUPINGS)[number];

export class FindingGroupsQuery extends OmitType(FindingsFilterQuery, [
  'limit',
  'cursor',
] as const) {
  @ApiPropertyOptional({
    enum: FINDING_GROUPINGS,
    default: 'rule',
    description: 'Group by rule or by Land',
  })
  @IsOptional()
  @IsIn(FINDING_GROUPINGS, { message: `by must be one of: ${FINDING_GROUPINGS.join(', ')}` })
  by?: FindingGrouping;
}
