import type { ReadScope } from '@dpi/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { binder, hiddenIdsSql } from '../auth/visibility';
import { HandlungsbedarfRule, RuleSet } from './rule';

export interface RuleOutcome {
  ruleId: string;
  found: number;
  changed: number;
  removed: number;
  error?: string;
}

export interface FindingRow {
  id: string;
  rule_id: string;
  rule_version: number;
  severity: string;
  land_code: string | null;
  subject: string;
  record_kind: string;
  record_ids: string[];
  evidence: Record<string, unknown>;
  first_seen_at: Date;
  updated_at: Date;
}

export interface FindingFilter {
  landCode?: string;
  severity?: string;
  ruleId?: string;
  /** Record kinds (any of them). */
  kinds?: readonly string[];
  /** An EU theme or twin use case one of the finding's records has. */
  theme?: string;
  after?: { rank: number; id: string };
  limit: number;
  /**
   * Who reads. A finding about a NON_PUBLIC platform the scope may not read (its id the subject)
   * is left out; such records are left out of a finding's records (the finding stays).
   */
  scope: ReadScope;
}

/** Severity order of lists: high first. */
export const SEVERITY_RANK_SQL = `CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END`;

/** Evaluates rules into `finding` and reads findings: the only code touching those tables. */
@Injectable()
export class FindingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Evaluates `rules` (by default every rule of `set`) in one transaction (readers see all
   * findings of one evaluation), each behind a savepoint so a broken rule is recorded and the
   * others still apply; findings of rules no longer in `set` are removed. Concurrent evaluators
   * of the same schema (several instances, a rebuild) take turns.
   */
  async evaluate(
    set: RuleSet,
    rules: readonly HandlungsbedarfRule[] = set.rules,
  ): Promise<RuleOutcome[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.finding'))");
      const outcomes: RuleOutcome[] = [];
      for (const rule of rules) outcomes.push(await this.evaluateRule(manager, rule));
      const ids = set.rules.map((r) => r.id);
      const stale: unknown[] = await manager.query(
        'DELETE FROM finding WHERE NOT (rule_id = ANY ($1)) RETURNING id',
        [ids],
      );
      await manager.query('DELETE FROM rule_evaluation WHERE NOT (rule_id = ANY ($1))', [ids]);
      if (stale.length > 0)
        outcomes.push({ ruleId: '(retired rules)', found: 0, changed: 0, removed: stale.length });
      return outcomes;
    });
  }

  private async evaluateRule(
    manager: EntityManager,
    rule: HandlungsbedarfRule,
  ): Promise<RuleOutcome> {
    const started = Date.now();
    await manager.query('SAVEPOINT rule');
    let outcome: RuleOutcome;
    try {
      const [row]: { found: number; changed: number; removed: number }[] = await manager.query(
        `WITH found AS (
          SELECT $1 || ':' || q.subject AS id, q.land_code, q.subject,
            coalesce(q.record_ids, '{}')::uuid[] AS record_ids, coalesce(q.evidence, '{}')::jsonb AS evidence
          FROM (${rule.sql}) q
        ), upserted AS (
          INSERT INTO finding (id, rule_id, rule_version, severity, land_code, subject, record_kind,
            record_ids, evidence, first_seen_at, updated_at)
          SELECT id, $1, $2, $3, land_code, subject, $4, record_ids, evidence, now(), now() FROM found
          ON CONFLICT (id) DO UPDATE SET rule_version = EXCLUDED.rule_version,
            severity = EXCLUDED.severity, land_code = EXCLUDED.land_code,
            record_kind = EXCLUDED.record_kind, record_ids = EXCLUDED.record_ids,
            evidence = EXCLUDED.evidence, updated_at = now()
          WHERE (finding.rule_version, finding.severity, finding.land_code, finding.record_kind,
              finding.record_ids, finding.evidence)
            IS DISTINCT FROM (EXCLUDED.rule_version, EXCLUDED.severity, EXCLUDED.land_code,
              EXCLUDED.record_kind, EXCLUDED.record_ids, EXCLUDED.evidence)
          RETURNING id
        ), removed AS (
          DELETE FROM finding f WHERE f.rule_id = $1
            AND NOT EXISTS (SELECT 1 FROM found WHERE found.id = f.id)
          RETURNING id
        )
        SELECT (SELECT count(*) FROM found)::int AS found, (SELECT count(*) FROM upserted)::int AS changed,
          (SELECT count(*) FROM removed)::int AS removed`,
        [rule.id, rule.version, rule.severity, rule.recordKind],
      );
      await manager.query('RELEASE SAVEPOINT rule');
      outcome = { ruleId: rule.id, ...row };
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT rule');
      outcome = {
        ruleId: rule.id,
        found: 0,
        changed: 0,
        removed: 0,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    await manager.query(
      `INSERT INTO rule_evaluation (rule_id, rule_version, evaluated_at, findings, duration_ms, error)
       VALUES ($1, $2, now(), $3, $4, $5)
       ON CONFLICT (rule_id) DO UPDATE SET rule_version = EXCLUDED.rule_version,
         evaluated_at = EXCLUDED.evaluated_at, findings = EXCLUDED.findings,
         duration_ms = EXCLUDED.duration_ms, error = EXCLUDED.error`,
      [rule.id, rule.version, outcome.found, Date.now() - started, outcome.error ?? null],
    );
    return outcome;
  }

  /** The WHERE conditions of `filter` (visibility included), with their parameters. */
  private conditions(filter: Omit<FindingFilter, 'after' | 'limit'>): {
    where: string[];
    params: unknown[];
  } {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = binder(params);
    const add = (sql: string, value: unknown) => where.push(sql.replace('?', bind(value)));
    // One hashed anti-join: an array overlap with all hidden ids per finding took 2 s at 41,000
    // findings. Per-platform rules name the platform's id as subject.
    const hiddenPlatforms = hiddenIdsSql(filter.scope, bind, 'platform');
    if (hiddenPlatforms)
      where.push(`NOT (record_kind = 'platform'
        AND subject IN (SELECT id::text FROM (${hiddenPlatforms}) h))`);
    if (filter.landCode) add('land_code = ?', filter.landCode);
    if (filter.severity) add('severity = ?', filter.severity);
    if (filter.ruleId) add('rule_id = ?', filter.ruleId);
    if (filter.kinds?.length) add('record_kind = ANY (?::text[])', filter.kinds);
    // A theme is a property of records: findings with a record of that theme (a finding about a
    // Land as a whole has no theme and is left out). Only visible records count.
    if (filter.theme) {
      const hidden = hiddenIdsSql(filter.scope, bind);
      add(
        `EXISTS (SELECT 1 FROM inventory_item i WHERE i.id = ANY (finding.record_ids)
          AND ? = ANY (i.themes)${hidden ? ` AND i.id NOT IN (${hidden})` : ''})`,
        filter.theme,
      );
    }
    return { where, params };
  }

  async list(
    filter: FindingFilter,
  ): Promise<{ rows: (FindingRow & { rank: number })[]; total: number }> {
    const { where, params } = this.conditions(filter);
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM finding ${condition}`,
      params,
    );
    const page = [...where];
    const pageParams = [...params];
    const hiddenRecords = hiddenIdsSql(filter.scope, binder(pageParams));
    const recordIds = hiddenRecords
      ? `ARRAY(SELECT r FROM unnest(record_ids) r WHERE r NOT IN (${hiddenRecords}))`
      : 'record_ids';
    if (filter.after) {
      pageParams.push(filter.after.rank, filter.after.id);
      page.push(`(${SEVERITY_RANK_SQL}, id) > ($${pageParams.length - 1}, $${pageParams.length})`);
    }
    pageParams.push(filter.limit);
    const rows = await this.dataSource.query(
      `SELECT id, rule_id, rule_version, severity, land_code, subject, record_kind,
         ${recordIds} AS record_ids,
         evidence, first_seen_at, updated_at, ${SEVERITY_RANK_SQL} AS rank FROM finding
       ${page.length ? `WHERE ${page.join(' AND ')}` : ''}
       ORDER BY ${SEVERITY_RANK_SQL}, id LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows, total };
  }

  /** Findings matching `filter` counted per rule or per Land, and per severity. */
  async groups(
    filter: Omit<FindingFilter, 'after' | 'limit'>,
    by: 'rule' | 'land',
  ): Promise<{ key: string | null; severity: string; n: number }[]> {
    const { where, params } = this.conditions(filter);
    const column = by === 'rule' ? 'rule_id' : 'land_code';
    return this.dataSource.query(
      `SELECT ${column} AS key, severity, count(*)::int AS n FROM finding
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY ${column}, severity`,
      params,
    );
  }

  async countsByLandAndSeverity(): Promise<
    { land_code: string | null; severity: string; n: number }[]
  > {
    return this.dataSource.query(
      `SELECT land_code, severity, count(*)::int AS n FROM finding
       GROUP BY land_code, severity ORDER BY land_code, severity`,
    );
  }

  async evaluations(): Promise<
    {
      rule_id: string;
      rule_version: number;
      evaluated_at: Date;
      findings: number;
      duration_ms: number;
      error: string | null;
    }[]
  > {
    return this.dataSource.query('SELECT * FROM rule_evaluation');
  }
}
