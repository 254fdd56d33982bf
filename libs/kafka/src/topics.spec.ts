import { logicalTopic, prefixedTopic } from './topics';

describe('topic prefix', () => {
  it('is added and taken off again', () => {
    const prefixed = prefixedTopic('dpi.harvest.record.v1', 'run1.reg.');
    expect(prefixed).toBe('run1.reg.dpi.harvest.record.v1');
    expect(logicalTopic(prefixed, 'run1.reg.')).toBe('dpi.harvest.record.v1');
  });

  it('leaves a name without the prefix, or an empty prefix, alone', () => {
    expect(logicalTopic('dpi.harvest.record.v1', 'run1.reg.')).toBe('dpi.harvest.record.v1');
    expect(logicalTopic('dpi.harvest.record.v1', '')).toBe('dpi.harvest.record.v1');
  });
});
