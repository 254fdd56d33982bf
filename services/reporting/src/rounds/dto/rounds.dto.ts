import { LAND_CODES } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CSV_DELIMITERS, CsvDelimiter } from '../../exports/csv/csv';
import type { LandProgressRow, RoundRow } from '../rounds.repository';

const DELIMITERS = Object.keys(CSV_DELIMITERS) as CsvDelimiter[];

export class RoundsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must be at most 100' })
  limit?: number;
}

export class OpenItemsQuery {
  @ApiPropertyOptional({ enum: LAND_CODES, description: 'Only this Land’s open records' })
  @IsOptional()
  @IsIn(LAND_CODES, { message: 'land must be one of the 16 Länder codes' })
  land?: string;

  @ApiPropertyOptional({
    enum: DELIMITERS,
    default: 'semicolon',
    description:
      'Field separator. `semicolon` (default here: the list goes to the Länder) is German ' +
      'Excel’s dialect; `comma` is RFC 4180.',
  })
  @IsOptional()
  @IsIn(DELIMITERS, { message: `delimiter must be one of: ${DELIMITERS.join(', ')}` })
  delimiter?: CsvDelimiter;
}

export class OpenItemsPdfQuery {
  @ApiPropertyOptional({ enum: LAND_CODES, description: 'Only this Land’s open records' })
  @IsOptional()
  @IsIn(LAND_CODES, { message: 'land must be one of the 16 Länder codes' })
  land?: string;
}

export class RoundsOverviewQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The round to show; without it the newest open round, else the newest one',
  })
  @IsOptional()
  @IsUUID('all', { message: 'round must be a round id (UUID)' })
  round?: string;
}

export class LandRoundsQuery {
  @ApiProperty({ enum: LAND_CODES, description: 'The Land whose rounds are listed' })
  @IsIn(LAND_CODES, { message: 'land must be one of the 16 Länder codes' })
  land!: string;
}

export class RoundSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date', description: 'Stichtag' }) referenceDate!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  deadline!: string | null;
  @ApiProperty({ type: [String] }) kinds!: string[];
  @ApiProperty({ type: [String] }) landCodes!: string[];
  @ApiProperty({ enum: ['open', 'closed'] }) state!: 'open' | 'closed';
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  openedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  closedAt!: string | null;

  static of(r: RoundRow): RoundSummaryView {
    return {
      id: r.id,
      title: r.title,
      referenceDate: r.referenceDate,
      deadline: r.deadline,
      kinds: r.kinds,
      landCodes: r.landCodes,
      state: r.state,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
    };
  }
}

export class RoundsPage {
  @ApiProperty({ type: [RoundSummaryView], description: 'Newest first' })
  items!: RoundSummaryView[];
}

export class LandProgressView {
  @ApiProperty({ example: 'DE-HH' }) landCode!: string;
  @ApiProperty({ description: 'Records of the round in this Land (that the caller may see)' })
  inScope!: number;
  @ApiProperty({ description: 'Not yet confirmed, updated or withdrawn' }) open!: number;
  @ApiProperty({ description: 'Confirmed unchanged' }) confirmed!: number;
  @ApiProperty({ description: 'Changed through the ordinary write path (confirms too)' })
  updated!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({
    description:
      'Platforms, twins, datasets and endpoints created in the Land while the round was open',
  })
  new!: number;
  @ApiProperty({ description: 'Acted on after the deadline' }) late!: number;
  @ApiProperty({ description: 'The Land declared "nothing more to add"' }) complete!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  completedAt!: string | null;
  @ApiProperty() completedLate!: boolean;
}

export class RoundProgressView {
  @ApiProperty({ type: RoundSummaryView }) round!: RoundSummaryView;
  @ApiProperty({ type: [LandProgressView] }) laender!: LandProgressView[];
}

export class RoundsOverview {
  @ApiProperty({
    type: () => [RoundSummaryView],
    description: 'The most recent rounds, newest first (to choose from)',
  })
  rounds!: RoundSummaryView[];
  @ApiPropertyOptional({
    type: () => RoundProgressView,
    nullable: true,
    description: 'The chosen round, else the newest open one, else the newest; null: none',
  })
  shown!: RoundProgressView | null;
}

export class LandRoundView {
  @ApiProperty({ type: () => RoundSummaryView }) round!: RoundSummaryView;
  @ApiProperty({ type: () => LandProgressView, description: 'The Land’s result in the round' })
  progress!: LandProgressView;
}

export class LandRoundHistory {
  @ApiProperty({ example: 'DE-HH' }) landCode!: string;
  @ApiProperty({
    type: () => [LandRoundView],
    description: 'The rounds the Land was in, newest first',
  })
  rounds!: LandRoundView[];
}

/** A Land's progress in words of the API: the counts plus its declaration. */
export function landProgressView(round: RoundRow, row: LandProgressRow): LandProgressView {
  const land = round.laender.find((l) => l.landCode === row.landCode);
  return {
    landCode: row.landCode,
    inScope: row.inScope,
    open: row.open,
    confirmed: row.confirmed,
    updated: row.updated,
    withdrawn: row.withdrawn,
    new: row.created,
    late: row.late,
    complete: Boolean(land?.completedAt),
    completedAt: land?.completedAt ?? null,
    completedLate: land?.completedLate ?? false,
  };
}
