import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Survey rounds (Erhebungsrunden, issue 22). A round snapshots its in-scope records when it opens
 * (one `survey_round_record` row each, status 'open'); confirmations, writes and deletes move a
 * row on. Closing freezes each Land's result in `survey_round_result`.
 */
export class SurveyRounds1763900000010 implements MigrationInterface {
  name = 'SurveyRounds1763900000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE survey_round (
      id uuid PRIMARY KEY,
      title text NOT NULL,
      reference_date date NOT NULL,
      deadline timestamptz NOT NULL,
      kinds text[] NOT NULL,
      land_codes text[] NOT NULL,
      state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
      opened_by text NOT NULL,
      opened_at timestamptz NOT NULL,
      closed_by text,
      closed_at timestamptz,
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE TABLE survey_round_land (
      round_id uuid NOT NULL REFERENCES survey_round (id),
      land_code text NOT NULL,
      in_scope integer NOT NULL,
      completed_at timestamptz,
      completed_by text,
      completed_late boolean NOT NULL DEFAULT false,
      PRIMARY KEY (round_id, land_code)
    )`);
    await q.query(`CREATE TABLE survey_round_record (
      round_id uuid NOT NULL REFERENCES survey_round (id),
      record_id uuid NOT NULL,
      kind text NOT NULL,
      land_code text NOT NULL,
      status text NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'confirmed', 'updated', 'withdrawn')),
      late boolean NOT NULL DEFAULT false,
      acted_by text,
      acted_at timestamptz,
      reason text,
      version integer NOT NULL DEFAULT 0,
      PRIMARY KEY (round_id, record_id)
    )`);
    await q.query(
      'CREATE INDEX survey_round_record_land_idx ON survey_round_record (round_id, land_code, record_id)',
    );
    // The write path's hook and lastConfirmed* look a record up across rounds.
    await q.query(
      'CREATE INDEX survey_round_record_record_idx ON survey_round_record (record_id, acted_at DESC)',
    );
    await q.query(`CREATE TABLE survey_round_result (
      round_id uuid NOT NULL REFERENCES survey_round (id),
      land_code text NOT NULL,
      in_scope integer NOT NULL,
      open integer NOT NULL,
      confirmed integer NOT NULL,
      updated integer NOT NULL,
      withdrawn integer NOT NULL,
      created integer NOT NULL,
      late integer NOT NULL,
      completed_at timestamptz,
      PRIMARY KEY (round_id, land_code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE survey_round_result');
    await q.query('DROP TABLE survey_round_record');
    await q.query('DROP TABLE survey_round_land');
    await q.query('DROP TABLE survey_round');
  }
}
