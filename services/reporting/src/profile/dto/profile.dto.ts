import { ApiProperty } from '@nestjs/swagger';
import { LandQualityView } from '../../quality/dto/quality.dto';
import { LandProgressView, RoundSummaryView } from '../../rounds/dto/rounds.dto';

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class ProfilePlatform {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'geoportal' }) type!: string;
  @ApiProperty({ example: 'production' }) status!: string;
  @ApiProperty({ nullable: true, type: String }) homepage!: string | null;
  @ApiProperty({ type: [String] }) standards!: string[];
  @ApiProperty({ enum: ['manual', 'harvested'] }) source!: string;
}

export class ProfileTwin {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'urban' }) kind!: string;
  @ApiProperty({ minimum: 1, maximum: 4 }) maturityLevel!: number;
  @ApiProperty({ type: [String] }) useCases!: string[];
  @ApiProperty({ nullable: true, type: String }) homepage!: string | null;
}

export class CountOfValue {
  @ApiProperty({ nullable: true, type: String, description: 'null: not given' })
  value!: string | null;
  @ApiProperty({ minimum: 0 }) count!: number;
}

export class ProfileDatasets {
  @ApiProperty({ minimum: 0 }) total!: number;
  @ApiProperty({ minimum: 0 }) open!: number;
  @ApiProperty({ minimum: 0 }) harvested!: number;
  @ApiProperty({ minimum: 0 }) withoutTheme!: number;
  @ApiProperty({
    type: [CountOfValue],
    description: 'Per EU data theme (a dataset may have several)',
  })
  byTheme!: CountOfValue[];
  @ApiProperty({ type: [CountOfValue], description: 'Per licence URI (null: none)' })
  byLicence!: CountOfValue[];
}

export class ProfileEndpoint {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'wfs' }) serviceType!: string;
  @ApiProperty() url!: string;
}

export class ProfileEndpoints {
  @ApiProperty({ minimum: 0 }) total!: number;
  @ApiProperty({ ...COUNTS, description: 'Per service type' }) byServiceType!: Record<
    string,
    number
  >;
  @ApiProperty({ type: [ProfileEndpoint], description: 'The first 200 by name' })
  items!: ProfileEndpoint[];
  @ApiProperty({ description: 'More endpoints than listed' }) truncated!: boolean;
}

export class ProfileHarvestSource {
  @ApiProperty() sourceId!: string;
  @ApiProperty() sourceName!: string;
  @ApiProperty() latestState!: string;
  @ApiProperty({ nullable: true, type: String }) lastFinishedState!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastFinishedAt!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) lastMessage!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Last successful run',
  })
  lastSuccessAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) schedule!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextDueAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Days since the last successful run' })
  ageDays!: number | null;
  @ApiProperty({ description: 'See `freshness` of the profile for the threshold' }) stale!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['neverSucceeded', 'overdue', 'old'],
    description: 'Why stale (null: fresh)',
  })
  staleReason!: string | null;
}

export class ProfileFreshness {
  @ApiProperty({ example: 7, description: 'Unscheduled sources are stale after this many days' })
  maxAgeDaysUnscheduled!: number;
  @ApiProperty() rule!: string;
}

export class ProfileRuleCount {
  @ApiProperty({ example: 'harvest-source-stale' }) ruleId!: string;
  @ApiProperty({ enum: ['high', 'medium', 'low', 'info'] }) severity!: string;
  @ApiProperty({ minimum: 0 }) count!: number;
}

export class ProfileFindings {
  @ApiProperty({ minimum: 0 }) total!: number;
  @ApiProperty({ type: [ProfileRuleCount] }) byRule!: ProfileRuleCount[];
}

export class ProfileCounts {
  @ApiProperty({ minimum: 0 }) platforms!: number;
  @ApiProperty({ minimum: 0 }) twins!: number;
  @ApiProperty({ minimum: 0 }) datasets!: number;
  @ApiProperty({ minimum: 0 }) endpoints!: number;
  @ApiProperty({ minimum: 0 }) harvestSources!: number;
  @ApiProperty({ minimum: 0 }) staleHarvestSources!: number;
}

export class ProfileSurvey {
  @ApiProperty({
    type: RoundSummaryView,
    description: 'The newest survey round including the Land',
  })
  round!: RoundSummaryView;
  @ApiProperty({ type: LandProgressView, description: 'The Land’s confirmation status in it' })
  progress!: LandProgressView;
}

export class LandProfile {
  @ApiProperty({ example: 'DE-HH' }) code!: string;
  @ApiProperty({ example: '02' }) key!: string;
  @ApiProperty({ example: 'HH' }) abbr!: string;
  @ApiProperty({ example: 'Hamburg' }) name!: string;
  @ApiProperty({ type: ProfileCounts }) counts!: ProfileCounts;
  @ApiProperty({ type: [ProfilePlatform] }) platforms!: ProfilePlatform[];
  @ApiProperty({ type: [ProfileTwin] }) twins!: ProfileTwin[];
  @ApiProperty({ type: ProfileDatasets }) datasets!: ProfileDatasets;
  @ApiProperty({ type: ProfileEndpoints }) endpoints!: ProfileEndpoints;
  @ApiProperty({ type: [ProfileHarvestSource] }) harvestSources!: ProfileHarvestSource[];
  @ApiProperty({ type: ProfileFreshness }) freshness!: ProfileFreshness;
  @ApiProperty({ type: ProfileFindings }) findings!: ProfileFindings;
  @ApiProperty({ type: LandQualityView }) quality!: LandQualityView;
  @ApiProperty({
    type: ProfileSurvey,
    nullable: true,
    description: 'Survey round confirmation status (null: no round has included the Land)',
  })
  survey!: ProfileSurvey | null;
  @ApiProperty({ format: 'uri-reference', example: '/api/v1/exports/report.pdf?land=DE-HH' })
  reportPdf!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}
