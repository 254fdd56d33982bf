// @ts-check
// Jest reporter of the root jest.config.js. Jest loads reporters in its main process without a
// transform: plain CommonJS, typed through JSDoc.
'use strict';
const { existsSync } = require('node:fs');
const { relative } = require('node:path');
const { failureReport, pruneTestLogs, testLogDir, testLogFile } = require('./test-logs');

/** @typedef {import('@jest/reporters').Reporter} Reporter */

/**
 * Tests write their console output, and the services they start their logs, to one file per test
 * file (./jest-test-log.ts). This reporter names the run's log directory for the workers
 * (DPI_TEST_LOG_DIR, which they inherit when jest starts them, after this constructor) and prints
 * the end of a test file's log when the file fails. A passing file's log only stays on disk (for
 * a week).
 * @implements {Reporter}
 */
class TestLogReporter {
  /**
   * @param {unknown} _globalConfig
   * @param {{ maxLines?: number, write?: (text: string) => void }} [options]
   */
  constructor(_globalConfig, options = {}) {
    // globalSetup has run: the integration tests' run id names the directory too.
    this.dir = process.env.DPI_TEST_LOG_DIR ||= testLogDir(process.env.DPI_TEST_RUN_ID);
    this.maxLines = options.maxLines;
    this.write = options.write ?? ((text) => void process.stderr.write(text));
    pruneTestLogs();
  }

  /**
   * @param {import('@jest/test-result').Test} test
   * @param {import('@jest/test-result').TestResult} result
   */
  onTestResult(test, result) {
    if (result.numFailingTests === 0 && !result.testExecError) return;
    const report = failureReport(testLogFile(this.dir, test.path), { maxLines: this.maxLines });
    if (report) this.write(report);
  }

  onRunComplete() {
    if (existsSync(this.dir))
      this.write(
        `Logs of this run (services under test, console output): ${relative(process.cwd(), this.dir)}/\n`,
      );
  }
}

module.exports = TestLogReporter;
