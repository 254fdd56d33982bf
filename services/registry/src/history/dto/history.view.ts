import { ApiProperty } from '@nestjs/swagger';
import type { ChangeLogEntity } from '../entities/change-log.entity';

/** Any JSON value: a field's old or new value can be a string, number, flag, list or object. */
export const ANY_JSON = {
  nullable: true,
  anyOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object' },
  ],
};

export class FieldChangeView {
  @ApiProperty() field!: string;
  @ApiProperty({ ...ANY_JSON, description: 'Value before the change' })
  old!: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'Value after the change' })
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
