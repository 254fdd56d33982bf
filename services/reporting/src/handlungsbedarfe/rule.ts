import { READ_MODELS, type ReadModelName } from '../projection/read-models';

export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a finding's `recordIds` point at. */
export const RECORD_KINDS = [
  'land',
  'platform',
  'twin',
  'dataset',
  'endpoint',
  'harvestSource',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * A Handlungsbedarf (gap rule). `sql` is a SELECT over the read models returning one row per
 * finding with exactly these columns:
 * - `land_code` text: the Land the finding concerns (null for federal records),
 * - `subject` text: stable key of the finding within the rule (a record id, a Land code …),
 * - `record_ids` uuid[]: the records it concerns (of `recordKind`),
 * - `evidence` jsonb: the facts behind it, shown to the AG (no clock values, or every
 *   evaluation would count as a change).
 */
export interface HandlungsbedarfRule {
  /** kebab-case, stable across versions: findings are keyed by it. */
  id: string;
  /** Raised whenever the rule's meaning changes. */
  version: number;
  /** German, as the AG reads it. */
  title: string;
  severity: Severity;
  /** German: why this is a need for action. */
  rationale: string;
  recordKind: RecordKind;
  sql: string;
}

export interface RuleSet {
  version: number;
  rules: readonly HandlungsbedarfRule[];
}

/** Checks a rule set before the service evaluates it; throws naming the first problem. */
export function assertValidRuleSet(set: RuleSet): void {
  const seen = new Set<string>();
  for (const rule of set.rules) {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(rule.id))
      throw new Error(`rule id ${rule.id} is not kebab-case`);
    if (seen.has(rule.id)) throw new Error(`rule id ${rule.id} is used twice`);
    seen.add(rule.id);
    if (!Number.isInteger(rule.version) || rule.version < 1)
      throw new Error(`rule ${rule.id}: version must be a positive integer`);
    if (!SEVERITIES.includes(rule.severity))
      throw new Error(`rule ${rule.id}: unknown severity ${rule.severity}`);
    if (!RECORD_KINDS.includes(rule.recordKind))
      throw new Error(`rule ${rule.id}: unknown record kind ${rule.recordKind}`);
    if (rule.title.trim() === '' || rule.rationale.trim() === '')
      throw new Error(`rule ${rule.id}: title and rationale are required`);
    if (!/^\s*(SELECT|WITH)\b/i.test(rule.sql))
      throw new Error(`rule ${rule.id}: sql must be a SELECT`);
    if (/;\s*\S/.test(rule.sql)) throw new Error(`rule ${rule.id}: sql must be one statement`);
    for (const column of ['land_code', 'subject', 'record_ids', 'evidence'])
      if (!new RegExp(`\\b${column}\\b`).test(rule.sql))
        throw new Error(`rule ${rule.id}: sql does not name the column ${column}`);
  }
}

/**
 * The read models whose changes can change a rule's findings, read off the tables and views its
 * SQL names (`land` is reference data and never changes). A rule naming none of them is
 * re-evaluated after any change. Rules that depend on the clock (a harvest source going stale)
 * are caught by the periodic evaluation of all rules.
 */
export function modelsReadBy(rule: HandlungsbedarfRule): ReadonlySet<ReadModelName> | 'any' {
  const models = new Set<ReadModelName>();
  for (const [relation, read] of Object.entries(RELATIONS))
    if (new RegExp(`\\b${relation}\\b`).test(rule.sql)) for (const m of read) models.add(m);
  return models.size > 0 ? models : 'any';
}

/** Tables and views of the read models, and the read models behind each. */
const RELATIONS: Readonly<Record<string, readonly ReadModelName[]>> = {
  ...Object.fromEntries(Object.values(READ_MODELS).map((m) => [m.table, [m.name]])),
  dataset_quality: ['dataset'],
  harvest_source_status: ['harvestJob'],
  inventory_item: ['platform', 'twin', 'dataset', 'endpoint', 'organisation'],
  unpublished_record: ['platform', 'dataset'],
};
