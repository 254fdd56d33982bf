import { CurrentViewer, Viewer } from '../auth/viewer';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { findLand } from '@dpi/domain';
import { validationProblem } from '@dpi/service-kit';
import { decodeCursor, encodeCursor } from '../overview/cursor';
import { FindingGroupsQuery, FindingsFilterQuery } from './dto/findings.query';
import { FindingGroupsView, FindingsPage, RulesView } from './dto/views';
import { findingFilter, findingView } from './finding-view';
import { FindingsRepository } from './findings.repository';
import { ACTIVE_RULE_SET } from './rule-evaluator';
import { RULE_TEXTS } from './rule-texts';
import { SEVERITIES } from './rule';

const FINDINGS_PATH = '/api/v1/findings';

/** The query string of the filters (for next and group links). */
function filterParams(query: Omit<FindingsFilterQuery, 'limit' | 'cursor'>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['landCode', 'severity', 'ruleId', 'kind', 'theme'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params;
}

@ApiTags('handlungsbedarfe')
@Controller('api/v1')
export class FindingsController {
  constructor(private readonly findings: FindingsRepository) {}

  @Get('findings')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Handlungsbedarfe found: the entry, one sentence with the evidence, the records',
    description:
      'Ordered by severity (high first), then id. Paged without a cap: `total` counts all ' +
      'matching findings, `next` (and `nextCursor`) lead to the following page.',
  })
  @ApiOkResponse({ type: FindingsPage })
  async list(
    @Query() query: FindingsFilterQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<FindingsPage> {
    const limit = query.limit ?? 50;
    let after: { rank: number; id: string } | undefined;
    if (query.cursor) {
      const decoded = decodeCursor(query.cursor, ['int32', 'string']);
      if (!decoded)
        throw validationProblem([{ field: 'cursor', message: 'cursor is not one of ours' }]);
      after = { rank: decoded[0], id: decoded[1] };
    }
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    const { rows, total } = await this.findings.list({
      ...findingFilter(filters, viewer),
      after,
      limit,
    });
    const last = rows[rows.length - 1];
    const nextCursor = rows.length === limit && last ? encodeCursor([last.rank, last.id]) : null;
    let next: string | null = null;
    if (nextCursor) {
      const params = filterParams(filters);
      params.set('limit', String(limit));
      params.set('cursor', nextCursor);
      next = `${FINDINGS_PATH}?${params}`;
    }
    return { items: rows.map(findingView), nextCursor, next, total };
  }

  @Get('findings/groups')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Handlungsbedarfe counted per rule or per Land (with the filters of /findings)',
    description:
      'Each group says how many findings it holds, per severity, and links the findings of the ' +
      'group (GET /findings with the same filters and the group’s rule or Land).',
  })
  @ApiOkResponse({ type: FindingGroupsView })
  async groups(
    @Query() query: FindingGroupsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<FindingGroupsView> {
    const { by = 'rule', ...filters } = query;
    const rows = await this.findings.groups(findingFilter(filters, viewer), by);
    const groups = new Map<string, FindingGroupsView['groups'][number]>();
    for (const row of rows) {
      const key = row.key ?? 'federal';
      let group = groups.get(key);
      if (!group) {
        const params = filterParams(filters);
        if (by === 'rule') params.set('ruleId', key);
        else if (row.key) params.set('landCode', key);
        group = {
          key,
          label: by === 'rule' ? ruleLabel(key) : landLabel(row.key),
          count: 0,
          bySeverity: { high: 0, medium: 0, low: 0, info: 0 },
          findings: `${FINDINGS_PATH}?${params}`,
        };
        groups.set(key, group);
      }
      group.count += row.n;
      const severity = (SEVERITIES as readonly string[]).includes(row.severity)
        ? (row.severity as keyof typeof group.bySeverity)
        : 'info';
      group.bySeverity[severity] += row.n;
    }
    const order =
      by === 'rule'
        ? ACTIVE_RULE_SET.rules.map((r) => r.id)
        : [...groups.keys()].sort((a, b) =>
            a === 'federal' ? 1 : b === 'federal' ? -1 : a < b ? -1 : 1,
          );
    const sorted = [
      ...order.flatMap((key) => groups.get(key) ?? []),
      ...[...groups.values()].filter((g) => !order.includes(g.key)),
    ];
    return { by, total: sorted.reduce((sum, g) => sum + g.count, 0), groups: sorted };
  }

  @Get('rules')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The Handlungsbedarfe rules and their last evaluation' })
  @ApiOkResponse({ type: RulesView })
  async rules(): Promise<RulesView> {
    const evaluations = new Map((await this.findings.evaluations()).map((e) => [e.rule_id, e]));
    return {
      version: ACTIVE_RULE_SET.version,
      rules: ACTIVE_RULE_SET.rules.map((rule) => {
        const e = evaluations.get(rule.id);
        return {
          id: rule.id,
          version: rule.version,
          title: rule.title,
          severity: rule.severity,
          rationale: rule.rationale,
          recordKind: rule.recordKind,
          sql: rule.sql,
          evaluatedAt: e ? new Date(e.evaluated_at).toISOString() : null,
          findings: e?.findings ?? null,
          durationMs: e?.duration_ms ?? null,
          error: e?.error ?? null,
        };
      }),
    };
  }
}

function ruleLabel(id: string): { de: string; en: string } {
  const rule = ACTIVE_RULE_SET.rules.find((r) => r.id === id);
  return RULE_TEXTS[id]?.title ?? { de: rule?.title ?? id, en: rule?.title ?? id };
}

function landLabel(code: string | null): { de: string; en: string } {
  if (!code) return { de: 'Bund', en: 'federal level' };
  const name = findLand(code)?.name ?? code;
  return { de: name, en: name };
}
