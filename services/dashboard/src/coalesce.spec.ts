import { createCoalescer } from './coalesce';

describe('live update coalescer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  const setup = (hidden = () => false) => {
    const flushes: { at: number; keys: string[] }[] = [];
    const coalescer = createCoalescer<string>({
      flush: (keys) => flushes.push({ at: Date.now(), keys: [...keys].sort() }),
      settleMs: 250,
      minIntervalMs: 5000,
      maxIntervalMs: 15000,
      hidden,
    });
    return { coalescer, flushes };
  };

  it('shows a single change after the settle time, with what came with it', () => {
    const { coalescer, flushes } = setup();
    coalescer.add(['items:platform']);
    jest.advanceTimersByTime(100);
    coalescer.add(['findings', 'items:platform']);
    jest.advanceTimersByTime(149);
    expect(flushes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(flushes).toEqual([{ at: 250, keys: ['findings', 'items:platform'] }]);
  });

  it('reloads at most once per interval under a stream of 50 changes a second', () => {
    const { coalescer, flushes } = setup();
    for (let ms = 0; ms < 60_000; ms += 20) {
      coalescer.add([ms % 40 ? 'laender' : 'items:platform']);
      jest.advanceTimersByTime(20);
    }
    const times = flushes.map((f) => f.at);
    // 250 ms, then 5 s, 10 s, 15 s apart (the interval doubles up to its maximum).
    expect(times).toEqual([250, 5250, 15250, 30250, 45250]);
    for (const [i, at] of times.entries())
      if (i > 0) expect(at - times[i - 1]).toBeGreaterThanOrEqual(5000);
    expect(flushes[1].keys).toEqual(['items:platform', 'laender']);
    expect(coalescer.interval()).toBe(15000);
  });

  it('falls back to the short interval once the page was quiet', () => {
    const { coalescer, flushes } = setup();
    for (let ms = 0; ms < 20_000; ms += 20) {
      coalescer.add(['a']);
      jest.advanceTimersByTime(20);
    }
    jest.advanceTimersByTime(60_000);
    const before = flushes.length;
    coalescer.add(['b']);
    jest.advanceTimersByTime(250);
    expect(flushes).toHaveLength(before + 1);
    expect(coalescer.interval()).toBe(5000);
  });

  it('waits while the page is hidden and reloads once, at once, when it is shown', () => {
    let hidden = true;
    const { coalescer, flushes } = setup(() => hidden);
    coalescer.add(['a']);
    jest.advanceTimersByTime(60_000);
    coalescer.add(['b']);
    jest.advanceTimersByTime(60_000);
    expect(flushes).toEqual([]);
    hidden = false;
    coalescer.resume();
    jest.advanceTimersByTime(0);
    // The changes are older than the settle time: reloaded at once.
    expect(flushes).toEqual([{ at: 120_000, keys: ['a', 'b'] }]);
  });

  it('does nothing after stop', () => {
    const { coalescer, flushes } = setup();
    coalescer.add(['a']);
    coalescer.stop();
    jest.advanceTimersByTime(10_000);
    expect(flushes).toEqual([]);
  });
});
