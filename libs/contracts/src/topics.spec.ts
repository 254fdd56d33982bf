import { TOPIC_SPECS, TOPICS } from './topics';

describe('topics', () => {
  it('follow dpi.<domain>.<entity>.v<N>', () => {
    for (const name of Object.values(TOPICS)) {
      expect(name).toMatch(/^dpi\.[a-z]+\.[a-z-]+\.v[1-9][0-9]*$/);
    }
  });

  it('have exactly one spec each, registry topics compacted', () => {
    expect(TOPIC_SPECS.map((s) => s.name).sort()).toEqual(Object.values(TOPICS).sort());
    for (const spec of TOPIC_SPECS.filter((s) => s.name.startsWith('dpi.registry.'))) {
      expect(spec.compacted).toBe(true);
    }
  });
});
