import { type EventSourceLike, type LiveMode, startLiveUpdates } from './live';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, (() => void)[]>();
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string): void {
    if (type === 'open') this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

describe('startLiveUpdates', () => {
  let sources: FakeEventSource[];
  let changes: string[];
  let modes: LiveMode[];

  beforeEach(() => {
    jest.useFakeTimers();
    sources = [];
    changes = [];
    modes = [];
  });
  afterEach(() => jest.useRealTimers());

  const start = () =>
    startLiveUpdates({
      connect: () => {
        const source = new FakeEventSource();
        sources.push(source);
        return source;
      },
      onChange: (reason) => changes.push(reason),
      onModeChange: (mode) => modes.push(mode),
      pollIntervalMs: 5000,
      debounceMs: 100,
      reconnectMs: 2000,
    });

  it('reloads once per burst of events', () => {
    const live = start();
    sources[0].emit('open');
    expect(live.mode()).toBe('sse');
    sources[0].emit('changed');
    sources[0].emit('changed');
    sources[0].emit('findings');
    expect(changes).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(changes).toEqual(['event']);
    sources[0].emit('changed');
    jest.advanceTimersByTime(100);
    expect(changes).toEqual(['event', 'event']);
    live.stop();
  });

  it('polls while the stream is down and catches up once it is back', () => {
    const live = start();
    sources[0].emit('open');
    sources[0].readyState = 0; // the browser reconnects by itself
    sources[0].emit('error');
    expect(live.mode()).toBe('polling');
    jest.advanceTimersByTime(10_000);
    expect(changes).toEqual(['poll', 'poll']);
    sources[0].emit('open');
    expect(changes).toEqual(['poll', 'poll', 'resync']);
    jest.advanceTimersByTime(10_000);
    expect(changes).toHaveLength(3);
    expect(modes).toEqual(['sse', 'polling', 'sse']);
    live.stop();
  });

  it('replaces an EventSource that gave up', () => {
    const live = start();
    sources[0].readyState = 2;
    sources[0].emit('error');
    expect(sources[0].closed).toBe(true);
    expect(sources).toHaveLength(1);
    jest.advanceTimersByTime(2000);
    expect(sources).toHaveLength(2);
    sources[1].emit('open');
    expect(live.mode()).toBe('sse');
    expect(changes.at(-1)).toBe('resync');
    live.stop();
    expect(sources[1].closed).toBe(true);
  });

  it('does nothing after stop', () => {
    const live = start();
    sources[0].emit('open');
    sources[0].emit('changed');
    live.stop();
    jest.advanceTimersByTime(10_000);
    expect(changes).toEqual([]);
  });
});
