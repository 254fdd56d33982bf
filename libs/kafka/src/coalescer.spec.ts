import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('applies the calls of one turn of the event loop as one, each caller settled', async () => {
    const applied: number[][] = [];
    const coalescer = new Coalescer<number>(async (events) => void applied.push(events));
    await Promise.all([coalescer.submit([1, 2]), coalescer.submit([3]), coalescer.submit([4])]);
    await coalescer.submit([5]);
    expect(applied).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('applies the calls again one by one when the merged call fails, so only the bad one fails', async () => {
    const applied: number[][] = [];
    const coalescer = new Coalescer<number>(async (events) => {
      if (events.includes(-1)) throw new Error('cannot apply -1');
      applied.push(events);
    });
    const results = await Promise.allSettled([
      coalescer.submit([1]),
      coalescer.submit([2, -1]),
      coalescer.submit([3]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('cannot apply -1'));
    expect(applied).toEqual([[1], [3]]);
  });

  it('fails every caller at once on a transient error, without applying them one by one', async () => {
    let attempts = 0;
    const down = Object.assign(new Error('database down'), { transient: true });
    const coalescer = new Coalescer<number>(
      async () => {
        attempts++;
        throw down;
      },
      (e) => (e as { transient?: boolean }).transient === true,
    );
    const results = await Promise.allSettled([coalescer.submit([1]), coalescer.submit([2])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(attempts).toBe(1);
  });
});
