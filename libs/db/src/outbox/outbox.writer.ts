import { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export interface OutboxEvent {
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
  await manager.insert(
    OutboxEventEntity,
    events.map((e) => ({ topic: e.topic, key: e.key, value: e.value, headers: e.headers })),
  );
}
