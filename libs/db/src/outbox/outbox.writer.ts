import { EntityManager } from 'typeorm';
import { SqlPart } from '../statement';

export interface OutboxEvent {
  /** The logical topic (no deployment prefix: the relay adds it when publishing). */
  topic: string;
  key: string;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Appends events inside the caller's transaction: they are published if and only if it commits. */
export async function appendToOutbox(
  manager: EntityManager,
  events: readonly OutboxEvent[],
): Promise<void> {
  if (events.length === 0) return;
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendToOutbox must run inside the transaction that makes the change');
  }
  const { text, values } = outboxInsert(events);
  await manager.query(text, values);
}

/**
 * The INSERT of `events` into the outbox, for a statement or transaction that also makes the
 * change (see oneStatement); empty when there are none.
 */
export function outboxInsert(events: readonly OutboxEvent[]): SqlPart {
  if (events.length === 0) return { text: '', values: [] };
  const values: unknown[] = [];
  const rows = events.map((e) => {
    const n = values.push(e.topic, e.key, e.value, JSON.stringify(e.headers));
    return `($${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
  });
  return {
    text: `INSERT INTO outbox (topic, key, value, headers) VALUES ${rows.join(', ')}`,
    values,
  };
}
