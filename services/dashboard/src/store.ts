/**
 * The page's one state container: views read it and subscribe to it; only the app shell (main.ts)
 * writes to it. Listeners get the new and the previous state, so a view redraws only what changed.
 */
export type Listener<S> = (state: S, previous: S) => void;

export interface Store<S extends object> {
  get(): S;
  /** Merges `patch` into the state and tells every listener (also when nothing changed). */
  set(patch: Partial<S>): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener<S>): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
