/**
 * What a view is and what it gets from the shell (main.ts). A view is one file under src/views/
 * and one line in registry.ts; see the README, "How to add a view".
 */
import type { Finding, InventoryItem } from '../model';
import type { LoadedData } from '../data';
import type { ResourceKey } from '../resources';
import type { ReviewerSession } from '../reviewer';
import type { RouteParams } from '../router';
import type { StatusMessage } from '../status';
import type { Store } from '../store';
import type { Language, ViewState } from '../url-state';

export interface AppState {
  /** Filters, measure, language … (the URL's query, url-state.ts). */
  view: ViewState;
  /** The URL's path (the route, router.ts). */
  path: string;
  /** What the reporting API answered, per resource. */
  data: LoadedData;
  status: StatusMessage | undefined;
  /** The live stream is connected. */
  live: boolean;
  reviewer: ReviewerSession | null;
  /** The entry whose details are open. */
  openItem: InventoryItem | undefined;
  /** The finding whose details are open (its id is `view.finding`) and its records. */
  openFinding: { finding: Finding; records: Map<string, InventoryItem> } | undefined;
  /** Land names: the API's once it answered, the map outlines' before. */
  names: ReadonlyMap<string, string>;
}

export interface ViewContext {
  store: Store<AppState>;
  /** Changes the query state (a new history entry unless `replace`). */
  navigate(changes: Partial<ViewState>, options?: { replace?: boolean }): void;
  /** Goes to another route (`/land/DE-BE`), keeping the query (filters, language). */
  go(path: string): void;
  /** GETs a reporting resource (below /api/v1) with the reviewer's token; checks nothing. */
  fetchJson<T>(path: string, signal?: AbortSignal): Promise<T>;
  /**
   * Called with what changed after live updates were coalesced (coalesce.ts), for views that
   * load something of their own. Returns the function that unsubscribes.
   */
  onLiveChange(listener: (parts: ReadonlySet<string>) => void): () => void;
  /** Shows an error in the status line. */
  reportError(error: unknown): void;
  lang(): Language;
}

export interface MountedView {
  /** Draws the state; called after every change of the store while the view is mounted. */
  render(state: AppState, previous: AppState | undefined): void;
  unmount?(): void;
}

export interface ViewDefinition {
  /** Unique; also the id of the view's section element. */
  id: string;
  /** The route (router.ts pattern) the view is shown on; views of one route show in registry order. */
  route: string;
  /** The shared resources the view shows: loaded while it is mounted, reloaded when they change. */
  needs: readonly ResourceKey[];
  mount(host: HTMLElement, context: ViewContext, params: RouteParams): MountedView;
}
