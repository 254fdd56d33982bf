import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The survey rounds' read models (issue 22), projected from dpi.registry.survey-round.v1 and
 * dpi.registry.round-record.v1 like every read model (versioned rows, rebuilt from offset 0).
 * A round record's id is a name-based UUID of `<roundId>/<recordId>` (rounds/round-events.ts).
 */
export class SurveyRounds1763900000120 implements MigrationInterface {
  name = 'SurveyRounds1763900000120';

  async up(q: QueryRunner): Promise<void> {
    const versioned = `version integer NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      last_event_id text NOT NULL`;
    await q.query(`CREATE TABLE survey_round_item (
      id uuid PRIMARY KEY,
      title text NOT NULL,
      reference_date text NOT NULL,
      deadline timestamptz,
      kinds text[] NOT NULL,
      land_codes text[] NOT NULL,
      state text NOT NULL,
      opened_at timestamptz,
      closed_at timestamptz,
      laender jsonb NOT NULL,
      ${versioned}
    )`);
    await q.query(`CREATE TABLE round_record_item (
      id uuid PRIMARY KEY,
      round_id uuid NOT NULL,
      record_id uuid NOT NULL,
      kind text NOT NULL,
      land_code text NOT NULL,
      status text NOT NULL,
      late boolean NOT NULL,
      acted_by text,
      acted_at timestamptz,
      reason text,
      ${versioned}
    )`);
    await q.query(
      'CREATE INDEX round_record_item_round_idx ON round_record_item (round_id, land_code, status)',
    );
    await q.query('CREATE INDEX round_record_item_record_idx ON round_record_item (record_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE round_record_item');
    await q.query('DROP TABLE survey_round_item');
  }
}
