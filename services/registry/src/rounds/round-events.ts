import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  RoundRecordChangedSchema,
  RoundRecordStatus as RoundRecordStatusPb,
  SurveyRoundChange,
  SurveyRoundChangedSchema,
  SurveyRoundState,
  TOPICS,
} from '@dpi/contracts';
import { OutboxEvent } from '@dpi/db';
import { domainEvent } from '@dpi/kafka';
import type { RoundRecordRow, RoundRow } from './rounds.repository';

const STATUS_PB = {
  open: RoundRecordStatusPb.OPEN,
  confirmed: RoundRecordStatusPb.CONFIRMED,
  updated: RoundRecordStatusPb.UPDATED,
  withdrawn: RoundRecordStatusPb.WITHDRAWN,
} as const;

const CHANGE_PB = {
  opened: SurveyRoundChange.OPENED,
  'land-completed': SurveyRoundChange.LAND_COMPLETED,
  closed: SurveyRoundChange.CLOSED,
} as const;

/** The round's full state after `change`: key = round id, like every entity's topic. */
export function roundChangedEvent(
  round: RoundRow,
  change: keyof typeof CHANGE_PB,
  requestId: string,
  landCode = '',
): OutboxEvent {
  const ts = (d: Date | null) => (d ? timestampFromDate(d) : undefined);
  return domainEvent({
    topic: TOPICS.registrySurveyRound,
    key: round.id,
    schema: SurveyRoundChangedSchema,
    message: create(SurveyRoundChangedSchema, {
      change: CHANGE_PB[change],
      landCode,
      round: {
        id: round.id,
        title: round.title,
        referenceDate: round.referenceDate,
        deadline: ts(round.deadline),
        kinds: round.kinds,
        state: round.state === 'closed' ? SurveyRoundState.CLOSED : SurveyRoundState.OPEN,
        openedBy: round.openedBy,
        openedAt: ts(round.openedAt),
        closedBy: round.closedBy ?? '',
        closedAt: ts(round.closedAt),
        version: BigInt(round.version),
        laender: round.laender.map((l) => ({
          landCode: l.landCode,
          inScope: BigInt(l.inScope),
          completedAt: ts(l.completedAt),
          completedBy: l.completedBy ?? '',
          completedLate: l.completedLate,
          result: l.result
            ? {
                open: BigInt(l.result.open),
                confirmed: BigInt(l.result.confirmed),
                updated: BigInt(l.result.updated),
                withdrawn: BigInt(l.result.withdrawn),
                created: BigInt(l.result.created),
                late: BigInt(l.result.late),
              }
            : undefined,
        })),
      },
    }),
    producer: 'registry',
    entityVersion: round.version,
    correlationId: requestId,
    causationId: requestId,
  });
}

/** One record's state in one round: key `<roundId>/<recordId>`. */
export function roundRecordChangedEvent(row: RoundRecordRow, requestId: string): OutboxEvent {
  return domainEvent({
    topic: TOPICS.registryRoundRecord,
    key: `${row.roundId}/${row.recordId}`,
    schema: RoundRecordChangedSchema,
    message: create(RoundRecordChangedSchema, {
      record: {
        roundId: row.roundId,
        recordId: row.recordId,
        kind: row.kind,
        landCode: row.landCode,
        status: STATUS_PB[row.status],
        late: row.late,
        actedBy: row.actedBy ?? '',
        actedAt: row.actedAt ? timestampFromDate(row.actedAt) : undefined,
        reason: row.reason ?? '',
        version: BigInt(row.version),
      },
    }),
    producer: 'registry',
    entityVersion: row.version,
    correlationId: requestId,
    causationId: requestId,
    ...(row.actedAt ? { occurredAt: row.actedAt.toISOString() } : {}),
  });
}
