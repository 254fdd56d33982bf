import type { Producer, RecordMetadata } from 'kafkajs';
import { byteBoundedChunks, MAX_CALL_BYTES, OutgoingEvent, sendEvents } from './producer';

/** A stand-in for kafkajs' sendBatch that answers for the partitions `answer` picks. */
function producerAnswering(
  answer: (sent: { topic: string; partition: number }[]) => RecordMetadata[],
) {
  const calls: { topic: string; partition: number; key: string }[][] = [];
  const producer = {
    sendBatch: async ({
      topicMessages,
    }: {
      topicMessages: { topic: string; messages: { key: string; partition: number }[] }[];
    }) => {
      const sent = topicMessages.flatMap((t) =>
        t.messages.map((m) => ({ topic: t.topic, partition: m.partition, key: m.key })),
      );
      calls.push(sent);
      return answer(sent);
    },
  } as unknown as Producer;
  return { producer, calls };
}

const everyPartition = (sent: { topic: string; partition: number }[]): RecordMetadata[] =>
  [...new Set(sent.map((s) => `${s.topic}/${s.partition}`))].map((key) => {
    const [topicName, partition] = key.split('/');
    return { topicName, partition: Number(partition), errorCode: 0 };
  });

const events: OutgoingEvent[] = Array.from({ length: 40 }, (_, i) => ({
  topic: i % 2 ? 'dpi.registry.platform.v1' : 'dpi.registry.dataset.v1',
  key: `record-${i}`,
  value: Buffer.from([i]),
  headers: {},
}));

describe('sendEvents', () => {
  const sixPartitions = async () => 6;

  it('chooses the partition of each key as Java clients do (murmur2), the same every time', async () => {
    const { producer, calls } = producerAnswering(everyPartition);
    await sendEvents(producer, events, sixPartitions);
    await sendEvents(producer, events, sixPartitions);
    expect(calls[0]).toEqual(calls[1]);
    // murmur2("abc"), made positive, modulo 3 (the Java DefaultPartitioner's rule) is 0.
    const { producer: one, calls: oneCall } = producerAnswering(everyPartition);
    await sendEvents(one, [{ topic: 't', key: 'abc', value: null, headers: {} }], async () => 3);
    expect(oneCall[0][0].partition).toBe(0);
    expect(new Set(calls[0].map((c) => c.partition)).size).toBeGreaterThan(1);
  });

  it('resolves when every partition sent to was acknowledged', async () => {
    const { producer } = producerAnswering(everyPartition);
    await expect(sendEvents(producer, events, sixPartitions)).resolves.toBeUndefined();
  });

  it('fails when the answer lacks a partition (kafkajs lost it when a leader moved)', async () => {
    const { producer } = producerAnswering((sent) => everyPartition(sent).slice(1));
    await expect(sendEvents(producer, events, sixPartitions)).rejects.toThrow(
      /did not acknowledge dpi\.registry\.(platform|dataset)\.v1\/\d \(a leader moved during the send\)/,
    );
  });

  it('fails when a partition answered with an error code', async () => {
    const { producer } = producerAnswering((sent) =>
      everyPartition(sent).map((r, i) => (i === 0 ? { ...r, errorCode: 6 } : r)),
    );
    await expect(sendEvents(producer, events, sixPartitions)).rejects.toThrow(
      /did not acknowledge/,
    );
  });

  it('splits a send into calls of at most MAX_CALL_BYTES, in order (uncompressed batches stay under 1 MB)', async () => {
    const large: OutgoingEvent[] = Array.from({ length: 30 }, (_, i) => ({
      topic: 'dpi.registry.dataset.v1',
      key: `dataset-${i}`,
      value: Buffer.alloc(100 * 1024, i),
      headers: { 'dpi-event-id': `event-${i}` },
    }));
    const { producer, calls } = producerAnswering(everyPartition);
    await sendEvents(producer, large, sixPartitions);
    expect(calls.length).toBe(4); // 8 + 8 + 8 + 6 events of ~100 KB
    expect(calls.flat().map((c) => c.key)).toEqual(large.map((e) => e.key));
    // Small events: one call, as before.
    const { producer: small, calls: smallCalls } = producerAnswering(everyPartition);
    await sendEvents(small, events, sixPartitions);
    expect(smallCalls).toHaveLength(1);
  });

  it('sends an event larger than the bound alone rather than not at all', () => {
    const huge = { topic: 't', key: 'k', value: Buffer.alloc(MAX_CALL_BYTES + 1), headers: {} };
    const tiny = { topic: 't', key: 'j', value: Buffer.from('x'), headers: {} };
    expect(byteBoundedChunks([tiny, huge, tiny], MAX_CALL_BYTES).map((c) => c.length)).toEqual([
      1, 1, 1,
    ]);
    expect(byteBoundedChunks([], MAX_CALL_BYTES)).toEqual([]);
  });
});
