import { appendToOutbox, OutboxEvent } from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReadScope, visibleSql } from '../auth/visibility';
import { isRestrictedTable } from '../records/restricted-tables';
import {
  inScopeCondition,
  LandTally,
  landResult,
  ROUND_KIND_TABLES,
  RoundRecordStatus,
  RoundState,
} from './round-state';

export interface RoundLandRow {
  landCode: string;
  inScope: number;
  completedAt: Date | null;
  completedBy: string | null;
  completedLate: boolean;
  /** The frozen result, once the round is closed. */
  result: ReturnType<typeof landResult> | null;
}

export interface RoundRow {
  id: string;
  title: string;
  referenceDate: string;
  deadline: Date;
  kinds: string[];
  landCodes: string[];
  state: RoundState;
  openedBy: string;
  openedAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
  version: number;
  laender: RoundLandRow[];
}

export interface RoundRecordRow {
  roundId: string;
  recordId: string;
  kind: string;
  landCode: string;
  status: RoundRecordStatus;
  late: boolean;
  actedBy: string | null;
  actedAt: Date | null;
  reason: string | null;
  version: number;
}

export interface RoundRecordListItem extends RoundRecordRow {
  lastConfirmedAt: Date | null;
  lastConfirmedBy: string | null;
  lastConfirmedRound: string | null;
}

/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers [rows, affected] there. */
export function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

const OUTBOX_CHUNK = 2000;

const RECORD_COLUMNS = `rr.round_id::text AS "roundId", rr.record_id::text AS "recordId", rr.kind,
  rr.land_code AS "landCode", rr.status, rr.late, rr.acted_by AS "actedBy", rr.acted_at AS "actedAt",
  rr.reason, rr.version`;

/** A round's writes inside one transaction; the service decides, this reads and writes. */
export class RoundTransaction {
  constructor(private readonly manager: EntityManager) {}

  /** The round, locked: FOR UPDATE serialises closes, FOR SHARE lets confirmations run side by side. */
  async lockRound(id: string, mode: 'share' | 'update'): Promise<RoundRow | null> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM survey_round WHERE id = $1 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
      [id],
    );
    return rows.length ? readRound(this.manager, id) : null;
  }

  async round(id: string): Promise<RoundRow> {
    const round = await readRound(this.manager, id);
    if (!round) throw new Error(`round ${id} vanished inside its transaction`);
    return round;
  }

  /** The rows of `ids` in the round, locked against concurrent writes of the same records. */
  async records(roundId: string, ids: readonly string[]): Promise<RoundRecordRow[]> {
    return this.manager.query(
      `SELECT ${RECORD_COLUMNS} FROM survey_round_record rr
        WHERE rr.round_id = $1 AND rr.record_id = ANY($2::uuid[]) ORDER BY rr.record_id FOR UPDATE`,
      [roundId, ids],
    );
  }

  /** Which of `ids` (records of the round's kind tables) `scope` may see. */
  async visible(rows: readonly RoundRecordRow[], scope: ReadScope): Promise<Set<string>> {
    const seen = new Set<string>();
    for (const [kind, table] of Object.entries(ROUND_KIND_TABLES)) {
      const ids = rows.filter((r) => r.kind === kind).map((r) => r.recordId);
      if (ids.length === 0) continue;
      if (scope.all || !isRestrictedTable(this.manager.connection, table)) {
        ids.forEach((id) => seen.add(id));
        continue;
      }
      const condition = visibleSql(scope, 'r', '$2');
      const found: { id: string }[] = await this.manager.query(
        `SELECT r.id::text AS id FROM ${table} r WHERE r.id = ANY($1::uuid[]) AND ${condition.sql}`,
        [ids, ...condition.values],
      );
      found.forEach((r) => seen.add(r.id));
    }
    return seen;
  }

  /** Sets status, who, when, late (and a reason) on the given rows; returns them as stored. */
  async setStatus(
    roundId: string,
    changes: { recordId: string; status: RoundRecordStatus }[],
    act: { by: string; at: Date; late: boolean; reason?: string | null },
  ): Promise<RoundRecordRow[]> {
    if (changes.length === 0) return [];
    const result: unknown = await this.manager.query(
      `UPDATE survey_round_record rr
          SET status = c.status, late = $4, acted_by = $5, acted_at = $6,
              reason = COALESCE($7, rr.reason), version = rr.version + 1
         FROM unnest($2::uuid[], $3::text[]) AS c(record_id, status)
        WHERE rr.round_id = $1 AND rr.record_id = c.record_id
        RETURNING ${RECORD_COLUMNS}`,
      [
        roundId,
        changes.map((c) => c.recordId),
        changes.map((c) => c.status),
        act.late,
        act.by,
        act.at,
        act.reason ?? null,
      ],
    );
    return returnedRows(result);
  }

  async complete(roundId: string, landCode: string, by: string, at: Date, late: boolean) {
    await this.manager.query(
      `UPDATE survey_round_land SET completed_at = $3, completed_by = $4, completed_late = $5
        WHERE round_id = $1 AND land_code = $2`,
      [roundId, landCode, at, by, late],
    );
    await this.bumpVersion(roundId);
  }

  /** Freezes each Land's result (the snapshot the report and the trends use) and closes. */
  async close(round: RoundRow, by: string, at: Date): Promise<void> {
    const tallies: (Omit<LandTally, 'inScope' | 'created'> & { landCode: string })[] =
      await this.manager.query(
        `SELECT land_code AS "landCode",
                count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE status = 'updated')::int AS updated,
                count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
                count(*) FILTER (WHERE late)::int AS late
           FROM survey_round_record WHERE round_id = $1 GROUP BY land_code`,
        [round.id],
      );
    const created = await this.createdDuring(round, at);
    for (const land of round.laender) {
      const tally = tallies.find((t) => t.landCode === land.landCode);
      const result = landResult({
        inScope: land.inScope,
        confirmed: tally?.confirmed ?? 0,
        updated: tally?.updated ?? 0,
        withdrawn: tally?.withdrawn ?? 0,
        late: tally?.late ?? 0,
        created: created.get(land.landCode) ?? 0,
      });
      await this.manager.query(
        `INSERT INTO survey_round_result (round_id, land_code, in_scope, open, confirmed, updated,
           withdrawn, created, late, completed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          round.id,
          land.landCode,
          land.inScope,
          result.open,
          result.confirmed,
          result.updated,
          result.withdrawn,
          result.created,
          result.late,
          land.completedAt,
        ],
      );
    }
    await this.manager.query(
      `UPDATE survey_round SET state = 'closed', closed_by = $2, closed_at = $3 WHERE id = $1`,
      [round.id, by, at],
    );
    await this.bumpVersion(round.id);
  }

  /** Live records of the round's kinds created in its Länder while it was open, per Land. */
  private async createdDuring(round: RoundRow, until: Date): Promise<Map<string, number>> {
    const parts = round.kinds.map(
      (kind) => `SELECT r.land_code FROM ${ROUND_KIND_TABLES[kind]} r
        WHERE ${inScopeCondition(kind, 'r')} AND r.land_code = ANY($1)
          AND r.created_at >= $2 AND r.created_at <= $3`,
    );
    const rows: { landCode: string; n: number }[] = await this.manager.query(
      `SELECT land_code AS "landCode", count(*)::int AS n FROM (${parts.join(' UNION ALL ')}) c
        GROUP BY land_code`,
      [round.landCodes, round.openedAt, until],
    );
    return new Map(rows.map((r) => [r.landCode, r.n]));
  }

  private async bumpVersion(roundId: string): Promise<void> {
    await this.manager.query('UPDATE survey_round SET version = version + 1 WHERE id = $1', [
      roundId,
    ]);
  }

  async append(events: OutboxEvent[]): Promise<void> {
    await appendToOutbox(this.manager, events);
  }
}

async function readRound(manager: EntityManager, id: string): Promise<RoundRow | null> {
  const [round]: Omit<RoundRow, 'laender'>[] = await manager.query(
    `SELECT id::text, title, to_char(reference_date, 'YYYY-MM-DD') AS "referenceDate", deadline,
            kinds, land_codes AS "landCodes", state, opened_by AS "openedBy", opened_at AS "openedAt",
            closed_by AS "closedBy", closed_at AS "closedAt", version
       FROM survey_round WHERE id = $1`,
    [id],
  );
  if (!round) return null;
  const laender: (Omit<RoundLandRow, 'result'> & {
    open: number | null;
    confirmed: number;
    updated: number;
    withdrawn: number;
    created: number;
    late: number;
  })[] = await manager.query(
    `SELECT l.land_code AS "landCode", l.in_scope AS "inScope", l.completed_at AS "completedAt",
            l.completed_by AS "completedBy", l.completed_late AS "completedLate",
            s.open, s.confirmed, s.updated, s.withdrawn, s.created, s.late
       FROM survey_round_land l
       LEFT JOIN survey_round_result s ON s.round_id = l.round_id AND s.land_code = l.land_code
      WHERE l.round_id = $1 ORDER BY l.land_code`,
    [id],
  );
  return {
    ...round,
    laender: laender.map(({ open, confirmed, updated, withdrawn, created, late, ...land }) => ({
      ...land,
      result: open === null ? null : { open, confirmed, updated, withdrawn, created, late },
    })),
  };
}

/** Survey rounds: the only code that touches their tables (the write path's hook aside). */
@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: RoundTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new RoundTransaction(manager)));
  }

  /**
   * Stores a new round and snapshots its in-scope records (status 'open') and each Land's count,
   * with the opened event, in one transaction.
   */
  async open(
    round: Omit<RoundRow, 'laender' | 'state' | 'closedBy' | 'closedAt' | 'version'>,
    event: (stored: RoundRow) => OutboxEvent,
    recordEvent: (row: RoundRecordRow) => OutboxEvent,
  ): Promise<RoundRow> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO survey_round (id, title, reference_date, deadline, kinds, land_codes,
           opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          round.id,
          round.title,
          round.referenceDate,
          round.deadline,
          round.kinds,
          round.landCodes,
          round.openedBy,
          round.openedAt,
        ],
      );
      for (const kind of round.kinds) {
        await manager.query(
          `INSERT INTO survey_round_record (round_id, record_id, kind, land_code, version)
           SELECT $1, r.id, $2, r.land_code, 1 FROM ${ROUND_KIND_TABLES[kind]} r
            WHERE ${inScopeCondition(kind, 'r')} AND r.land_code = ANY($3)`,
          [round.id, kind, round.landCodes],
        );
      }
      await manager.query(
        `INSERT INTO survey_round_land (round_id, land_code, in_scope)
         SELECT $1, l.code, (SELECT count(*) FROM survey_round_record rr
                              WHERE rr.round_id = $1 AND rr.land_code = l.code)
           FROM unnest($2::text[]) AS l(code)`,
        [round.id, round.landCodes],
      );
      const stored = await readRound(manager, round.id);
      if (!stored) throw new Error(`round ${round.id} was not stored`);
      await appendToOutbox(manager, [event(stored)]);
      // Every in-scope record as 'open', so a consumer knows the round's records (in chunks: an
      // INSERT takes at most 65,535 parameters, four per event).
      const rows: RoundRecordRow[] = await manager.query(
        `SELECT ${RECORD_COLUMNS} FROM survey_round_record rr WHERE rr.round_id = $1
          ORDER BY rr.record_id`,
        [round.id],
      );
      for (let i = 0; i < rows.length; i += OUTBOX_CHUNK)
        await appendToOutbox(manager, rows.slice(i, i + OUTBOX_CHUNK).map(recordEvent));
      return stored;
    });
  }

  /** A record's row in a round, or null when the round does not hold it. */
  async recordOf(roundId: string, recordId: string): Promise<RoundRecordRow | null> {
    const [row]: RoundRecordRow[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM survey_round_record rr
        WHERE rr.round_id = $1 AND rr.record_id = $2`,
      [roundId, recordId],
    );
    return row ?? null;
  }

  find(id: string): Promise<RoundRow | null> {
    return readRound(this.dataSource.manager, id);
  }

  /** Rounds, newest first; keyset paging on (opened_at, id). */
  async list(limit: number, after?: { openedAt: string; id: string }): Promise<RoundRow[]> {
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id::text FROM survey_round
        WHERE $1::timestamptz IS NULL OR (opened_at, id) < ($1::timestamptz, $2::uuid)
        ORDER BY opened_at DESC, id DESC LIMIT $3`,
      [after?.openedAt ?? null, after?.id ?? null, limit],
    );
    const rounds = await Promise.all(ids.map((r) => readRound(this.dataSource.manager, r.id)));
    return rounds.filter((r): r is RoundRow => r !== null);
  }

  /**
   * A page of the round's records `scope` may see, by record id, with each record's last
   * confirmation across all rounds (a write in a round counts as one).
   */
  async records(
    roundId: string,
    filter: { landCode?: string; status?: RoundRecordStatus },
    scope: ReadScope,
    limit: number,
    after?: string,
  ): Promise<{ items: RoundRecordListItem[]; total: number }> {
    const params: unknown[] = [roundId, filter.landCode ?? null, filter.status ?? null];
    const hidden: string[] = [];
    for (const [kind, table] of Object.entries(ROUND_KIND_TABLES)) {
      if (scope.all || !isRestrictedTable(this.dataSource, table)) continue;
      const condition = visibleSql(scope, 'h', `$${params.length + 1}`);
      params.push(...condition.values);
      hidden.push(`(rr.kind = '${kind}' AND NOT EXISTS (SELECT 1 FROM ${table} h
        WHERE h.id = rr.record_id AND ${condition.sql}))`);
    }
    const where = `rr.round_id = $1 AND ($2::text IS NULL OR rr.land_code = $2)
      AND ($3::text IS NULL OR rr.status = $3)${hidden.length ? ` AND NOT (${hidden.join(' OR ')})` : ''}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM survey_round_record rr WHERE ${where}`,
      params,
    );
    const items: RoundRecordListItem[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS}, last.acted_at AS "lastConfirmedAt", last.acted_by AS "lastConfirmedBy",
              last.round_id::text AS "lastConfirmedRound"
         FROM survey_round_record rr
         LEFT JOIN LATERAL (SELECT c.acted_at, c.acted_by, c.round_id FROM survey_round_record c
                             WHERE c.record_id = rr.record_id AND c.status IN ('confirmed', 'updated')
                             ORDER BY c.acted_at DESC LIMIT 1) last ON true
        WHERE ${where} AND ($${params.length + 1}::uuid IS NULL OR rr.record_id > $${params.length + 1}::uuid)
        ORDER BY rr.record_id LIMIT $${params.length + 2}`,
      [...params, after ?? null, limit],
    );
    return { items, total };
  }
}
