import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RoundRecordListItem, RoundRow } from '../rounds.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class RoundLandResultView {
  @ApiProperty() open!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ description: 'Records created in the Land while the round was open' })
  created!: number;
  @ApiProperty({ description: 'Confirmed, updated or withdrawn after the deadline' })
  late!: number;
}

export class RoundLandView {
  @ApiProperty({ example: 'DE-HH' }) landCode!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the Land declared "nothing more to add"',
  })
  completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedBy!: string | null;
  @ApiProperty() completedLate!: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: RoundLandResultView,
    description: 'The frozen result, once the round is closed',
  })
  result!: RoundLandResultView | null;
}

export class RoundView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) referenceDate!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
  @ApiProperty({ type: [String] }) kinds!: string[];
  @ApiProperty({ enum: ['open', 'closed'] }) state!: 'open' | 'closed';
  @ApiProperty() openedBy!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) closedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  closedAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [RoundLandView] }) laender!: RoundLandView[];

  static of(round: RoundRow): RoundView {
    return {
      id: round.id,
      title: round.title,
      referenceDate: round.referenceDate,
      deadline: round.deadline.toISOString(),
      kinds: round.kinds,
      state: round.state,
      openedBy: round.openedBy,
      openedAt: round.openedAt.toISOString(),
      closedBy: round.closedBy,
      closedAt: iso(round.closedAt),
      version: round.version,
      laender: round.laender.map((l) => ({
        landCode: l.landCode,
        completedAt: iso(l.completedAt),
        completedBy: l.completedBy,
        completedLate: l.completedLate,
        result: l.result,
      })),
    };
  }
}

export class RoundPageView {
  @ApiProperty({ type: [RoundView] }) items!: RoundView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class RoundRecordView {
  @ApiProperty({ format: 'uuid', description: 'The record id' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() landCode!: string;
  @ApiProperty({ enum: ['open', 'confirmed', 'updated', 'withdrawn'] }) status!: string;
  @ApiProperty() late!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) actedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  actedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Last confirmation in any round (a write in a round counts as one)',
  })
  lastConfirmedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastConfirmedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  lastConfirmedRound!: string | null;

  static of(item: RoundRecordListItem): RoundRecordView {
    return {
      id: item.recordId,
      kind: item.kind,
      landCode: item.landCode,
      status: item.status,
      late: item.late,
      actedBy: item.actedBy,
      actedAt: iso(item.actedAt),
      reason: item.reason,
      lastConfirmedAt: iso(item.lastConfirmedAt),
      lastConfirmedBy: item.lastConfirmedBy,
      lastConfirmedRound: item.lastConfirmedRound,
    };
  }
}

export class RoundRecordPageView {
  @ApiProperty({ type: [RoundRecordView] }) items!: RoundRecordView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'Records matching the filters that the caller may see' })
  total!: number;
}

export class ConfirmationResultView {
  @ApiProperty({ description: 'Records confirmed (or refreshed) by this request' })
  confirmed!: number;
  @ApiProperty({ description: 'The confirmations came after the deadline' }) late!: boolean;
  @ApiProperty({ type: [RoundRecordView] }) items!: RoundRecordView[];
}
