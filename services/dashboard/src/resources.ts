/**
 * What the page loads from the reporting API, as named parts ("resources"), and which of them a
 * live event makes stale. A view names the parts it shows (`needs`); the shell loads those for the
 * current state and, under live updates, reloads only the parts an event touched. Pure.
 */
import { effectiveKinds, itemsQuery, KINDS, type Kind, type ViewState } from './url-state';

export const RESOURCES = [
  'laender',
  'summary',
  'items',
  'findings',
  'coverage',
  'harvest',
  'rounds',
] as const;
export type ResourceKey = (typeof RESOURCES)[number];

/** The unit of loading: a resource, or one kind's entries (`items:platform`). */
export type PartKey = Exclude<ResourceKey, 'items'> | `items:${Kind}`;

/** Entries per kind the map and the list load (the CSV export has them all). */
export const ITEMS_PER_KIND = 500;
/** Findings per page of the list. */
export const FINDINGS_PAGE = 100;

/** The parts behind `resources` for this state, each with its API path (below /api/v1). */
export function partRequests(
  resources: Iterable<ResourceKey>,
  state: ViewState,
): Map<PartKey, string> {
  const requests = new Map<PartKey, string>();
  const land = state.land ? `?landCode=${state.land}` : '';
  for (const resource of resources) {
    switch (resource) {
      case 'laender':
        requests.set('laender', '/laender');
        break;
      case 'summary':
        requests.set('summary', '/summary');
        break;
      case 'items':
        for (const kind of effectiveKinds(state)) {
          const query = itemsQuery(state, kind);
          query.set('limit', String(ITEMS_PER_KIND));
          requests.set(`items:${kind}`, `/items?${query}`);
        }
        break;
      case 'findings': {
        const query = new URLSearchParams({ limit: String(FINDINGS_PAGE) });
        if (state.land) query.set('landCode', state.land);
        requests.set('findings', `/findings?${query}`);
        break;
      }
      case 'coverage':
        requests.set('coverage', `/coverage?dimension=${state.coverage}`);
        break;
      case 'harvest':
        requests.set('harvest', `/harvest/sources${land}`);
        break;
      case 'rounds':
        // The survey round's progress per Land (issue 22): the chosen round, else the current.
        requests.set('rounds', `/rounds/progress${state.round ? `?round=${state.round}` : ''}`);
        break;
    }
  }
  return requests;
}

const ITEM_PARTS = KINDS.map((kind): PartKey => `items:${kind}`);
const ALL_PARTS: readonly PartKey[] = [
  'laender',
  'summary',
  ...ITEM_PARTS,
  'findings',
  'coverage',
  'harvest',
  'rounds',
];

/**
 * The parts a server-sent event of `/api/v1/events` makes stale
 * (services/reporting/src/live: `changed` with the read model's name, `aggregates` when the
 * figures per Land were recomputed, `findings` when the Handlungsbedarfe changed). Anything not
 * understood makes everything stale: better one reload too many than a stale page.
 */
export function partsChangedBy(type: string, data: string | undefined): PartKey[] {
  if (type === 'findings') return ['findings'];
  if (type !== 'changed') return [...ALL_PARTS];
  let model: unknown;
  try {
    model = (JSON.parse(data ?? '') as { model?: unknown }).model;
  } catch {
    return [...ALL_PARTS];
  }
  switch (model) {
    case 'aggregates':
      return ['laender', 'summary', 'coverage'];
    case 'platform':
    case 'twin':
    case 'dataset':
    case 'endpoint':
      return [`items:${model}`];
    case 'harvestJob':
      return ['harvest'];
    case 'round':
      return ['rounds'];
    case 'organisation':
      return [];
    default:
      return [...ALL_PARTS];
  }
}

export const everyPart = (): PartKey[] => [...ALL_PARTS];
