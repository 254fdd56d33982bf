import { logCreator, LogEntry, logLevel } from 'kafkajs';

/** The subset of a pino-style logger this lib writes to. */
export interface KafkaLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * kafkajs's messages for NOT_LEADER_OR_FOLLOWER (6), LEADER_NOT_AVAILABLE (5) and
 * UNKNOWN_TOPIC_OR_PARTITION (3). kafkajs logs every error response at ERROR, also those that a
 * retry resolves: a broker names the leader of a new partition in its metadata a moment before it
 * serves the partition, its metadata lags a moment behind a topic just created or deleted, and
 * during a leader change the old leader answers "not the leader". These are states, not failures:
 * logged as warnings; should the retries run out, the caller gets the error anyway.
 */
const TRANSIENT_TOPIC_STATES = new Set([
  'This server is not the leader for that topic-partition',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  'This server does not host this topic-partition',
]);

/** The level an entry is logged at: ERROR, except for a transient topic state (WARN). */
export function effectiveLevel({ level, log }: Pick<LogEntry, 'level' | 'log'>): logLevel {
  const error = (log as { error?: unknown }).error;
  return level === logLevel.ERROR && typeof error === 'string' && TRANSIENT_TOPIC_STATES.has(error)
    ? logLevel.WARN
    : level;
}

/** Without a structured logger (CLIs, test helpers) only errors reach the console, as JSON. */
export const consoleErrorLogger: KafkaLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (obj, msg) => console.error(JSON.stringify({ level: 'error', msg, ...obj })),
};

/** kafkajs's log entries as structured log lines of `logger`. */
export function kafkaLogCreator(logger: KafkaLogger): logCreator {
  return () => (entry: LogEntry) => {
    const { message, ...rest } = entry.log;
    const fields = { kafkajs: rest, kafkaLabel: entry.label };
    const level = effectiveLevel(entry);
    if (level <= logLevel.ERROR) logger.error(fields, message);
    else if (level === logLevel.WARN) logger.warn(fields, message);
    else if (level === logLevel.INFO) logger.info(fields, message);
    else logger.debug(fields, message);
  };
}
