import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUALITY_DIMENSIONS } from '../../quality/quality-method';
import { COVERAGE_DIMENSIONS, ITEM_KINDS } from './queries';

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** The timestamp of the precomputed aggregates (README, "Precomputed aggregates"). */
const AS_OF = {
  format: 'date-time',
  description:
    'When the precomputed aggregates were computed: changes applied before are included. They ' +
    'are refreshed about a second after a change, so they may lag the read models by that much.',
} as const;

export class SeverityCounts {
  @ApiProperty({ minimum: 0 }) high!: number;
  @ApiProperty({ minimum: 0 }) medium!: number;
  @ApiProperty({ minimum: 0 }) low!: number;
  @ApiProperty({ minimum: 0 }) info!: number;
}

export class QualityScore {
  @ApiProperty({ minimum: 0, description: 'Datasets scored' }) datasets!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Percent of the maximum points (null without datasets)',
  })
  score!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['excellent', 'good', 'sufficient', 'bad'] })
  rating!: string | null;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(
      QUALITY_DIMENSIONS.map((d) => [d, { type: 'number', nullable: true }]),
    ),
    description: 'Percent of each dimension’s maximum',
  })
  dimensions!: Record<string, number | null>;
}

export class LandOverview {
  @ApiProperty({ example: 'DE-HH' }) code!: string;
  @ApiProperty({ example: '02', description: 'Länderschlüssel' }) key!: string;
  @ApiProperty({ example: 'HH' }) abbr!: string;
  @ApiProperty({ example: 'Hamburg' }) name!: string;
  @ApiProperty({ minimum: 0 }) platforms!: number;
  @ApiProperty({ minimum: 0 }) twins!: number;
  @ApiProperty({ minimum: 0 }) datasets!: number;
  @ApiProperty({ minimum: 0 }) openDatasets!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'openDatasets / datasets' })
  openDataShare!: number | null;
  @ApiProperty({ minimum: 0 }) endpoints!: number;
  @ApiProperty({ minimum: 0 }) organisations!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Highest DIN SPEC 91607 level' })
  maxMaturity!: number | null;
  @ApiProperty({ type: SeverityCounts }) findings!: SeverityCounts;
  @ApiProperty({ type: QualityScore }) quality!: QualityScore;
}

export class LandsView {
  @ApiProperty({ type: [LandOverview], description: 'All 16 Länder, in Länderschlüssel order' })
  laender!: LandOverview[];
  @ApiProperty(AS_OF) asOf!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class LandDetail extends LandOverview {
  @ApiProperty({ ...OBJECT, description: 'Platforms per type' })
  platformTypes!: Record<string, number>;
  @ApiProperty({ ...OBJECT, description: 'Twins per use case' })
  twinUseCases!: Record<string, number>;
  @ApiProperty({ ...OBJECT, description: 'Twins per DIN SPEC 91607 level (1–4)' })
  maturity!: Record<string, number>;
  @ApiProperty({ ...OBJECT, description: 'Platforms per standard code' })
  standards!: Record<string, number>;
  @ApiProperty({ minimum: 0, description: 'Harvest sources of the Land' }) harvestSources!: number;
  @ApiProperty(AS_OF) asOf!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class CountOf {
  @ApiProperty() value!: string;
  @ApiProperty({ minimum: 0 }) count!: number;
  @ApiProperty({ type: [String], description: 'Länder having it' }) laender!: string[];
}

export class Summary {
  @ApiProperty({ minimum: 0 }) platforms!: number;
  @ApiProperty({ minimum: 0 }) twins!: number;
  @ApiProperty({ minimum: 0 }) datasets!: number;
  @ApiProperty({ minimum: 0 }) openDatasets!: number;
  @ApiProperty({ nullable: true, type: Number }) openDataShare!: number | null;
  @ApiProperty({ minimum: 0 }) endpoints!: number;
  @ApiProperty({ minimum: 0 }) organisations!: number;
  @ApiProperty({
    ...OBJECT,
    description: 'Länder with at least one pilot or production platform of the type',
  })
  laenderWithPlatformType!: Record<string, number>;
  @ApiProperty({ minimum: 0, maximum: 16 }) laenderWithTwin!: number;
  @ApiProperty({ ...OBJECT, description: 'Twins per DIN SPEC 91607 level (1–4), all twins' })
  maturity!: Record<string, number>;
  @ApiProperty({ type: [CountOf], description: 'Standards named by platforms' })
  standards!: CountOf[];
  @ApiProperty({ type: [CountOf], description: 'Endpoint service types' })
  serviceTypes!: CountOf[];
  @ApiProperty({ type: [CountOf], description: '3D formats of twins' })
  threeDFormats!: CountOf[];
  @ApiProperty({ type: SeverityCounts }) findings!: SeverityCounts;
  @ApiProperty({ type: QualityScore, description: 'All datasets, federal included' })
  quality!: QualityScore;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  harvest!: { sources: number; failing: number; stale: number };
  @ApiProperty(AS_OF) asOf!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class InventoryItemView {
  @ApiProperty({ enum: ITEM_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for federal records' })
  landCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) landName!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Platform type, twin kind, hierarchy level or service type' })
  type!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Platforms only' })
  status!: string | null;
  @ApiProperty({ type: [String], description: 'EU themes; use cases for twins' })
  themes!: string[];
  @ApiProperty({ nullable: true, type: Number, description: 'Twins only' })
  maturityLevel!: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Datasets only' })
  openData!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ ...OBJECT, nullable: true, description: 'GeoJSON geometry (WGS84)' })
  geometry!: object | null;
  @ApiProperty({
    nullable: true,
    type: [Number],
    description: '[west, south, east, north] of the geometry',
  })
  bbox!: number[] | null;
  @ApiProperty({ ...OBJECT, description: 'Ids of linked records' }) links!: object;
  @ApiProperty({ ...OBJECT, description: 'Kind-specific facts' }) detail!: object;
  @ApiProperty({ enum: ['manual', 'harvested'] }) source!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ItemsPage {
  @ApiProperty({ type: [InventoryItemView] }) items!: InventoryItemView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null on the last page' })
  nextCursor!: string | null;
  @ApiProperty({ minimum: 0, description: 'Matches of all pages' }) total!: number;
}

export class CoverageRow {
  @ApiProperty() landCode!: string;
  @ApiProperty() landName!: string;
  @ApiProperty({ type: [Number], description: 'One count per column' }) cells!: number[];
  @ApiProperty({ minimum: 0, description: 'Columns with at least one record' }) covered!: number;
}

export class CoverageMatrix {
  @ApiProperty({ enum: COVERAGE_DIMENSIONS }) dimension!: string;
  @ApiProperty({ description: 'What a cell counts' }) measure!: string;
  @ApiProperty({ type: [String] }) columns!: string[];
  @ApiProperty({ type: [CoverageRow], description: 'All 16 Länder' }) rows!: CoverageRow[];
  @ApiProperty({ type: [Number], description: 'Länder with at least one record per column' })
  laenderCovered!: number[];
  @ApiProperty(AS_OF) asOf!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class HarvestSourceView {
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty() sourceName!: string;
  @ApiProperty({ nullable: true, type: String }) landCode!: string | null;
  @ApiProperty({ format: 'uuid' }) latestJobId!: string;
  @ApiProperty() latestState!: string;
  @ApiProperty() latestMode!: string;
  @ApiProperty({ description: 'Records announced by the server (hits) in the latest job' })
  latestMatched!: number;
  @ApiProperty({ description: 'Records received so far in the latest job' })
  latestReceived!: number;
  @ApiProperty({ nullable: true, type: String }) lastFinishedState!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastFinishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastMessage!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastSuccessAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) schedule!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  nextDueAt!: string | null;
  @ApiProperty() jobs!: number;
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'succeeded / finished jobs' })
  successRate!: number | null;
  @ApiProperty({ description: 'Last success more than an hour past the next scheduled run' })
  stale!: boolean;
}

export class HarvestStatus {
  @ApiProperty({ type: [HarvestSourceView] }) sources!: HarvestSourceView[];
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

export class LandQuality extends QualityScore {
  @ApiProperty() landCode!: string;
  @ApiProperty() landName!: string;
}

export class QualityView {
  @ApiProperty({ description: 'Version of the scoring method (README, "Metadata quality")' })
  methodVersion!: number;
  @ApiProperty({ type: QualityScore, description: 'All datasets, federal included' })
  overall!: QualityScore;
  @ApiProperty({ type: [LandQuality] }) laender!: LandQuality[];
  @ApiProperty(AS_OF) asOf!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}
