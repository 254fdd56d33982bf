import { publishedTopic } from './outbox.relay';

describe('publishedTopic', () => {
  it('adds the deployment prefix to a logical topic', () => {
    expect(publishedTopic('dpi.registry.platform.v1', 'run1.a.')).toBe(
      'run1.a.dpi.registry.platform.v1',
    );
  });

  it('keeps a row an older version wrote with the prefix already', () => {
    expect(publishedTopic('run1.a.dpi.registry.platform.v1', 'run1.a.')).toBe(
      'run1.a.dpi.registry.platform.v1',
    );
  });

  it('publishes the logical topic as it is without a prefix (production)', () => {
    expect(publishedTopic('dpi.registry.platform.v1', '')).toBe('dpi.registry.platform.v1');
  });
});
