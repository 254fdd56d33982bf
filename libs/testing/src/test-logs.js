// @ts-check
// Where a jest run's logs go, and what a failing test file shows of its log. Plain CommonJS, typed
// through JSDoc: jest loads its reporters (./jest-log-reporter.js) without a transform.
'use strict';
const {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
} = require('node:fs');
const { join, relative } = require('node:path');

const WORKSPACE_ROOT = join(__dirname, '../../..');
const RUNS_DIR = join(WORKSPACE_ROOT, '.infra/logs/test');

/**
 * How many lines of a failing test file's log are printed, each cut at this many characters (a JSON
 * request log line runs to 2,000): the output stays a screen or two; the file has the rest.
 */
const TAIL_LINES = 40;
const LINE_CHARS = 400;
/** The tail is taken from at most this many bytes at the end of the log. */
const TAIL_BYTES = 1024 * 1024;
/** Run directories untouched for this long are removed when a run starts. */
const KEPT_FOR_MS = 7 * 24 * 3600 * 1000;

/**
 * The directory of one jest run's logs: .infra/logs/test/<run id>, with the run id that names the
 * schemas and topics of the integration tests when there is one.
 * @param {string | undefined} runId
 */
function testLogDir(runId) {
  return join(RUNS_DIR, runId || `t${Date.now().toString(36)}`);
}

/**
 * The log of one test file: the run's directory, the test file's path in the workspace, ".log".
 * @param {string} logDir
 * @param {string} testPath absolute
 */
function testLogFile(logDir, testPath) {
  return join(logDir, `${relative(WORKSPACE_ROOT, testPath)}.log`);
}

/**
 * The last `maxLines` lines of a file, and whether there were more; null when it is missing or empty.
 * @param {string} file
 * @param {number} maxLines
 * @returns {{ lines: string[], truncated: boolean } | null}
 */
function tailLines(file, maxLines) {
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (length < size) lines.shift(); // begins mid-line
    if (lines.length === 0) return null;
    return { lines: lines.slice(-maxLines), truncated: length < size || lines.length > maxLines };
  } finally {
    closeSync(fd);
  }
}

/**
 * What a failing test file adds to jest's output: the path of its log and the log's last lines.
 * Empty when the test file logged nothing.
 * @param {string} file
 * @param {{ maxLines?: number, cwd?: string }} [options]
 */
function failureReport(file, { maxLines = TAIL_LINES, cwd = process.cwd() } = {}) {
  const tail = tailLines(file, maxLines);
  if (!tail) return '';
  const shown = relative(cwd, file);
  const path = shown.startsWith('..') ? file : shown;
  const which = tail.truncated ? `last ${tail.lines.length} lines` : 'all of it';
  const cut = (/** @type {string} */ line) =>
    line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS)} … (${line.length} characters)` : line;
  return `  ● Log of this test file (${which}): ${path}\n\n${tail.lines.map((line) => `    ${cut(line)}\n`).join('')}\n`;
}

/**
 * Removes the run directories in `runsDir` that were not written to for `maxAgeMs`.
 * @param {string} [runsDir]
 * @param {number} [maxAgeMs]
 */
function pruneTestLogs(runsDir = RUNS_DIR, maxAgeMs = KEPT_FOR_MS) {
  let runs;
  try {
    runs = readdirSync(runsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  } catch {
    return;
  }
  for (const { name } of runs) {
    const dir = join(runsDir, name);
    if (Date.now() - statSync(dir).mtimeMs > maxAgeMs)
      rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { failureReport, pruneTestLogs, tailLines, testLogDir, testLogFile };
