import { type EventSourceLike, type LiveMode, startLiveUpdates } from './live';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: string): void {
    if (type === 'open') this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
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
      onChange: (reason, event) =>
        changes.push(event ? `${reason}:${event.type}:${event.data ?? ''}` : reason),
      onModeChange: (mode) => modes.push(mode),
      pollIntervalMs: 5000,
      reconnectMs: 2000,
    });

  it('passes each event on with its type and data (coalesce.ts decides when to reload)', () => {
    const live = start();
    sources[0].emit('open');
    expect(live.mode()).toBe('sse');
    sources[0].emit('changed', '{"model":"platform"}');
    sources[0].emit('findings', '{"changed":1}');
    expect(changes).toEqual(['event:changed:{"model":"platform"}', 'event:findings:{"changed":1}']);
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
    live.stop();
    sources[0].emit('changed');
    jest.advanceTimersByTime(10_000);
    expect(changes).toEqual([]);
  });
});
