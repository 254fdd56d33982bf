import { LAENDER } from '@dpi/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Viewer } from '../auth/viewer';
import { QualityService } from '../quality/quality.service';
import { landProgressView, RoundSummaryView } from '../rounds/dto/rounds.dto';
import { RoundsRepository } from '../rounds/rounds.repository';
import { LandProfile, ProfileHarvestSource } from './dto/profile.dto';
import { FRESHNESS_MAX_AGE_DAYS, FRESHNESS_RULE, freshness } from './profile';
import { PROFILE_ENDPOINT_LIMIT, ProfileRepository } from './profile.repository';

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const date = (v: unknown) => (v ? new Date(v as string) : null);

@Injectable()
export class ProfileService {
  constructor(
    private readonly repository: ProfileRepository,
    private readonly quality: QualityService,
    private readonly rounds: RoundsRepository,
  ) {}

  /** The Land's status in the newest survey round that includes it (issue 22), or null. */
  private async survey(landCode: string, viewer: Viewer): Promise<LandProfile['survey']> {
    const round = (await this.rounds.list(50)).find((r) => r.landCodes.includes(landCode));
    if (!round) return null;
    const row = (await this.rounds.progress(round, viewer.scope)).find(
      (p) => p.landCode === landCode,
    );
    return row
      ? { round: RoundSummaryView.of(round), progress: landProgressView(round, row) }
      : null;
  }

  async profile(code: string, viewer: Viewer): Promise<LandProfile> {
    const land = LAENDER.find((l) => l.code === code.toUpperCase());
    if (!land) throw new NotFoundException(`no Land ${code}; use an ISO 3166-2 code such as DE-HH`);
    const scope = viewer.scope;
    const [platforms, twins, datasets, endpoints, sources, findings, [quality], survey] =
      await Promise.all([
        this.repository.platforms(land.code, scope),
        this.repository.twins(land.code),
        this.repository.datasets(land.code, scope),
        this.repository.endpoints(land.code),
        this.repository.harvestSources(land.code),
        this.repository.findingsByRule(land.code, scope),
        this.quality.laender(viewer, land.code),
        this.survey(land.code, viewer),
      ]);
    const now = new Date();
    const harvestSources = sources.map((s): ProfileHarvestSource => ({
      sourceId: s.source_id as string,
      sourceName: s.source_name as string,
      latestState: s.latest_state as string,
      lastFinishedState: (s.last_finished_state as string | null) ?? null,
      lastFinishedAt: iso(s.last_finished_at),
      lastMessage: (s.last_message as string | null) ?? null,
      lastSuccessAt: iso(s.last_success_at),
      schedule: (s.schedule as string | null) ?? null,
      nextDueAt: iso(s.next_due_at),
      ...freshness(
        {
          lastSuccessAt: date(s.last_success_at),
          nextDueAt: date(s.next_due_at),
          overdue: s.stale === true,
        },
        now,
      ),
    }));
    const endpointTotal = endpoints.byType.reduce((sum, r) => sum + Number(r.n), 0);
    const findingCounts = findings.map((f) => ({
      ruleId: f.ruleId as string,
      severity: f.severity as string,
      count: Number(f.n),
    }));
    return {
      code: land.code,
      key: land.key,
      abbr: land.abbr,
      name: land.name,
      counts: {
        platforms: platforms.length,
        twins: twins.length,
        datasets: Number(datasets.totals.total),
        endpoints: endpointTotal,
        harvestSources: harvestSources.length,
        staleHarvestSources: harvestSources.filter((s) => s.stale).length,
      },
      platforms: platforms.map((p) => ({
        id: p.id as string,
        name: p.name as string,
        type: p.type as string,
        status: p.status as string,
        homepage: (p.homepage as string | null) ?? null,
        standards: p.standards as string[],
        source: p.source as string,
      })),
      twins: twins.map((t) => ({
        id: t.id as string,
        name: t.name as string,
        kind: t.kind as string,
        maturityLevel: Number(t.maturityLevel),
        useCases: t.useCases as string[],
        homepage: (t.homepage as string | null) ?? null,
      })),
      datasets: {
        total: Number(datasets.totals.total),
        open: Number(datasets.totals.open),
        harvested: Number(datasets.totals.harvested),
        withoutTheme: Number(datasets.totals.withoutTheme),
        byTheme: datasets.themes.map((r) => ({ value: r.value as string, count: Number(r.n) })),
        byLicence: datasets.licences.map((r) => ({
          value: (r.value as string | null) ?? null,
          count: Number(r.n),
        })),
      },
      endpoints: {
        total: endpointTotal,
        byServiceType: Object.fromEntries(endpoints.byType.map((r) => [r.value, Number(r.n)])),
        items: endpoints.items.map((e) => ({
          id: e.id as string,
          name: e.name as string,
          serviceType: e.serviceType as string,
          url: e.url as string,
        })),
        truncated: endpointTotal > PROFILE_ENDPOINT_LIMIT,
      },
      harvestSources,
      freshness: { maxAgeDaysUnscheduled: FRESHNESS_MAX_AGE_DAYS, rule: FRESHNESS_RULE },
      findings: {
        total: findingCounts.reduce((sum, f) => sum + f.count, 0),
        byRule: findingCounts,
      },
      quality,
      survey,
      reportPdf: `/api/v1/exports/report.pdf?land=${land.code}`,
      generatedAt: now.toISOString(),
    };
  }
}
