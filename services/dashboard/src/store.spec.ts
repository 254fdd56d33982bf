import { createStore } from './store';

describe('store', () => {
  it('merges patches and tells listeners the new and the previous state', () => {
    const store = createStore({ a: 1, b: 'x' });
    const seen: [number, number][] = [];
    const unsubscribe = store.subscribe((state, previous) => seen.push([state.a, previous.a]));
    store.set({ a: 2 });
    expect(store.get()).toEqual({ a: 2, b: 'x' });
    unsubscribe();
    store.set({ a: 3 });
    expect(seen).toEqual([[2, 1]]);
  });
});
