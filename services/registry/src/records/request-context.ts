import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { ChangeOperation } from '../history/entities/change-log.entity';
import type { FieldChange } from '../history/field-diff';
import { changeEntry } from '../history/history';
import { recordActedInOpenRounds } from '../rounds/round-hook';
import type { EventContext, RecordKind, VersionedRecord } from './record-kind';

/** Who writes and in which request: what every write records about itself. */
export interface RequestContext {
  principal: Principal;
  requestId: string;
  /** Why a delete withdraws the record from an open survey round (issue 22), when given. */
  withdrawalReason?: string;
}

/** The history entry of a change, attributed to the request. */
export function changeOf<E extends VersionedRecord, D extends object>(
  kind: RecordKind<E, D>,
  record: E,
  operation: ChangeOperation,
  changes: FieldChange[],
  context: RequestContext,
) {
  return changeEntry(kind.name, record, operation, changes, {
    changedBy: context.principal.name,
    correlationId: context.requestId,
  });
}

/** The correlation of a change's events: the request that caused them. */
export function eventContextOf(context: RequestContext): EventContext {
  return { correlationId: context.requestId, causationId: context.requestId };
}

/**
 * Survey rounds (issue 22): a change of a record confirms it as updated, a delete withdraws it,
 * in every open round holding it; inside the write's transaction, so both or neither happen.
 */
export function actInOpenRounds(
  manager: EntityManager,
  id: string,
  status: 'updated' | 'withdrawn',
  context: RequestContext,
): Promise<void> {
  return recordActedInOpenRounds(manager, id, {
    status,
    by: context.principal.name,
    reason: status === 'withdrawn' ? context.withdrawalReason : null,
    requestId: context.requestId,
  });
}
