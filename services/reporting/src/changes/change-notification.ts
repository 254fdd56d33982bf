import type { ReadModelsChange } from './read-models-changed';

/**
 * The PostgreSQL channel every reporting replica LISTENs on. One channel for all schemas (a
 * channel name is an identifier of at most 63 bytes; test schemas are long), so the payload
 * names its schema, as the outbox relay's does.
 */
export const CHANGES_CHANNEL = 'dpi_reporting_read_models_changed';

/** PostgreSQL refuses payloads of 8000 bytes or more; a margin for the JSON's framing. */
export const MAX_PAYLOAD_BYTES = 7900;

/** What travels: the schema, the replica that applied the change, and the change. */
interface Notification {
  s: string;
  by: string;
  c: ReadModelsChange;
}

/**
 * The payloads announcing `change`: one, or (many ids) several of the same change, each with
 * part of the ids and the NON_PUBLIC entries among them, each under MAX_PAYLOAD_BYTES.
 */
export function toNotifications(schema: string, by: string, change: ReadModelsChange): string[] {
  const { appliedHere: _local, ...sent } = change as ReadModelsChange & { appliedHere?: boolean };
  const payload = JSON.stringify({ s: schema, by, c: sent } satisfies Notification);
  if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) return [payload];
  if (sent.type !== 'changed' || sent.ids.length < 2)
    throw new Error(`a ${sent.type} notification of ${Buffer.byteLength(payload)} bytes`);
  const half = Math.ceil(sent.ids.length / 2);
  return [sent.ids.slice(0, half), sent.ids.slice(half)].flatMap((ids) => {
    const part = new Set(ids);
    const nonPublic = sent.nonPublic?.filter((r) => part.has(r.id));
    return toNotifications(schema, by, {
      ...sent,
      ids,
      ...(nonPublic ? { nonPublic } : {}),
    });
  });
}

/**
 * The change a payload announces, as this replica sees it (`appliedHere` when it applied it);
 * null for another schema's or an unreadable payload.
 */
export function fromNotification(
  payload: string,
  schema: string,
  instanceId: string,
): ReadModelsChange | null {
  let notification: Notification;
  try {
    notification = JSON.parse(payload) as Notification;
  } catch {
    return null;
  }
  if (notification?.s !== schema || typeof notification.c?.type !== 'string') return null;
  const change = notification.c;
  return change.type === 'changed'
    ? { ...change, appliedHere: notification.by === instanceId }
    : change;
}
