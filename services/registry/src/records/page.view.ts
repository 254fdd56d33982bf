import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Facets } from './list-spec';
import { FACETS_SCHEMA } from './list.view';

/** A list response: one page of views, the cursor of the next, total and facet counts. */
export function PageOf<V>(view: Type<V>) {
  class Page {
    @ApiProperty({ type: [view] }) items!: V[];
    @ApiPropertyOptional({
      nullable: true,
      type: String,
      description: 'Pass as `cursor` for the next page; null on the last page',
    })
    nextCursor!: string | null;
    @ApiProperty({ description: 'Number of records matching the filters (all pages)' })
    total!: number;
    @ApiProperty({ ...FACETS_SCHEMA, description: 'Counts per value among all matches' })
    facets!: Facets;
  }
  return Page;
}
