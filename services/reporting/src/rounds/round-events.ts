import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import {
  RoundRecordChangedSchema,
  RoundRecordStatus,
  SurveyRoundChangedSchema,
  SurveyRoundState,
  TOPICS,
} from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders, prefixedTopic, RawEvent } from '@dpi/kafka';
import { createHash } from 'node:crypto';
import { landCodeOf, nullIfEmpty, recordIds } from '../projection/event-checks';
import { RecordChange } from '../projection/record-change';
import { ReadModelColumn } from '../projection/versioned-upsert';

/** The survey rounds' topics (issue 22); reporting projects them beside the read models. */
export const ROUND_TOPICS = [TOPICS.registrySurveyRound, TOPICS.registryRoundRecord] as const;
export const roundTopics = (prefix: string): string[] =>
  ROUND_TOPICS.map((topic) => prefixedTopic(topic, prefix));

export const ROUND_RECORD_STATUSES = ['open', 'confirmed', 'updated', 'withdrawn'] as const;
export type RoundRecordStatusWord = (typeof ROUND_RECORD_STATUSES)[number];
const STATUS_WORDS: Record<number, RoundRecordStatusWord> = {
  [RoundRecordStatus.OPEN]: 'open',
  [RoundRecordStatus.CONFIRMED]: 'confirmed',
  [RoundRecordStatus.UPDATED]: 'updated',
  [RoundRecordStatus.WITHDRAWN]: 'withdrawn',
};
const KINDS = ['organisation', 'platform', 'digital-twin', 'endpoint', 'dataset'];

const iso = (t: Timestamp | undefined): string | null =>
  t ? timestampDate(t).toISOString() : null;

export interface RoundLand {
  landCode: string;
  inScope: number;
  completedAt: string | null;
  completedBy: string | null;
  completedLate: boolean;
}

export interface SurveyRoundFields {
  title: string;
  referenceDate: string;
  deadline: string | null;
  kinds: string[];
  landCodes: string[];
  state: 'open' | 'closed';
  openedAt: string | null;
  closedAt: string | null;
  laender: RoundLand[];
}

export interface RoundRecordFields {
  roundId: string;
  recordId: string;
  /** The record's kind (`kind` is the change's: upsert or delete). */
  recordKind: string;
  landCode: string;
  status: RoundRecordStatusWord;
  late: boolean;
  actedBy: string | null;
  actedAt: string | null;
  reason: string | null;
}

export type RoundChange =
  | { model: 'surveyRound'; change: RecordChange<SurveyRoundFields> }
  | { model: 'roundRecord'; change: RecordChange<RoundRecordFields> };

function base(raw: RawEvent, id: string) {
  const envelope = envelopeFromHeaders(raw.headers);
  return {
    id,
    version: envelope.entityVersion,
    eventId: envelope.eventId,
    updatedAt: new Date(envelope.occurredAt),
    schema: envelope.schema,
  };
}

/**
 * The row id of `<roundId>/<recordId>`: a name-based UUID (RFC 4122 version 5 layout over
 * SHA-1), so the versioned upsert of the read models keys round records like every other row.
 */
export function roundRecordRowId(key: string): string {
  const hash = createHash('sha1').update(`dpi.round-record/${key}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** dpi.registry.survey-round.v1, keyed by round id; throws (→ DLQ) on what must not be applied. */
export function toSurveyRoundChange(raw: RawEvent): RecordChange<SurveyRoundFields> {
  if (!raw.key) throw new Error('record without key');
  const { schema, ...head } = base(raw, recordIds([raw.key], 'round key')[0]);
  if (raw.value === null) return { ...head, kind: 'delete' };
  const round = decodeMessage(SurveyRoundChangedSchema, raw.value, schema).round;
  if (!round) throw new Error('SurveyRoundChanged without round');
  if (round.id.toLowerCase() !== head.id)
    throw new Error(`key ${raw.key} does not match id ${round.id}`);
  if (Number(round.version) !== head.version)
    throw new Error(`version ${round.version} differs from header version ${head.version}`);
  if (round.state !== SurveyRoundState.OPEN && round.state !== SurveyRoundState.CLOSED)
    throw new Error(`unknown SurveyRoundState ${round.state}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(round.referenceDate))
    throw new Error('referenceDate is not a date');
  const laender = round.laender.map((l) => ({
    landCode: landCodeOf(l.landCode, false) as string,
    inScope: Number(l.inScope),
    completedAt: iso(l.completedAt),
    completedBy: nullIfEmpty(l.completedBy),
    completedLate: l.completedLate,
  }));
  return {
    ...head,
    kind: 'upsert',
    title: round.title,
    referenceDate: round.referenceDate,
    deadline: iso(round.deadline),
    kinds: round.kinds.filter((k) => KINDS.includes(k)),
    landCodes: laender.map((l) => l.landCode),
    state: round.state === SurveyRoundState.OPEN ? 'open' : 'closed',
    openedAt: iso(round.openedAt),
    closedAt: iso(round.closedAt),
    laender,
  };
}

/** dpi.registry.round-record.v1, keyed `<roundId>/<recordId>`. */
export function toRoundRecordChange(raw: RawEvent): RecordChange<RoundRecordFields> {
  const match = /^([0-9a-f-]{36})\/([0-9a-f-]{36})$/i.exec(raw.key ?? '');
  if (!match) throw new Error(`round record key ${raw.key} is not <roundId>/<recordId>`);
  const [roundId, recordId] = recordIds([match[1], match[2]], 'round record key');
  const { schema, ...head } = base(raw, roundRecordRowId(`${roundId}/${recordId}`));
  if (raw.value === null) return { ...head, kind: 'delete' };
  const record = decodeMessage(RoundRecordChangedSchema, raw.value, schema).record;
  if (!record) throw new Error('RoundRecordChanged without record');
  if (record.roundId.toLowerCase() !== roundId || record.recordId.toLowerCase() !== recordId)
    throw new Error(`key ${raw.key} does not match the record`);
  const status = STATUS_WORDS[record.status];
  if (!status) throw new Error(`unknown RoundRecordStatus ${record.status}`);
  if (!KINDS.includes(record.kind)) throw new Error(`unknown kind ${record.kind}`);
  return {
    ...head,
    kind: 'upsert',
    roundId,
    recordId,
    recordKind: record.kind,
    landCode: landCodeOf(record.landCode, false) as string,
    status,
    late: record.late,
    actedBy: nullIfEmpty(record.actedBy),
    actedAt: iso(record.actedAt),
    reason: nullIfEmpty(record.reason),
  };
}

/** Decodes by topic (each carries one message type). */
export function roundDecoder(prefix: string): (raw: RawEvent) => RoundChange {
  const [rounds, records] = roundTopics(prefix);
  return (raw) => {
    if (raw.topic === rounds) return { model: 'surveyRound', change: toSurveyRoundChange(raw) };
    if (raw.topic === records) return { model: 'roundRecord', change: toRoundRecordChange(raw) };
    throw new Error(`no round projection for topic ${raw.topic}`);
  };
}

export const isRoundTopic = (topic: string, prefix: string): boolean =>
  roundTopics(prefix).includes(topic);

export const SURVEY_ROUND_COLUMNS: readonly ReadModelColumn<SurveyRoundFields>[] = [
  { name: 'title', type: 'text', value: (r) => r.title, whenDeleted: '' },
  { name: 'reference_date', type: 'text', value: (r) => r.referenceDate, whenDeleted: '' },
  { name: 'deadline', type: 'timestamptz', value: (r) => r.deadline, whenDeleted: null },
  { name: 'kinds', type: 'text[]', value: (r) => r.kinds, whenDeleted: [] },
  { name: 'land_codes', type: 'text[]', value: (r) => r.landCodes, whenDeleted: [] },
  { name: 'state', type: 'text', value: (r) => r.state, whenDeleted: 'closed' },
  { name: 'opened_at', type: 'timestamptz', value: (r) => r.openedAt, whenDeleted: null },
  { name: 'closed_at', type: 'timestamptz', value: (r) => r.closedAt, whenDeleted: null },
  { name: 'laender', type: 'jsonb', value: (r) => r.laender, whenDeleted: [] },
];

export const ROUND_RECORD_COLUMNS: readonly ReadModelColumn<RoundRecordFields>[] = [
  {
    name: 'round_id',
    type: 'uuid',
    value: (r) => r.roundId,
    whenDeleted: '00000000-0000-0000-0000-000000000000',
  },
  {
    name: 'record_id',
    type: 'uuid',
    value: (r) => r.recordId,
    whenDeleted: '00000000-0000-0000-0000-000000000000',
  },
  { name: 'kind', type: 'text', value: (r) => r.recordKind, whenDeleted: '' },
  { name: 'land_code', type: 'text', value: (r) => r.landCode, whenDeleted: '' },
  { name: 'status', type: 'text', value: (r) => r.status, whenDeleted: 'open' },
  { name: 'late', type: 'boolean', value: (r) => r.late, whenDeleted: false },
  { name: 'acted_by', type: 'text', value: (r) => r.actedBy, whenDeleted: null },
  { name: 'acted_at', type: 'timestamptz', value: (r) => r.actedAt, whenDeleted: null },
  { name: 'reason', type: 'text', value: (r) => r.reason, whenDeleted: null },
];
