import { timestampDate } from '@bufbuild/protobuf/wkt';
import { PlatformChangedSchema, RecordSource } from '@dpi/contracts';
import { LAND_CODES, platformStatusFromPb, platformTypeFromPb } from '@dpi/domain';
import { decodeMessage, envelopeFromHeaders, RawEvent } from '@dpi/kafka';

/** A validated change from dpi.registry.platform.v1, ready for the read model. */
export type PlatformChange =
  | {
      kind: 'upsert';
      id: string;
      version: number;
      eventId: string;
      landCode: string;
      name: string;
      type: string;
      status: string;
      source: 'manual' | 'harvested';
      updatedAt: Date;
    }
  | { kind: 'delete'; id: string; version: number; eventId: string; updatedAt: Date };

/** Decodes and checks a record; throws (→ DLQ) on anything the read model must not apply. */
export function toPlatformChange(raw: RawEvent): PlatformChange {
  const envelope = envelopeFromHeaders(raw.headers);
  if (!raw.key) throw new Error('record without key');
  if (raw.value === null) {
    return {
      kind: 'delete',
      id: raw.key,
      version: envelope.entityVersion,
      eventId: envelope.eventId,
      updatedAt: new Date(envelope.occurredAt),
    };
  }
  const { platform } = decodeMessage(PlatformChangedSchema, raw.value, envelope.schema);
  if (!platform) throw new Error('PlatformChanged without platform');
  if (platform.id !== raw.key)
    throw new Error(`key ${raw.key} does not match platform id ${platform.id}`);
  if (Number(platform.version) !== envelope.entityVersion) {
    throw new Error(
      `version ${platform.version} differs from header version ${envelope.entityVersion}`,
    );
  }
  if (!LAND_CODES.includes(platform.landCode))
    throw new Error(`unknown Land code ${platform.landCode}`);
  return {
    kind: 'upsert',
    id: platform.id,
    version: envelope.entityVersion,
    eventId: envelope.eventId,
    landCode: platform.landCode,
    name: platform.name,
    type: platformTypeFromPb(platform.type),
    status: platformStatusFromPb(platform.status),
    source: platform.source === RecordSource.HARVESTED ? 'harvested' : 'manual',
    updatedAt: platform.updatedAt
      ? timestampDate(platform.updatedAt)
      : new Date(envelope.occurredAt),
  };
}

/** Keeps only the newest change per record: one statement may touch each row once. */
export function latestPerRecord<T extends { id: string; version: number }>(
  changes: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const change of changes) {
    const seen = latest.get(change.id);
    if (!seen || seen.version < change.version) latest.set(change.id, change);
  }
  return [...latest.values()];
}
