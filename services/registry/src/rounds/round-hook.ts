import { appendToOutbox } from '@dpi/db';
import { EntityManager } from 'typeorm';
import { roundRecordChangedEvent } from './round-events';
import { returnedRows, type RoundRecordRow } from './rounds.repository';

/**
 * The write path's part in survey rounds (issue 22), run inside the write's transaction (records
 * .service.ts): a change of a record updates it, a delete withdraws it, in every open round that
 * holds it. The rounds are locked FOR SHARE, so a concurrent close either waits for this write or
 * has already closed the round (then the write no longer counts in it). Late after the deadline.
 */
export async function recordActedInOpenRounds(
  manager: EntityManager,
  recordId: string,
  action: {
    status: 'updated' | 'withdrawn';
    by: string;
    reason?: string | null;
    requestId: string;
  },
): Promise<void> {
  const rounds: { id: string; late: boolean }[] = await manager.query(
    `SELECT r.id::text, now() > r.deadline AS late FROM survey_round r
      WHERE r.state = 'open' AND r.id IN (SELECT round_id FROM survey_round_record
                                           WHERE record_id = $1 AND status <> 'withdrawn')
      FOR SHARE`,
    [recordId],
  );
  const stored: RoundRecordRow[] = [];
  for (const round of rounds) {
    // A round closed while we waited for its lock is skipped by the re-checked `state`.
    const result: unknown = await manager.query(
      `UPDATE survey_round_record rr
          SET status = $3, late = $4, acted_by = $5, acted_at = now(),
              reason = $6, version = rr.version + 1
        WHERE rr.round_id = $1 AND rr.record_id = $2 AND rr.status <> 'withdrawn'
        RETURNING rr.round_id::text AS "roundId", rr.record_id::text AS "recordId", rr.kind,
          rr.land_code AS "landCode", rr.status, rr.late, rr.acted_by AS "actedBy",
          rr.acted_at AS "actedAt", rr.reason, rr.version`,
      [round.id, recordId, action.status, round.late, action.by, action.reason ?? null],
    );
    stored.push(...returnedRows<RoundRecordRow>(result));
  }
  if (stored.length > 0)
    await appendToOutbox(
      manager,
      stored.map((row) => roundRecordChangedEvent(row, action.requestId)),
    );
}
