import { boundHeapGrowth } from './memory';

describe('boundHeapGrowth', () => {
  it('applies the configured growing factor, 100 % unless configured', () => {
    expect(boundHeapGrowth({})).toBe(100);
    expect(boundHeapGrowth({ HARVEST_HEAP_GROWING_PERCENT: '200' })).toBe(200);
    // 0 leaves V8's own choice.
    expect(boundHeapGrowth({ HARVEST_HEAP_GROWING_PERCENT: '0' })).toBe(0);
  });

  it('refuses a value that is not a percentage', () => {
    expect(() => boundHeapGrowth({ HARVEST_HEAP_GROWING_PERCENT: 'lots' })).toThrow(/number/);
    expect(() => boundHeapGrowth({ HARVEST_HEAP_GROWING_PERCENT: '-5' })).toThrow();
  });
});
