import { keyAction, orderTargets, refocusIndex, targetKey } from './keyboard';

const laender = [
  { code: 'DE-BE', name: 'Berlin' },
  { code: 'DE-BW', name: 'Baden-Württemberg' },
  { code: 'DE-BB', name: 'Brandenburg' },
];

describe('orderTargets', () => {
  it('lists the Länder alphabetically, each followed by its groups', () => {
    const targets = orderTargets(laender, [
      { land: 'DE-BB', id: 'g1', size: 3 },
      { land: 'DE-BE', id: 'g2', size: 1 },
      { land: 'DE-XX', id: 'g3', size: 1 },
    ]);
    expect(targets.map(targetKey)).toEqual([
      'land:DE-BW',
      'land:DE-BE',
      'group:g2',
      'land:DE-BB',
      'group:g1',
    ]);
  });
});

describe('keyAction', () => {
  it('moves with the arrows and wraps around', () => {
    expect(keyAction('ArrowRight', 0, 3)).toEqual({ type: 'move', index: 1 });
    expect(keyAction('ArrowDown', 2, 3)).toEqual({ type: 'move', index: 0 });
    expect(keyAction('ArrowLeft', 0, 3)).toEqual({ type: 'move', index: 2 });
    expect(keyAction('ArrowUp', 1, 3)).toEqual({ type: 'move', index: 0 });
    expect(keyAction('Home', 2, 3)).toEqual({ type: 'move', index: 0 });
    expect(keyAction('End', 0, 3)).toEqual({ type: 'move', index: 2 });
  });

  it('activates with Enter and Space, closes with Escape, ignores the rest', () => {
    expect(keyAction('Enter', 1, 3)).toEqual({ type: 'activate', index: 1 });
    expect(keyAction(' ', 1, 3)).toEqual({ type: 'activate', index: 1 });
    expect(keyAction('Escape', 1, 3)).toEqual({ type: 'close' });
    expect(keyAction('Escape', 0, 0)).toEqual({ type: 'close' });
    expect(keyAction('a', 1, 3)).toEqual({ type: 'none' });
    expect(keyAction('ArrowRight', 0, 0)).toEqual({ type: 'none' });
  });

  it('reaches every stop from the first with ArrowRight', () => {
    const seen = new Set<number>([0]);
    let index = 0;
    for (let i = 0; i < 16; i++) {
      const action = keyAction('ArrowRight', index, 16);
      if (action.type === 'move') index = action.index;
      seen.add(index);
    }
    expect(seen.size).toBe(16);
  });
});

describe('refocusIndex', () => {
  const before = orderTargets(laender, [{ land: 'DE-BB', id: 'g1', size: 3 }]);
  it('keeps the focus on the same stop, or its Land when the group is gone', () => {
    const after = orderTargets(laender, [{ land: 'DE-BB', id: 'g9', size: 2 }]);
    expect(refocusIndex(after, before[3])).toBe(2);
    expect(refocusIndex(after, before[1])).toBe(1);
    expect(refocusIndex(after, undefined)).toBe(0);
  });
});
