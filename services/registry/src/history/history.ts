import { EntityManager } from 'typeorm';
import { ChangeLogEntity } from './entities/change-log.entity';

/** Appends a change inside the caller's transaction, beside the change itself and its event. */
export async function appendChange(
  manager: EntityManager,
  change: Omit<ChangeLogEntity, 'id'>,
): Promise<void> {
  // Plain SQL: TypeORM's deep-partial insert types cannot express a jsonb array of JSON values.
  await manager.query(
    `INSERT INTO change_log (entity_type, entity_id, version, operation, changed_by, changed_at, changes, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    [
      change.entityType,
      change.entityId,
      change.version,
      change.operation,
      change.changedBy,
      change.changedAt,
      JSON.stringify(change.changes),
      change.correlationId,
    ],
  );
}
