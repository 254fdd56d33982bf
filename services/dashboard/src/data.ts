/**
 * Loads the parts of the reporting API the mounted views need (resources.ts), each only when its
 * request changed (another filter) or a live event made it stale; the rest is kept. One load at a
 * time: calls during a load coalesce into one more.
 */
import { fetchResource } from './api';
import type {
  CoverageMatrix,
  FindingsPage,
  HarvestStatus,
  InventoryItem,
  RoundsOverview,
  ItemsPage,
  LandOverview,
  Summary,
} from './model';
import { partRequests, type PartKey, type ResourceKey } from './resources';
import { effectiveKinds, type ViewState } from './url-state';

export interface LoadedData {
  laender?: LandOverview[];
  /** Stand: when the reporting service computed the figures shown. */
  asOf?: string;
  summary?: Summary;
  items?: { items: InventoryItem[]; total: number; capped: boolean };
  findings?: FindingsPage;
  coverage?: CoverageMatrix;
  harvest?: HarvestStatus;
  /** The survey round shown and the recent rounds (GET /rounds/progress). */
  rounds?: RoundsOverview;
}

/** A refresh slower than this is abandoned; the next one is due anyway. */
const REQUEST_TIMEOUT_MS = 8000;

interface Loaded {
  path: string;
  value: unknown;
}

export class DataLoader {
  private readonly parts = new Map<PartKey, Loaded>();
  private readonly stale = new Set<PartKey>();
  /** API requests made (for the live-update bench: window.__dashboardRequests). */
  requests = 0;

  /** Marks parts as changed: the next load fetches them again. */
  invalidate(parts: Iterable<PartKey>): void {
    for (const part of parts) this.stale.add(part);
  }

  /**
   * Fetches what `resources` need for `state` and is missing, outdated or stale; returns the data
   * of all of them (kept parts included).
   */
  async load(
    resources: readonly ResourceKey[],
    state: ViewState,
    previous: LoadedData,
  ): Promise<LoadedData> {
    const requests = partRequests(resources, state);
    const due = [...requests].filter(
      ([part, path]) => this.stale.has(part) || this.parts.get(part)?.path !== path,
    );
    for (const [part] of due) this.stale.delete(part);
    const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    try {
      await Promise.all(
        due.map(async ([part, path]) => {
          this.requests++;
          const kind = part.startsWith('items:')
            ? 'items'
            : (part as Exclude<PartKey, `items:${string}`>);
          const value = await fetchResource(kind, path, signal);
          this.parts.set(part, { path, value });
        }),
      );
    } catch (error) {
      for (const [part] of due) this.stale.add(part);
      throw error;
    }
    return this.compose(requests, state, previous);
  }

  private compose(
    requests: Map<PartKey, string>,
    state: ViewState,
    previous: LoadedData,
  ): LoadedData {
    const value = <T>(part: PartKey): T | undefined =>
      requests.has(part) ? (this.parts.get(part)?.value as T | undefined) : undefined;
    const data: LoadedData = { ...previous };
    const laender = value<{ laender: LandOverview[]; asOf: string }>('laender');
    if (laender) {
      data.laender = laender.laender;
      data.asOf = laender.asOf;
    }
    data.summary = value<Summary>('summary') ?? data.summary;
    data.findings = value<FindingsPage>('findings') ?? data.findings;
    data.coverage = value<CoverageMatrix>('coverage') ?? data.coverage;
    data.harvest = value<HarvestStatus>('harvest') ?? data.harvest;
    data.rounds = value<RoundsOverview>('rounds') ?? data.rounds;
    const pages = effectiveKinds(state)
      .map((kind) => value<ItemsPage>(`items:${kind}`))
      .filter((page): page is ItemsPage => page !== undefined);
    if (requests.has(`items:${effectiveKinds(state)[0]}`) && pages.length)
      data.items = {
        items: pages
          .flatMap((page) => page.items)
          .sort((a, b) => a.title.localeCompare(b.title, 'de')),
        total: pages.reduce((sum, page) => sum + page.total, 0),
        capped: pages.some((page) => page.nextCursor !== null),
      };
    return data;
  }
}
