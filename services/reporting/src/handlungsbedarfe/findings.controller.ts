import { CurrentViewer, Viewer } from '../auth/viewer';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validationProblem } from '@dpi/service-kit';
import { decodeCursor, encodeCursor } from '../overview/cursor';
import { FindingsQuery } from '../overview/dto/queries';
import { FindingsPage, RulesView } from './dto/views';
import { FindingsRepository } from './findings.repository';
import { ACTIVE_RULE_SET } from './rule-evaluator';

@ApiTags('handlungsbedarfe')
@Controller('api/v1')
export class FindingsController {
  constructor(private readonly findings: FindingsRepository) {}

  @Get('findings')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Handlungsbedarfe found, with the Land, the records and the evidence',
    description: 'Ordered by severity (high first), then id.',
  })
  @ApiOkResponse({ type: FindingsPage })
  async list(
    @Query() query: FindingsQuery,
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
    const rules = new Map(ACTIVE_RULE_SET.rules.map((r) => [r.id, r]));
    const { rows, total } = await this.findings.list({
      ...query,
      after,
      limit,
      scope: viewer.scope,
    });
    const last = rows[rows.length - 1];
    return {
      items: rows.map((f) => ({
        id: f.id,
        ruleId: f.rule_id,
        ruleVersion: f.rule_version,
        title: rules.get(f.rule_id)?.title ?? f.rule_id,
        severity: f.severity,
        rationale: rules.get(f.rule_id)?.rationale ?? '',
        landCode: f.land_code,
        recordKind: f.record_kind,
        recordIds: f.record_ids,
        evidence: f.evidence,
        firstSeenAt: new Date(f.first_seen_at).toISOString(),
        updatedAt: new Date(f.updated_at).toISOString(),
      })),
      nextCursor: rows.length === limit && last ? encodeCursor([last.rank, last.id]) : null,
      total,
    };
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
