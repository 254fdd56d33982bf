import { isTransientDbError, migrate, schemaNameSchema } from '@dpi/db';
import {
  BatchConsumer,
  createKafka,
  EventSender,
  KafkaLogger,
  OutgoingEvent,
  HEADERS,
} from '@dpi/kafka';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ReportingEnv } from '../config';
import { reportingDataSourceOptions } from '../database/data-source';
import { FindingsRepository } from '../handlungsbedarfe/findings.repository';
import { ACTIVE_RULE_SET } from '../handlungsbedarfe/rule-evaluator';
import { ReadModelsRepository } from '../projection/read-models.repository';
import {
  byModel,
  ReadModelChange,
  readModelDecoder,
  readModelTopics,
} from '../projection/read-models';
import { isRoundTopic, roundDecoder, RoundChange, roundTopics } from '../rounds/round-events';
import { RoundsProjectionRepository } from '../rounds/rounds-projection.repository';

export type RebuildEnv = Pick<
  ReportingEnv,
  | 'DATABASE_URL'
  | 'DB_SCHEMA'
  | 'DB_POOL_SIZE'
  | 'KAFKA_BROKERS'
  | 'KAFKA_TOPIC_PREFIX'
  | 'KAFKA_GROUP_ID'
  | 'HARVEST_CRON_TIMEZONE'
>;

export interface RebuildOptions {
  env: RebuildEnv;
  logger: KafkaLogger;
  /** Keep the replaced schema (renamed `<schema>_old<ts>`) instead of dropping it. */
  keepOld?: boolean;
  /** Progress log interval. */
  progressMs?: number;
}

export interface RebuildResult {
  schema: string;
  /** Name of the replaced schema when kept, else null (dropped or there was none). */
  keptOldSchema: string | null;
  events: number;
  deadLetters: number;
  durationMs: number;
}

/**
 * Dead letters of a rebuild are logged and counted, not published: the live projector has
 * dead-lettered the same records already, and a replay would feed them to it twice.
 */
class CountingSender implements EventSender {
  count = 0;
  constructor(private readonly logger: KafkaLogger) {}
  async send(events: readonly OutgoingEvent[]): Promise<void> {
    this.count += events.length;
    for (const e of events)
      this.logger.warn(
        { topic: e.topic, key: e.key, error: e.headers[HEADERS.error] },
        'rebuild skipped a record it cannot apply',
      );
  }
}

async function schemaExists(dataSource: DataSource, name: string): Promise<boolean> {
  const rows: unknown[] = await dataSource.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [
    name,
  ]);
  return rows.length > 0;
}

/** Per partition: the offset up to which the group must have committed to be caught up. */
async function endOffsets(
  kafka: Kafka,
  topics: string[],
): Promise<Map<string, { low: bigint; high: bigint }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, { low: bigint; high: bigint }>();
    for (const topic of topics)
      for (const p of await admin.fetchTopicOffsets(topic))
        ends.set(`${topic}/${p.partition}`, { low: BigInt(p.low), high: BigInt(p.high) });
    return ends;
  } finally {
    await admin.disconnect();
  }
}

/** How far the group has come: partitions done and the offsets committed of all to read. */
async function progress(
  kafka: Kafka,
  groupId: string,
  topics: string[],
  ends: Map<string, { low: bigint; high: bigint }>,
): Promise<{ done: boolean; read: bigint; total: bigint }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = new Map<string, bigint>();
    for (const t of await admin.fetchOffsets({ groupId, topics }))
      for (const p of t.partitions) committed.set(`${t.topic}/${p.partition}`, BigInt(p.offset));
    let done = true;
    let read = 0n;
    let total = 0n;
    for (const [key, { low, high }] of ends) {
      const at = committed.get(key) ?? -1n;
      total += high - low;
      read += at > low ? (at > high ? high : at) - low : 0n;
      if (high > low && at < high) done = false;
    }
    return { done, read, total };
  } finally {
    await admin.disconnect();
  }
}

/**
 * Consumes every read-model topic with `groupId` into `dataSource` until the group has caught up
 * with the end offsets of the moment it started; returns the number of events applied.
 */
async function consumeUntilCaughtUp(args: {
  kafka: Kafka;
  env: RebuildEnv;
  dataSource: DataSource;
  groupId: string;
  dlq: EventSender;
  logger: KafkaLogger;
  progressMs: number;
  phase: string;
}): Promise<number> {
  const prefix = args.env.KAFKA_TOPIC_PREFIX;
  // The read models' topics and the survey rounds' (issue 22), which live beside them.
  const topics = [...readModelTopics(prefix), ...roundTopics(prefix)];
  const ends = await endOffsets(args.kafka, topics);
  const repository = new ReadModelsRepository(args.dataSource);
  const rounds = new RoundsProjectionRepository(args.dataSource);
  const decodeReadModel = readModelDecoder(prefix, {
    cronTimeZone: args.env.HARVEST_CRON_TIMEZONE,
  });
  const decodeRound = roundDecoder(prefix);
  let applied = 0;
  const consumer = new BatchConsumer<ReadModelChange | RoundChange>({
    kafka: args.kafka,
    groupId: args.groupId,
    topics,
    decode: (raw) => (isRoundTopic(raw.topic, prefix) ? decodeRound(raw) : decodeReadModel(raw)),
    handle: async (changes) => {
      const isRound = (c: ReadModelChange | RoundChange): c is RoundChange =>
        c.model === 'surveyRound' || c.model === 'roundRecord';
      await rounds.apply(changes.filter(isRound));
      const readModels = changes.filter((c): c is ReadModelChange => !isRound(c));
      for (const [model, group] of byModel(readModels)) await repository.applyChanges(model, group);
      applied += changes.length;
    },
    dlq: args.dlq,
    isTransient: isTransientDbError,
    logger: args.logger,
    fromBeginning: true,
  });
  await consumer.start();
  try {
    for (;;) {
      const state = await progress(args.kafka, args.groupId, topics, ends);
      args.logger.info(
        {
          phase: args.phase,
          applied,
          offsetsRead: state.read.toString(),
          offsetsTotal: state.total.toString(),
          percent: state.total === 0n ? 100 : Number((state.read * 1000n) / state.total) / 10,
        },
        'rebuild progress',
      );
      if (state.done) return applied;
      await new Promise((resolve) => setTimeout(resolve, args.progressMs));
    }
  } finally {
    await consumer.stop();
  }
}

/**
 * Rebuilds reporting's read models from Kafka alone: replays every topic from offset 0 into a
 * fresh schema `<schema>_rb<ts>` (migrated like the live one), evaluates the Handlungsbedarfe
 * there, then swaps the schemas by renaming both in one transaction. The running service's
 * connections name the schema, so its next query reads the new one. Whatever arrived during
 * the rebuild is applied afterwards by the same consumer group (versioned upserts make the
 * overlap with the live projector harmless).
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const { env, logger } = options;
  const progressMs = options.progressMs ?? 1000;
  const stamp = Date.now().toString(36);
  const live = env.DB_SCHEMA;
  const target = schemaNameSchema.parse(`${live}_rb${stamp}`);
  const retired = schemaNameSchema.parse(`${live}_old${stamp}`);
  const groupId = `${env.KAFKA_TOPIC_PREFIX}${env.KAFKA_GROUP_ID}.rebuild.${stamp}`;
  const kafka = createKafka(env, 'reporting-rebuild', logger);
  const dlq = new CountingSender(logger);

  logger.info({ schema: target, groupId }, 'rebuild: migrating a fresh schema');
  await migrate(reportingDataSourceOptions({ ...env, DB_SCHEMA: target }));
  const building = await new DataSource(
    reportingDataSourceOptions({ ...env, DB_SCHEMA: target, DB_POOL_SIZE: 4 }),
  ).initialize();
  let events: number;
  try {
    events = await consumeUntilCaughtUp({
      kafka,
      env,
      dataSource: building,
      groupId,
      dlq,
      logger,
      progressMs,
      phase: 'replay',
    });
    await new FindingsRepository(building).evaluate(ACTIVE_RULE_SET);
    logger.info({ events, schema: target }, 'rebuild: switching schemas');
    await building.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rebuild:${live}`]);
      if (await schemaExists(building, live))
        await manager.query(`ALTER SCHEMA ${live} RENAME TO ${retired}`);
      await manager.query(`ALTER SCHEMA ${target} RENAME TO ${live}`);
    });
  } catch (error) {
    await building.query(`DROP SCHEMA IF EXISTS ${target} CASCADE`).catch(() => undefined);
    throw error;
  } finally {
    await building.destroy();
  }

  const switched = await new DataSource(
    reportingDataSourceOptions({ ...env, DB_POOL_SIZE: 4 }),
  ).initialize();
  try {
    events += await consumeUntilCaughtUp({
      kafka,
      env,
      dataSource: switched,
      groupId,
      dlq,
      logger,
      progressMs,
      phase: 'catch-up',
    });
    await new FindingsRepository(switched).evaluate(ACTIVE_RULE_SET);
    if (!options.keepOld) await switched.query(`DROP SCHEMA IF EXISTS ${retired} CASCADE`);
    await deleteGroup(kafka, groupId).catch((error: unknown) =>
      logger.warn({ groupId, error: String(error) }, 'rebuild consumer group left behind'),
    );
  } finally {
    await switched.destroy();
  }
  const result: RebuildResult = {
    schema: live,
    keptOldSchema: options.keepOld ? retired : null,
    events,
    deadLetters: dlq.count,
    durationMs: Date.now() - started,
  };
  logger.info(
    { ...result, eventsPerSecond: Math.round((events * 1000) / Math.max(1, result.durationMs)) },
    'rebuild: done',
  );
  return result;
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } finally {
    await admin.disconnect();
  }
}
