import type { ReadScope } from '@dpi/auth';
import { Injectable } from '@nestjs/common';
import { shownRound } from './current-round';
import {
  LandRoundHistory,
  landProgressView,
  RoundProgressView,
  RoundsOverview,
  RoundSummaryView,
} from './dto/rounds.dto';
import { RoundRow, RoundsRepository } from './rounds.repository';

/** Rounds offered to choose from on the dashboard. */
const OVERVIEW_ROUNDS = 20;
/** A Land's round history: at most this many rounds. */
const HISTORY_ROUNDS = 50;

/** Survey rounds as the AG reads them: progress, the dashboard's round, a Land's history. */
@Injectable()
export class RoundsService {
  constructor(private readonly rounds: RoundsRepository) {}

  /** Each Land's progress in `round`, counted over what `scope` sees. */
  async progress(round: RoundRow, scope: ReadScope): Promise<RoundProgressView> {
    const rows = await this.rounds.progress(round, scope);
    return {
      round: RoundSummaryView.of(round),
      laender: rows.map((row) => landProgressView(round, row)),
    };
  }

  /** The rounds to choose from and the progress of the chosen one (else the current one). */
  async overview(scope: ReadScope, chosen?: string): Promise<RoundsOverview> {
    const rounds = await this.rounds.list(OVERVIEW_ROUNDS);
    // A chosen round older than the list still shows.
    const listed =
      chosen && !rounds.some((r) => r.id === chosen) ? await this.rounds.find(chosen) : null;
    const shown = shownRound(listed ? [...rounds, listed] : rounds, chosen);
    return {
      rounds: rounds.map((r) => RoundSummaryView.of(r)),
      shown: shown ? await this.progress(shown, scope) : null,
    };
  }

  /** The rounds `landCode` was in, newest first, each with the Land's result. */
  async history(landCode: string, scope: ReadScope): Promise<LandRoundHistory> {
    const rounds = await this.rounds.ofLand(landCode, HISTORY_ROUNDS);
    const entries = [];
    for (const round of rounds) {
      const { laender } = await this.progress(round, scope);
      const progress = laender.find((l) => l.landCode === landCode);
      if (progress) entries.push({ round: RoundSummaryView.of(round), progress });
    }
    return { landCode, rounds: entries };
  }

  /** The closed rounds' frozen results, the most recently closed first. */
  async closedResults(scope: ReadScope, limit: number): Promise<RoundProgressView[]> {
    const rounds = await this.rounds.closed(limit);
    return Promise.all(rounds.map((round) => this.progress(round, scope)));
  }
}
