import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANY_JSON } from '../history/dto/history.view';
import { IMPORT_KIND_NAMES } from './import-kinds';

/** One item of a bulk import (documentation; items are validated one by one, see ImportsService). */
export class ImportItemDto {
  @ApiProperty({ enum: IMPORT_KIND_NAMES, example: 'platform' })
  kind!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Record id: replaces the stored record when it exists, else creates it with this id',
  })
  id?: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'Expected stored version (optimistic concurrency, like If-Match)',
  })
  version?: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The record, exactly as the body of POST /api/v1/<kind>s',
    example: {
      name: 'Geoportal Hamburg',
      landCode: 'DE-HH',
      type: 'geoportal',
      status: 'production',
    },
  })
  data!: Record<string, unknown>;
}

export class ImportFieldChange {
  @ApiProperty() field!: string;
  @ApiProperty({ ...ANY_JSON, description: 'Stored value (null: none)' }) old!: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'Value after the import' }) new!: unknown;
}

export class ImportFieldError {
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export const IMPORT_STATUSES = [
  'created',
  'updated',
  'unchanged',
  'invalid',
  'forbidden',
  'conflict',
  'notFound',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export class ImportItemResult {
  @ApiProperty({ description: 'Position in the request (0-based)' }) index!: number;
  @ApiPropertyOptional({ enum: IMPORT_KIND_NAMES, nullable: true, type: String }) kind!:
    string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) id!: string | null;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: ImportStatus;
  @ApiPropertyOptional({ description: 'Version after the import' }) version?: number;
  @ApiPropertyOptional({ type: [ImportFieldChange] }) changes?: ImportFieldChange[];
  @ApiPropertyOptional({ type: [ImportFieldError] }) errors?: ImportFieldError[];
  @ApiPropertyOptional() detail?: string;
}

export class ImportSummary {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() failed!: number;
}

export class ImportReport {
  @ApiProperty({ description: 'True when nothing was stored (dryRun=true)' }) dryRun!: boolean;
  @ApiProperty({ type: ImportSummary }) summary!: ImportSummary;
  @ApiProperty({ type: [ImportItemResult] }) items!: ImportItemResult[];
}
