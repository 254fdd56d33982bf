import { SqlPart } from '@dpi/db';
import { EntityManager } from 'typeorm';
import type { VersionedRecord } from '../records/record-kind';
import { ChangeLogEntity, ChangeOperation } from './entities/change-log.entity';
import { FieldChange } from './field-diff';

/** Who made a change and in which flow (request id, harvest job or event), for its history entry. */
export interface ChangeAuthor {
  changedBy: string;
  correlationId: string;
}

/**
 * The history entry of one write of a record, at the record's new version and `updatedAt`. Every
 * write path builds its entries here (HTTP writes, harvested datasets, unlinking withdrawn ones).
 */
export function changeEntry(
  entityType: string,
  record: VersionedRecord,
  operation: ChangeOperation,
  changes: FieldChange[],
  author: ChangeAuthor,
): Omit<ChangeLogEntity, 'id'> {
  return {
    entityType,
    entityId: record.id,
    version: record.version,
    operation,
    changedBy: author.changedBy,
    changedAt: record.updatedAt,
    changes,
    correlationId: author.correlationId,
  };
}

/** Appends a change inside the caller's transaction, beside the change itself and its event. */
export async function appendChange(
  manager: EntityManager,
  change: Omit<ChangeLogEntity, 'id'>,
): Promise<void> {
  const { text, values } = changeInsert(change);
  await manager.query(text, values);
}

/** The INSERT of one change, for a statement that also makes it (see oneStatement). */
export function changeInsert(change: Omit<ChangeLogEntity, 'id'>): SqlPart {
  // Plain SQL: TypeORM's deep-partial insert types cannot express a jsonb array of JSON values.
  return {
    text: `INSERT INTO change_log (entity_type, entity_id, version, operation, changed_by, changed_at, changes, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    values: [
      change.entityType,
      change.entityId,
      change.version,
      change.operation,
      change.changedBy,
      change.changedAt,
      JSON.stringify(change.changes),
      change.correlationId,
    ],
  };
}

/**
 * The INSERT of many changes as one json parameter (bulk writes such as harvested datasets), for a
 * statement that also makes them (see oneStatement); empty when there are none.
 */
export function changesInsert(changes: readonly Omit<ChangeLogEntity, 'id'>[]): SqlPart {
  if (changes.length === 0) return { text: '', values: [] };
  return {
    text: `INSERT INTO change_log (entity_type, entity_id, version, operation, changed_by, changed_at, changes, correlation_id)
     SELECT entity_type, entity_id, version, operation, changed_by, changed_at, changes, correlation_id
     FROM jsonb_to_recordset($1::jsonb) AS c(entity_type text, entity_id uuid, version integer,
       operation text, changed_by text, changed_at timestamptz, changes jsonb, correlation_id text)`,
    values: [
      JSON.stringify(
        changes.map((c) => ({
          entity_type: c.entityType,
          entity_id: c.entityId,
          version: c.version,
          operation: c.operation,
          changed_by: c.changedBy,
          changed_at: c.changedAt,
          changes: c.changes,
          correlation_id: c.correlationId,
        })),
      ),
    ],
  };
}
