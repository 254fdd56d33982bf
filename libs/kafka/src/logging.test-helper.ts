import type { KafkaLogger } from './logging';

/** A {@link KafkaLogger} that keeps what it is given, by level, for tests to read. */
export function recordingLogger(): {
  logger: KafkaLogger;
  lines: { level: string; msg?: string }[];
} {
  const lines: { level: string; msg?: string }[] = [];
  const at =
    (level: string) =>
    (_obj: object, msg?: string): void => {
      lines.push({ level, msg });
    };
  const logger: KafkaLogger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  return { logger, lines };
}
