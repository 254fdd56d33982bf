import { startPolling } from './poller';

describe('startPolling', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('loads at once and then every interval', async () => {
    let n = 0;
    const onData = jest.fn();
    const poller = startPolling({
      load: async () => ++n,
      intervalMs: 5000,
      timeoutMs: 1000,
      onData,
      onError: jest.fn(),
    });

    await jest.advanceTimersByTimeAsync(0);
    expect(onData.mock.calls).toEqual([[1]]);
    await jest.advanceTimersByTimeAsync(4999);
    expect(onData).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(onData.mock.calls).toEqual([[1], [2]]);
    poller.stop();
  });

  it('keeps retrying while loading fails, and recovers', async () => {
    let failures = 2;
    const onData = jest.fn();
    const onError = jest.fn();
    const load = jest.fn(async () => {
      if (failures-- > 0) throw new TypeError('Failed to fetch');
      return 'ok';
    });
    const poller = startPolling({ load, intervalMs: 5000, timeoutMs: 1000, onData, onError });

    await jest.advanceTimersByTimeAsync(10_000);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onData.mock.calls).toEqual([['ok']]);
    expect(load).toHaveBeenCalledTimes(3);
    poller.stop();
  });

  it('aborts an attempt that takes longer than the time-out and tries again later', async () => {
    const signals: AbortSignal[] = [];
    const load = jest.fn(
      (signal: AbortSignal) =>
        new Promise<never>((_resolve, reject) => {
          signals.push(signal);
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    const onError = jest.fn();
    const poller = startPolling({
      load,
      intervalMs: 5000,
      timeoutMs: 1000,
      onData: jest.fn(),
      onError,
    });

    await jest.advanceTimersByTimeAsync(1000);
    expect(signals[0].aborted).toBe(true);
    expect(onError).toHaveBeenCalledTimes(1);
    // The next attempt starts one interval after the failed one settled, never overlapping it.
    await jest.advanceTimersByTimeAsync(4999);
    expect(load).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it('stops loading and reporting once stopped', async () => {
    const onData = jest.fn();
    const load = jest.fn(async () => 'x');
    const poller = startPolling({
      load,
      intervalMs: 5000,
      timeoutMs: 1000,
      onData,
      onError: jest.fn(),
    });
    await jest.advanceTimersByTimeAsync(0);
    poller.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(onData).toHaveBeenCalledTimes(1);
  });
});
