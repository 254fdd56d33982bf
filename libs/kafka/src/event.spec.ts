import { create } from '@bufbuild/protobuf';
import { HarvestJobChangedSchema, TOPICS } from '@dpi/contracts';
import { envelopeFromHeaders } from './envelope';
import { domainEvent } from './event';
import { decodeMessage } from './serde';

describe('domainEvent', () => {
  const spec = {
    topic: TOPICS.harvestJob,
    key: 'job-1',
    schema: HarvestJobChangedSchema,
    message: create(HarvestJobChangedSchema, { job: { id: 'job-1', sourceName: 'CSW' } }),
    producer: 'harvester',
    entityVersion: 4,
    correlationId: 'corr-1',
    causationId: 'cause-1',
  };

  it('encodes the message, keys it by the entity and puts the envelope in the headers', () => {
    const before = Date.now();
    const event = domainEvent(spec);
    expect(event.topic).toBe('dpi.harvest.job.v1'); // logical: the relay adds the prefix
    expect(event.key).toBe('job-1');
    expect(decodeMessage(HarvestJobChangedSchema, event.value as Buffer).job?.sourceName).toBe(
      'CSW',
    );
    const envelope = envelopeFromHeaders(event.headers);
    expect(envelope).toMatchObject({
      correlationId: 'corr-1',
      causationId: 'cause-1',
      producer: 'harvester',
      schema: 'dpi.harvest.v1.HarvestJobChanged',
      entityVersion: 4,
    });
    expect(Date.parse(envelope.occurredAt)).toBeGreaterThanOrEqual(before - 1);
    expect(domainEvent(spec).headers['dpi-event-id']).not.toBe(envelope.eventId);
  });

  it('builds a tombstone: no value, the schema and version still in the headers', () => {
    const event = domainEvent({ ...spec, message: null, occurredAt: '2026-01-02T03:04:05.000Z' });
    expect(event.value).toBeNull();
    expect(envelopeFromHeaders(event.headers)).toMatchObject({
      schema: 'dpi.harvest.v1.HarvestJobChanged',
      entityVersion: 4,
      occurredAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('refuses an event without key', () => {
    expect(() => domainEvent({ ...spec, key: '' })).toThrow('without key');
  });
});
