import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OVERVIEW_RESOURCES, overviewRequests, prefetch, takePrefetched } from './prefetch';
import { parseState } from './url-state';

describe('prefetch', () => {
  const realFetch = globalThis.fetch;
  let fetched: string[];

  beforeEach(() => {
    fetched = [];
    globalThis.fetch = ((url: string) => {
      fetched.push(url);
      return Promise.resolve(new Response('{}'));
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('hands a started request to the first taker only', async () => {
    prefetch('/api/v1/summary', { cache: 'no-store' });
    prefetch('/api/v1/summary');
    expect(fetched).toEqual(['/api/v1/summary']);
    const response = takePrefetched('/api/v1/summary');
    expect(await response).toBeInstanceOf(Response);
    // A later load (live update, filter change) asks the server again.
    expect(takePrefetched('/api/v1/summary')).toBeUndefined();
    expect(takePrefetched('/api/v1/laender')).toBeUndefined();
  });

  it('does not hand out an answer nobody took for a while', () => {
    prefetch('/api/v1/laender', {}, 1_000);
    expect(takePrefetched('/api/v1/laender', 1_000 + 16_000)).toBeUndefined();
  });

  it('starts the overview’s requests for its filters, and nothing on other pages', () => {
    expect(overviewRequests('/', parseState('?land=DE-HB'))).toEqual(
      expect.arrayContaining([
        '/laender',
        '/items?landCode=DE-HB&kind=platform&limit=500',
        '/findings?limit=100&landCode=DE-HB',
        '/harvest/sources?landCode=DE-HB',
      ]),
    );
    expect(overviewRequests('/methode', parseState(''))).toEqual([]);
    expect(overviewRequests('/land/DE-HB', parseState(''))).toEqual([]);
  });

  it('starts what the views on / need, no more and no less', () => {
    // Read from the views' sources: importing them would load the map library and the styles.
    const dir = join(__dirname, 'views');
    const needs = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      const view = /route: '\/',\s*needs: \[([^\]]*)\]/.exec(source);
      for (const [, key] of view?.[1].matchAll(/'(\w+)'/g) ?? []) needs.add(key);
    }
    expect(needs.size).toBeGreaterThan(3);
    expect([...OVERVIEW_RESOURCES].sort()).toEqual([...needs].sort());
  });
});
