// Jest setupFilesAfterEnv of the root jest.config.js: what a test file logs goes to its own file,
// whose end ./jest-log-reporter.js prints when the test file fails. That is the console of the
// tests and of what they load (kafkajs in the test helpers), the services they run in-process
// (LOG_FILE, from createTestNamespace's env) and as processes (ServiceProcess), and pycsw.
import { Console } from 'node:console';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import { testLogFile } from './test-logs';

const dir = process.env.DPI_TEST_LOG_DIR;
const { testPath } = expect.getState();
if (dir && testPath) {
  const file = testLogFile(dir, testPath);
  mkdirSync(dirname(file), { recursive: true });
  process.env.DPI_TEST_LOG_FILE = file;
  // Appended synchronously: the reporter reads the file as soon as the test file has finished.
  const sink = new Writable({
    write(chunk, _encoding, done) {
      appendFileSync(file, chunk);
      done();
    },
  });
  globalThis.console = new Console({ stdout: sink, stderr: sink });
  // Which test the lines below belong to.
  beforeEach(() => {
    appendFileSync(file, `---- ${new Date().toISOString()} ${expect.getState().currentTestName}\n`);
  });
}
