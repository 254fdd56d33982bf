import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RecordChange } from '../projection/record-change';
import { ReadModelColumn, versionedUpsert } from '../projection/versioned-upsert';
import {
  ROUND_RECORD_COLUMNS,
  RoundChange,
  RoundRecordFields,
  SURVEY_ROUND_COLUMNS,
  SurveyRoundFields,
} from './round-events';

/**
 * The only writer of the survey rounds' read models (issue 22): versioned upserts like every
 * read model, so redelivered or older events change nothing and a rebuild from offset 0 ends
 * where the live projection is.
 */
@Injectable()
export class RoundsProjectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async apply(changes: readonly RoundChange[]): Promise<void> {
    const rounds: RecordChange<SurveyRoundFields>[] = [];
    const records: RecordChange<RoundRecordFields>[] = [];
    for (const c of changes)
      if (c.model === 'surveyRound') rounds.push(c.change);
      else records.push(c.change);
    await this.upsert('survey_round_item', SURVEY_ROUND_COLUMNS, rounds);
    await this.upsert('round_record_item', ROUND_RECORD_COLUMNS, records);
  }

  private async upsert<F>(
    table: string,
    columns: readonly ReadModelColumn<F>[],
    changes: readonly RecordChange<F>[],
  ): Promise<void> {
    const statement = versionedUpsert(table, columns, changes);
    if (statement) await this.dataSource.query(statement.sql, statement.params);
  }
}
