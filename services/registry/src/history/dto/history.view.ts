import { ApiProperty } from '@nestjs/swagger';
import type { ChangeLogEntity } from '../entities/change-log.entity';

export class FieldChangeView {
  @ApiProperty() field!: string;
  @ApiProperty({ nullable: true, description: 'Value before the change (any JSON type)' })
  old!: unknown;
  @ApiProperty({ nullable: true, description: 'Value after the change (any JSON type)' })
  new!: unknown;
}

export class ChangeView {
  @ApiProperty({ minimum: 1 }) version!: number;
  @ApiProperty({ enum: ['create', 'update', 'delete'] }) operation!: string;
  @ApiProperty() changedBy!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty({ type: [FieldChangeView] }) changes!: FieldChangeView[];
  @ApiProperty() correlationId!: string;

  static of(entry: ChangeLogEntity): ChangeView {
    return {
      version: entry.version,
      operation: entry.operation,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt.toISOString(),
      changes: entry.changes,
      correlationId: entry.correlationId,
    };
  }
}

export class HistoryView {
  @ApiProperty({ type: [ChangeView] }) items!: ChangeView[];
}
