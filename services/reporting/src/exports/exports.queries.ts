import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FindingsFilterQuery } from '../handlungsbedarfe/dto/findings.query';
import { CoverageQuery, ItemsQuery, LandFilterQuery } from '../overview/dto/queries';
import { CSV_DELIMITERS, CsvDelimiter } from './csv/csv';

const DELIMITERS = Object.keys(CSV_DELIMITERS) as CsvDelimiter[];

export class CsvQuery {
  @ApiPropertyOptional({
    enum: DELIMITERS,
    default: 'comma',
    description:
      'Field separator. `comma` is RFC 4180; `semicolon` is what Excel with German regional ' +
      'settings expects when the file is opened by double-click.',
  })
  @IsOptional()
  @IsIn(DELIMITERS, { message: `delimiter must be one of: ${DELIMITERS.join(', ')}` })
  delimiter?: CsvDelimiter;
}

export class ItemsCsvQuery extends IntersectionType(
  OmitType(ItemsQuery, ['limit', 'cursor'] as const),
  CsvQuery,
) {}

export class FindingsCsvQuery extends IntersectionType(
  OmitType(FindingsFilterQuery, ['limit', 'cursor'] as const),
  CsvQuery,
) {}

export class CoverageCsvQuery extends IntersectionType(CoverageQuery, CsvQuery) {}

export class HarvestCsvQuery extends IntersectionType(LandFilterQuery, CsvQuery) {}
