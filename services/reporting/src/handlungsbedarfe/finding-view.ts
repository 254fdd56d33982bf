import type { Viewer } from '../auth/viewer';
import type { FindingsFilterQuery } from './dto/findings.query';
import type { FindingView } from './dto/views';
import { explainFinding, SEVERITY_TEXT } from './explain';
import type { FindingFilter, FindingRow } from './findings.repository';
import { ACTIVE_RULE_SET } from './rule-evaluator';
import { SEVERITIES, type Severity } from './rule';

const RULES = new Map(ACTIVE_RULE_SET.rules.map((r) => [r.id, r]));

const severityOf = (value: string): Severity =>
  (SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : 'info';

/** A stored finding as the API and the exports show it: with its entry and sentence. */
export function findingView(f: FindingRow): FindingView {
  const rule = RULES.get(f.rule_id);
  const { entry, sentence } = explainFinding(
    {
      ruleId: f.rule_id,
      landCode: f.land_code,
      subject: f.subject,
      recordIds: f.record_ids,
      evidence: f.evidence,
    },
    rule?.title ?? f.rule_id,
  );
  const severity = SEVERITY_TEXT[severityOf(f.severity)];
  return {
    id: f.id,
    ruleId: f.rule_id,
    ruleVersion: f.rule_version,
    title: rule?.title ?? f.rule_id,
    severity: f.severity,
    rationale: rule?.rationale ?? '',
    landCode: f.land_code,
    recordKind: f.record_kind,
    recordIds: f.record_ids,
    evidence: f.evidence,
    firstSeenAt: new Date(f.first_seen_at).toISOString(),
    updatedAt: new Date(f.updated_at).toISOString(),
    entry,
    explanation: sentence,
    severityLabel: severity.label,
    severityMeaning: severity.meaning,
  };
}

/** The repository's filter of a query (kinds split, paging left out). */
export function findingFilter(
  query: Omit<FindingsFilterQuery, 'limit' | 'cursor'>,
  viewer: Viewer,
): Omit<FindingFilter, 'after' | 'limit'> {
  return {
    landCode: query.landCode,
    severity: query.severity,
    ruleId: query.ruleId,
    kinds: query.kind ? [...new Set(query.kind.split(','))] : undefined,
    theme: query.theme,
    scope: viewer.scope,
  };
}
