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
  LandRoundHistory,
  LandRoundsQuery,
  OpenItemsPdfQuery,
  OpenItemsQuery,
  RoundProgressView,
  RoundsOverview,
  RoundsOverviewQuery,
  RoundsPage,
  RoundsQuery,
  RoundSummaryView,
} from './dto/rounds.dto';
import { KIND_WORDS, OPEN_ITEMS_PDF_LIMIT, renderOpenItemsPdf } from './open-items-pdf';
import { OpenItemRow, RoundRow, RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';

const uuid = new ParseUUIDPipe();
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
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly service: RoundsService,
  ) {}

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

  @Get('progress')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'The dashboard’s round: the recent rounds to choose from and each Land’s progress in the ' +
      'chosen one (`round`), else in the newest open round, else in the newest',
  })
  @ApiOkResponse({ type: RoundsOverview })
  @ApiBadRequestResponse({ description: 'Malformed round id (application/problem+json)' })
  @ApiNotFoundResponse({ description: 'No such round (only when one is chosen)' })
  async overview(
    @Query() query: RoundsOverviewQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RoundsOverview> {
    const overview = await this.service.overview(viewer.scope, query.round);
    if (query.round && !overview.shown)
      throw new NotFoundException(`survey round ${query.round} does not exist`);
    return overview;
  }

  @Get('history')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'The rounds a Land was in, newest first, with its result in each (a closed round’s is ' +
      'frozen); counted over the records the caller may see',
  })
  @ApiOkResponse({ type: LandRoundHistory })
  @ApiBadRequestResponse({ description: 'Missing or unknown land (application/problem+json)' })
  history(
    @Query() query: LandRoundsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<LandRoundHistory> {
    return this.service.history(query.land, viewer.scope);
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
    return this.service.progress(await this.round(id), viewer.scope);
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

  @Get(':roundId/open-items.pdf')
  @ApiOperation({
    summary:
      'The round’s open records (of one Land with `land`) as a tagged PDF to send to the Länder: ' +
      `the round, the Land's progress and the list (at most ${OPEN_ITEMS_PDF_LIMIT} rows; the CSV has all)`,
  })
  @ApiParam({ name: 'roundId', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'Malformed round id or filter (application/problem+json)' })
  @ApiNotFoundResponse({ description: 'No such round' })
  async openItemsPdf(
    @Param('roundId', uuid) id: string,
    @Query() query: OpenItemsPdfQuery,
    @CurrentViewer() viewer: Viewer,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const round = await this.round(id);
    const progress = await this.service.progress(round, viewer.scope);
    const items = await this.rounds.openItems(
      id,
      query.land,
      viewer.scope,
      null,
      OPEN_ITEMS_PDF_LIMIT + 1,
    );
    const pdf = await renderOpenItemsPdf({
      progress,
      landCode: query.land,
      items,
      generatedAt: new Date(),
    });
    const name = `offene-eintraege${query.land ? `-${query.land}` : ''}`;
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachment(name, 'pdf'))
      .header('cache-control', 'no-store')
      .send(pdf);
  }
}
