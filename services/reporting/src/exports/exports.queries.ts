import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FindingsFilterQuery } from '../handlungsbedarfe/dto/findings.query';
import { CoverageQuery, ITEM_KINDS, ItemsQuery, LandFilterQuery } from '../overview/dto/queries';
import { CSV_DELIMITERS, CsvDelimiter } from './csv/csv';

const DELIMITERS = Object.keys(CSV_DELIMITERS) as CsvDelimiter[];

export class CsvQuery {
  @ApiPropertyOptional({
    enum: DELIMITERS,
    default: 'comma',
    description:
      'Field separator. `comma` is RFC 4180; `semicolon` is the dialect of Excel with German ' +
      'regional settings (opened by double-click): semicolons, decimal commas, German local times.',
  })
  @IsOptional()
  @IsIn(DELIMITERS, { message: `delimiter must be one of: ${DELIMITERS.join(', ')}` })
  delimiter?: CsvDelimiter;
}

const KIND_LIST = new RegExp(`^(${ITEM_KINDS.join('|')})(,(${ITEM_KINDS.join('|')})){0,3}$`);

export class ItemsCsvQuery extends IntersectionType(
  OmitType(ItemsQuery, ['limit', 'cursor', 'kind'] as const),
  CsvQuery,
) {
  // Several kinds, as the dashboard shows platforms and twins together by default: the export
  // honours the "Art" of the view instead of falling back to every kind.
  @ApiPropertyOptional({
    description: `Kind of item, one or several separated by commas: ${ITEM_KINDS.join(', ')}`,
    example: 'platform,twin',
    pattern: KIND_LIST.source,
  })
  @IsOptional()
  @IsString()
  @Matches(KIND_LIST, {
    message: `kind must be one or more of ${ITEM_KINDS.join(', ')}, separated by commas`,
  })
  kind?: string;
}

export class FindingsCsvQuery extends IntersectionType(
  OmitType(FindingsFilterQuery, ['limit', 'cursor'] as const),
  CsvQuery,
) {}

export class CoverageCsvQuery extends IntersectionType(CoverageQuery, CsvQuery) {}

export class HarvestCsvQuery extends IntersectionType(LandFilterQuery, CsvQuery) {}
