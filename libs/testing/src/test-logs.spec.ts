import type { Test, TestResult } from '@jest/test-result';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT } from './infra';
import TestLogReporter from './jest-log-reporter';
import { failureReport, pruneTestLogs, tailLines, testLogFile } from './test-logs';

describe('test logs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dpi-test-logs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');

  it('keeps one log per test file, at its path in the workspace', () => {
    const testPath = join(WORKSPACE_ROOT, 'services/registry/src/platforms/platforms.int-spec.ts');
    expect(testLogFile(dir, testPath)).toBe(
      join(dir, 'services/registry/src/platforms/platforms.int-spec.ts.log'),
    );
  });

  it('reports nothing for a test file that logged nothing', () => {
    expect(failureReport(join(dir, 'missing.log'))).toBe('');
    writeFileSync(join(dir, 'empty.log'), '');
    expect(failureReport(join(dir, 'empty.log'))).toBe('');
  });

  it('prints a short log whole, indented, with its path relative to the working directory', () => {
    const file = join(dir, 'logs/a.int-spec.ts.log');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, numbered(3));
    expect(failureReport(file, { cwd: dir })).toBe(
      '  ● Log of this test file (all of it): logs/a.int-spec.ts.log\n\n' +
        '    line 1\n    line 2\n    line 3\n\n',
    );
  });

  it('prints the last lines of a long log, and says so', () => {
    const file = join(dir, 'long.log');
    writeFileSync(file, numbered(500));
    const report = failureReport(file, { maxLines: 200, cwd: '/elsewhere' });
    expect(report.split('\n')[0]).toBe(`  ● Log of this test file (last 200 lines): ${file}`);
    expect(report).toContain('    line 301\n');
    expect(report).not.toContain('line 300\n');
    expect(report.endsWith('    line 500\n\n')).toBe(true);
  });

  it('cuts a long line, saying how long it was', () => {
    const file = join(dir, 'wide.log');
    writeFileSync(file, `${'y'.repeat(1000)}\nshort\n`);
    expect(failureReport(file, { cwd: dir })).toBe(
      '  ● Log of this test file (all of it): wide.log\n\n' +
        `    ${'y'.repeat(400)} … (1000 characters)\n    short\n\n`,
    );
  });

  it('prints 40 lines by default', () => {
    const file = join(dir, 'default.log');
    writeFileSync(file, numbered(100));
    const report = failureReport(file, { cwd: dir });
    expect(report.split('\n')[0]).toBe('  ● Log of this test file (last 40 lines): default.log');
    expect(report).toContain('    line 61\n');
    expect(report).not.toContain('line 60\n');
  });

  it('reads only the end of a large log, never a line cut at its start', () => {
    const file = join(dir, 'large.log');
    writeFileSync(file, `${'x'.repeat(3 * 1024 * 1024)}\n${numbered(2)}`);
    expect(tailLines(file, 200)).toEqual({ lines: ['line 1', 'line 2'], truncated: true });
  });

  it('removes the run directories not written to for a week', () => {
    const old = join(dir, 'told');
    const recent = join(dir, 'trecent');
    mkdirSync(old);
    mkdirSync(recent);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    pruneTestLogs(dir);
    expect([existsSync(old), existsSync(recent)]).toEqual([false, true]);
  });

  describe('reporter', () => {
    const testPath = join(WORKSPACE_ROOT, 'libs/example/src/example.int-spec.ts');
    const result = (failing: number, testExecError?: TestResult['testExecError']) =>
      ({ numFailingTests: failing, testExecError }) as TestResult;

    function reporter(): { written: string[]; instance: TestLogReporter } {
      const written: string[] = [];
      const previous = process.env.DPI_TEST_LOG_DIR;
      process.env.DPI_TEST_LOG_DIR = dir;
      try {
        return { written, instance: new TestLogReporter({}, { write: (t) => written.push(t) }) };
      } finally {
        process.env.DPI_TEST_LOG_DIR = previous;
      }
    }

    beforeEach(() => {
      const file = testLogFile(dir, testPath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, 'the service said why\n');
    });

    it('prints nothing for a passing test file', () => {
      const { written, instance } = reporter();
      instance.onTestResult({ path: testPath } as Test, result(0));
      expect(written).toEqual([]);
    });

    it('prints the log of a test file with a failing test, or one that did not run (testExecError)', () => {
      const { written, instance } = reporter();
      instance.onTestResult({ path: testPath } as Test, result(1));
      instance.onTestResult(
        { path: testPath } as Test,
        result(0, { message: 'Cannot find module', stack: '' }),
      );
      expect(written).toHaveLength(2);
      for (const text of written) {
        expect(text).toContain('example.int-spec.ts.log');
        expect(text).toContain('    the service said why\n');
      }
    });

    it('names the run directory at the end', () => {
      const { written, instance } = reporter();
      instance.onRunComplete();
      expect(written).toEqual([
        expect.stringMatching(/^Logs of this run \(services under test, console output\): .*\/\n$/),
      ]);
    });
  });
});
