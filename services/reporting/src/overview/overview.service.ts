import { Viewer } from '../auth/viewer';
import { EU_THEMES, LAENDER, Land, PLATFORM_TYPES, TWIN_USE_CASES } from '@dpi/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import { validationProblem } from '@dpi/service-kit';
import {
  AggregateSnapshot,
  CountRow,
  DerivedFacetName,
  FacetName,
  QualityRow,
  TotalName,
} from '../aggregates/aggregate-snapshot';
import { AggregatesService } from '../aggregates/aggregates.service';
import {
  dimensionMax,
  QUALITY_DIMENSIONS,
  QUALITY_MAX,
  QUALITY_METHOD_VERSION,
  qualityRating,
} from '../quality/quality-method';
import { decodeCursor, encodeCursor } from './cursor';
import { CoverageDimension, ItemsQuery, parseBbox } from './dto/queries';
import {
  CountOf,
  CoverageMatrix,
  HarvestStatus,
  ItemsPage,
  LandDetail,
  LandOverview,
  LandsView,
  QualityScore,
  QualityView,
  SeverityCounts,
  Summary,
} from './dto/views';
import { OverviewRepository } from './overview.repository';

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 4));

export function qualityScore(row: QualityRow | undefined): QualityScore {
  if (!row || row.datasets === 0)
    return {
      datasets: 0,
      score: null,
      rating: null,
      dimensions: Object.fromEntries(QUALITY_DIMENSIONS.map((d) => [d, null])),
    };
  const points = QUALITY_DIMENSIONS.map((d) => Number(row[d] ?? 0));
  const score = round((100 * points.reduce((a, b) => a + b, 0)) / QUALITY_MAX);
  return {
    datasets: row.datasets,
    score,
    rating: qualityRating(score),
    dimensions: Object.fromEntries(
      QUALITY_DIMENSIONS.map((d, i) => [d, round((100 * points[i]) / dimensionMax(d))]),
    ),
  };
}

/** Weighted sum of per-Land quality rows (the overall score of all datasets). */
function overallQuality(rows: readonly QualityRow[]): QualityScore {
  const datasets = rows.reduce((sum, r) => sum + r.datasets, 0);
  if (datasets === 0) return qualityScore(undefined);
  const combined = { land_code: null, datasets } as QualityRow;
  for (const d of QUALITY_DIMENSIONS)
    combined[d] = String(
      rows.reduce((sum, r) => sum + Number(r[d] ?? 0) * r.datasets, 0) / datasets,
    );
  return qualityScore(combined);
}

function countOf(rows: readonly CountRow[]): CountOf[] {
  const byValue = new Map<string, { count: number; laender: Set<string> }>();
  for (const row of rows) {
    if (row.value === null) continue;
    const entry = byValue.get(row.value) ?? { count: 0, laender: new Set<string>() };
    entry.count += row.n;
    if (row.land_code) entry.laender.add(row.land_code);
    byValue.set(row.value, entry);
  }
  return [...byValue]
    .map(([value, e]) => ({ value, count: e.count, laender: [...e.laender].sort() }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const COVERAGE: Record<
  CoverageDimension,
  { columns: readonly string[]; measure: string; facet: FacetName | DerivedFacetName }
> = {
  platformType: {
    columns: PLATFORM_TYPES,
    measure: 'platforms (all statuses) per type',
    facet: 'platformTypes',
  },
  twinUseCase: {
    columns: TWIN_USE_CASES,
    measure: 'digital twins per use case',
    facet: 'twinUseCases',
  },
  euTheme: {
    columns: EU_THEMES,
    measure: 'platforms and datasets per EU data theme',
    facet: 'euThemes',
  },
};

/** The 16 Länder with their aggregates, in Länderschlüssel order. */
function laenderOf(aggregates: AggregateSnapshot): LandOverview[] {
  return LAENDER.map((land): LandOverview => {
    const count = (name: TotalName) => aggregates.total(name, land.code);
    const levels = aggregates
      .rows('maturity')
      .filter((m) => m.land_code === land.code && m.n > 0)
      .map((m) => Number(m.value));
    return {
      code: land.code,
      key: land.key,
      abbr: land.abbr,
      name: land.name,
      platforms: count('platforms'),
      twins: count('twins'),
      datasets: count('datasets'),
      openDatasets: count('openDatasets'),
      openDataShare: share(count('openDatasets'), count('datasets')),
      endpoints: count('endpoints'),
      organisations: count('organisations'),
      maxMaturity: levels.length ? Math.max(...levels) : null,
      findings: severityCounts(
        aggregates.rows('findings').filter((f) => f.land_code === land.code),
      ),
      quality: qualityScore(aggregates.quality.find((q) => q.land_code === land.code)),
    };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every record id an item's `links` object names (uuid arrays and single uuids). */
export function linkedIds(links: object): string[] {
  return Object.values(links)
    .flatMap((value: unknown) => (Array.isArray(value) ? value : [value]))
    .filter((v): v is string => typeof v === 'string' && UUID.test(v));
}

/** `links` without the ids in `hidden` (a lone hidden id becomes null). */
export function withoutLinksTo(links: object, hidden: ReadonlySet<string>): object {
  if (hidden.size === 0) return links;
  return Object.fromEntries(
    Object.entries(links).map(([key, value]: [string, unknown]) => [
      key,
      Array.isArray(value)
        ? value.filter((v) => typeof v !== 'string' || !hidden.has(v))
        : typeof value === 'string' && hidden.has(value)
          ? null
          : value,
    ]),
  );
}

@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OverviewRepository,
    private readonly aggregates: AggregatesService,
  ) {}

  async laender(): Promise<LandsView> {
    const aggregates = await this.aggregates.current();
    return {
      laender: laenderOf(aggregates),
      asOf: aggregates.asOf,
      generatedAt: new Date().toISOString(),
    };
  }

  async land(code: string): Promise<LandDetail> {
    const land = LAENDER.find((l) => l.code === code.toUpperCase());
    if (!land) throw new NotFoundException(`no Land ${code}; use an ISO 3166-2 code such as DE-HH`);
    const aggregates = await this.aggregates.current();
    const overview = laenderOf(aggregates).find((l) => l.code === land.code) as LandOverview;
    const countsOf = (facet: FacetName) =>
      Object.fromEntries(
        aggregates
          .rows(facet)
          .filter((r) => r.land_code === land.code)
          .map((r) => [r.value ?? '', r.n]),
      );
    return {
      ...overview,
      platformTypes: countsOf('platformTypes'),
      twinUseCases: countsOf('twinUseCases'),
      maturity: countsOf('maturity'),
      standards: countsOf('standards'),
      harvestSources: aggregates.count('harvestSources', land.code),
      asOf: aggregates.asOf,
      generatedAt: new Date().toISOString(),
    };
  }

  async summary(): Promise<Summary> {
    const aggregates = await this.aggregates.current();
    const total = (name: TotalName) => aggregates.total(name);
    const active = aggregates.rows('activePlatformTypes');
    const maturity = aggregates.rows('maturity');
    const laenderWithPlatformType = Object.fromEntries(
      PLATFORM_TYPES.map((type) => [
        type,
        new Set(active.filter((r) => r.value === type && r.land_code).map((r) => r.land_code)).size,
      ]),
    );
    return {
      platforms: total('platforms'),
      twins: total('twins'),
      datasets: total('datasets'),
      openDatasets: total('openDatasets'),
      openDataShare: share(total('openDatasets'), total('datasets')),
      endpoints: total('endpoints'),
      organisations: total('organisations'),
      laenderWithPlatformType,
      laenderWithTwin: aggregates.laenderWith('twins').length,
      maturity: Object.fromEntries(
        [1, 2, 3, 4].map((level) => [
          String(level),
          maturity.filter((m) => m.value === String(level)).reduce((sum, m) => sum + m.n, 0),
        ]),
      ),
      standards: countOf(aggregates.rows('standards')),
      serviceTypes: countOf(aggregates.rows('serviceTypes')),
      threeDFormats: countOf(aggregates.rows('threeDFormats')),
      findings: severityCounts(aggregates.rows('findings')),
      quality: overallQuality(aggregates.quality),
      harvest: {
        sources: aggregates.count('harvestSources'),
        failing: aggregates.count('harvestFailing'),
        stale: aggregates.count('harvestStale'),
      },
      asOf: aggregates.asOf,
      generatedAt: new Date().toISOString(),
    };
  }

  async coverage(dimension: CoverageDimension): Promise<CoverageMatrix> {
    const aggregates = await this.aggregates.current();
    const { columns, measure, facet } = COVERAGE[dimension];
    const rows = aggregates.rows(facet);
    const matrix = LAENDER.map((land: Land) => {
      const counts = new Map(
        rows.filter((r) => r.land_code === land.code).map((r) => [r.value, r.n]),
      );
      const cells = columns.map((c) => counts.get(c) ?? 0);
      return {
        landCode: land.code,
        landName: land.name,
        cells,
        covered: cells.filter((n) => n > 0).length,
      };
    });
    return {
      dimension,
      measure,
      columns: [...columns],
      rows: matrix,
      laenderCovered: columns.map((_, i) => matrix.filter((r) => r.cells[i] > 0).length),
      asOf: aggregates.asOf,
      generatedAt: new Date().toISOString(),
    };
  }

  async items(query: ItemsQuery, viewer: Viewer): Promise<ItemsPage> {
    const limit = query.limit ?? 50;
    const bbox = query.bbox ? parseBbox(query.bbox) : undefined;
    if (bbox === null)
      throw validationProblem([
        { field: 'bbox', message: 'bbox must lie within WGS84 with west ≤ east and south ≤ north' },
      ]);
    let after: { title: string; id: string } | undefined;
    if (query.cursor) {
      const decoded = decodeCursor(query.cursor, ['string', 'uuid']);
      if (!decoded)
        throw validationProblem([{ field: 'cursor', message: 'cursor is not one of ours' }]);
      after = { title: decoded[0], id: decoded[1] };
    }
    const { rows, total } = await this.repository.items({
      landCode: query.landCode,
      kind: query.kind,
      type: query.type,
      status: query.status,
      theme: query.theme,
      maturity: query.maturity,
      openData: query.openData,
      bbox,
      q: query.q,
      after,
      limit,
      scope: viewer.scope,
    });
    // Links do not name the NON_PUBLIC records the viewer may not read either (issue 17).
    const hidden = await this.repository.hiddenAmong(
      rows.flatMap((r) => linkedIds(r.links)),
      viewer.scope,
    );
    const last = rows[rows.length - 1];
    return {
      items: rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        landCode: r.land_code,
        landName: r.land_name,
        title: r.title,
        description: r.description,
        type: r.type,
        status: r.status,
        themes: r.themes,
        maturityLevel: r.maturity_level,
        openData: r.open_data,
        url: r.url,
        geometry: r.geometry ? JSON.parse(r.geometry) : null,
        bbox: r.bbox ? JSON.parse(r.bbox) : null,
        links: withoutLinksTo(r.links, hidden),
        detail: r.detail,
        source: r.source,
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
      nextCursor: rows.length === limit && last ? encodeCursor([last.sort_title, last.id]) : null,
      total,
    };
  }

  async harvest(landCode?: string): Promise<HarvestStatus> {
    const rows = await this.repository.harvestSources(landCode);
    const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    return {
      sources: rows.map((r) => {
        const finished = Number(r.succeeded) + Number(r.failed);
        return {
          sourceId: r.source_id as string,
          sourceName: r.source_name as string,
          landCode: (r.land_code as string | null) ?? null,
          latestJobId: r.latest_job_id as string,
          latestState: r.latest_state as string,
          latestMode: r.latest_mode as string,
          latestMatched: Number(r.latest_matched),
          latestReceived: Number(r.latest_received),
          lastFinishedState: (r.last_finished_state as string | null) ?? null,
          lastFinishedAt: iso(r.last_finished_at),
          lastMessage: (r.last_message as string | null) ?? null,
          lastSuccessAt: iso(r.last_success_at),
          schedule: (r.schedule as string | null) ?? null,
          nextDueAt: iso(r.next_due_at),
          jobs: Number(r.jobs),
          succeeded: Number(r.succeeded),
          failed: Number(r.failed),
          successRate: share(Number(r.succeeded), finished),
          stale: r.stale === true,
        };
      }),
      generatedAt: new Date().toISOString(),
    };
  }

  async quality(): Promise<QualityView> {
    const aggregates = await this.aggregates.current();
    const rows = aggregates.quality;
    return {
      methodVersion: QUALITY_METHOD_VERSION,
      overall: overallQuality(rows),
      laender: LAENDER.map((land) => ({
        landCode: land.code,
        landName: land.name,
        ...qualityScore(rows.find((r) => r.land_code === land.code)),
      })),
      asOf: aggregates.asOf,
      generatedAt: new Date().toISOString(),
    };
  }
}

/** Findings per severity (`value`) of the rows given. */
export function severityCounts(rows: readonly CountRow[]): SeverityCounts {
  const counts: SeverityCounts = { high: 0, medium: 0, low: 0, info: 0 };
  for (const row of rows)
    if (row.value && row.value in counts) counts[row.value as keyof SeverityCounts] += row.n;
  return counts;
}
