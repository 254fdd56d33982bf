import {
  envelopeFromHeaders,
  envelopeToHeaders,
  HEADERS,
  headersToStrings,
  newEnvelope,
} from './envelope';

describe('event envelope in headers', () => {
  const envelope = newEnvelope({
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    causationId: 'req-1',
    producer: 'registry',
    schema: 'dpi.registry.v1.PlatformChanged',
    entityVersion: 3,
  });

  it('round-trips through Kafka header values', () => {
    const asKafka = Object.fromEntries(
      Object.entries(envelopeToHeaders(envelope)).map(([k, v]) => [k, Buffer.from(v)]),
    );
    expect(envelopeFromHeaders(headersToStrings(asKafka))).toEqual(envelope);
  });

  it('names the missing header', () => {
    const headers = envelopeToHeaders(envelope);
    delete headers[HEADERS.eventId];
    expect(() => envelopeFromHeaders(headers)).toThrow('missing header dpi-event-id');
  });

  it('rejects a version that is not a positive integer', () => {
    expect(() =>
      envelopeFromHeaders({ ...envelopeToHeaders(envelope), [HEADERS.entityVersion]: '0' }),
    ).toThrow('dpi-entity-version is not a positive integer');
  });
});
