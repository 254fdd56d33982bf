import {
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentViewer, Viewer } from '../auth/viewer';
import { attachment, CsvColumn, csvStream } from '../exports/csv/csv';
import {
  landProgressView,
  OpenItemsQuery,
  RoundProgressView,
  RoundsPage,
  RoundsQuery,
  RoundSummaryView,
} from './dto/rounds.dto';
import { OpenItemRow, RoundRow, RoundsRepository } from './rounds.repository';

const uuid = new ParseUUIDPipe();
const KIND_WORDS: Readonly<Record<string, string>> = {
  organisation: 'Organisation',
  platform: 'Plattform',
  'digital-twin': 'Digitaler Zwilling',
  endpoint: 'Schnittstelle',
  dataset: 'Datensatz',
};
const OPEN_ITEM_COLUMNS: readonly CsvColumn<OpenItemRow>[] = [
  { header: 'Land', value: (r) => r.landCode },
  { header: 'Art', value: (r) => KIND_WORDS[r.kind] ?? r.kind },
  { header: 'ID', value: (r) => r.id },
  { header: 'Titel', value: (r) => r.title },
  { header: 'Stand in der Runde', value: () => 'offen' },
  { header: 'Zuletzt bestätigt', value: (r) => r.lastConfirmedAt },
];
const PAGE = 1000;

/** Survey rounds (Erhebungsrunden, issue 22): each Land's progress, for the AG. */
@ApiTags('rounds')
@Controller('api/v1/rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsRepository) {}

  private async round(id: string): Promise<RoundRow> {
    const round = await this.rounds.find(id);
    if (!round) throw new NotFoundException(`survey round ${id} does not exist`);
    return round;
  }

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Survey rounds, newest first' })
  @ApiOkResponse({ type: RoundsPage })
  @ApiBadRequestResponse({ description: 'Invalid limit (application/problem+json)' })
  async list(@Query() query: RoundsQuery): Promise<RoundsPage> {
    return {
      items: (await this.rounds.list(query.limit ?? 50)).map((r) => RoundSummaryView.of(r)),
    };
  }

  @Get(':roundId/progress')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'Each Land’s progress in the round: open, confirmed, updated, withdrawn, new, and its ' +
      '"nothing more to add"; counted over the records the caller may see',
  })
  @ApiParam({ name: 'roundId', format: 'uuid' })
  @ApiOkResponse({ type: RoundProgressView })
  @ApiBadRequestResponse({ description: 'Malformed round id (application/problem+json)' })
  @ApiNotFoundResponse({ description: 'No such round' })
  async progress(
    @Param('roundId', uuid) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RoundProgressView> {
    const round = await this.round(id);
    const rows = await this.rounds.progress(round, viewer.scope);
    return {
      round: RoundSummaryView.of(round),
      laender: rows.map((row) => landProgressView(round, row)),
    };
  }

  @Get(':roundId/open-items.csv')
  @ApiOperation({
    summary:
      'The round’s open records (of one Land with `land`) as CSV to send to the Länder: German ' +
      'Excel by default (semicolons, UTF-8 with BOM, local times), all pages, streamed',
  })
  @ApiParam({ name: 'roundId', format: 'uuid' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'Malformed round id or filter (application/problem+json)' })
  @ApiNotFoundResponse({ description: 'No such round' })
  async openItems(
    @Param('roundId', uuid) id: string,
    @Query() query: OpenItemsQuery,
    @CurrentViewer() viewer: Viewer,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    await this.round(id);
    const rounds = this.rounds;
    const rows = (async function* () {
      let after: { landCode: string; id: string } | null = null;
      for (;;) {
        const page = await rounds.openItems(id, query.land, viewer.scope, after, PAGE);
        yield* page;
        if (page.length < PAGE) return;
        const last = page[page.length - 1];
        after = { landCode: last.landCode, id: last.id };
      }
    })();
    const name = `offene-eintraege${query.land ? `-${query.land}` : ''}`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', attachment(name, 'csv'))
      .header('cache-control', 'no-store')
      .send(csvStream(OPEN_ITEM_COLUMNS, rows, query.delimiter ?? 'semicolon'));
  }
}
