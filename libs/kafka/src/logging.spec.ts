import { LogEntry, logLevel } from 'kafkajs';
import { consoleErrorLogger, kafkaLogCreator } from './logging';
import { recordingLogger } from './logging.test-helper';

function capture() {
  const { logger, lines } = recordingLogger();
  return { lines, log: kafkaLogCreator(logger)(logLevel.DEBUG) };
}

const entry = (level: logLevel, error?: string): LogEntry => ({
  namespace: 'Connection',
  level,
  label: logLevel[level],
  log: { timestamp: '2026-01-01T00:00:00.000Z', message: 'Response ListOffsets', error },
});

describe('kafkaLogCreator', () => {
  it('logs the responses of a topic or leader in transition as warnings, other errors as errors', () => {
    const { lines, log } = capture();
    log(entry(logLevel.ERROR, 'This server is not the leader for that topic-partition'));
    log(
      entry(
        logLevel.ERROR,
        'There is no leader for this topic-partition as we are in the middle of a leadership election',
      ),
    );
    log(entry(logLevel.ERROR, 'This server does not host this topic-partition'));
    log(entry(logLevel.ERROR, 'Topic with this name already exists'));
    log(entry(logLevel.ERROR));
    expect(lines.map((l) => l.level)).toEqual(['warn', 'warn', 'warn', 'error', 'error']);
  });

  it('keeps the other levels', () => {
    const { lines, log } = capture();
    for (const level of [logLevel.WARN, logLevel.INFO, logLevel.DEBUG]) log(entry(level));
    expect(lines).toEqual([
      { level: 'warn', msg: 'Response ListOffsets' },
      { level: 'info', msg: 'Response ListOffsets' },
      { level: 'debug', msg: 'Response ListOffsets' },
    ]);
  });
});

describe('consoleErrorLogger', () => {
  it('prints errors only', () => {
    const print = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      consoleErrorLogger.warn({ kafkajs: {} }, 'not printed');
      consoleErrorLogger.error({ kafkajs: { broker: 'b:1' } }, 'printed');
      expect(print.mock.calls).toEqual([
        [JSON.stringify({ level: 'error', msg: 'printed', kafkajs: { broker: 'b:1' } })],
      ]);
    } finally {
      print.mockRestore();
    }
  });
});
