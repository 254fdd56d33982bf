import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectCleanRun, readSchemathesisReports } from './schemathesis';

const b64 = (text: string) => ({ $base64: Buffer.from(text).toString('base64') });

/** A run's reports as schemathesis 4 writes them, reduced to what is read. */
function reports(ndjson: object[], failures: object[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'schemathesis-spec-'));
  writeFileSync(
    join(dir, 'json-1.json'),
    JSON.stringify({
      complete: true,
      operations: { total: 2, selected: 2, tested: 2 },
      test_cases: { generated: 2 },
      failures,
    }),
  );
  writeFileSync(join(dir, 'ndjson-1.ndjson'), ndjson.map((e) => JSON.stringify(e)).join('\n'));
  return dir;
}

const scenario = (label: string, status: number, failed = false) => ({
  ScenarioFinished: {
    phase: 'fuzzing',
    recorder: {
      label,
      interactions: {
        c1: {
          request: { method: 'GET', uri: `http://x${label.split(' ')[1]}`, body: b64('{}') },
          response: { status_code: status, content: b64('{"detail":"boom"}') },
        },
      },
      checks: {
        c1: [
          failed
            ? {
                name: 'not_a_server_error',
                status: 'failure',
                failure_info: { failure: { code: 'ST101', title: 'Server error', message: '' } },
              }
            : { name: 'not_a_server_error', status: 'success' },
        ],
      },
    },
  },
});

describe('reading schemathesis reports', () => {
  const clean = { code: 0, log: 'log', reportDir: '' };

  it('passes a clean run that tested every operation but the excluded ones', () => {
    const dir = reports([scenario('GET /a', 200), scenario('GET /b', 404)]);
    const outcome = { ...clean, reportDir: dir, ...readSchemathesisReports(dir) };
    expect(outcome.tested).toEqual(['GET /a', 'GET /b']);
    expect(() =>
      expectCleanRun(outcome, { operations: ['GET /a', 'GET /b'], excluded: [], minRequests: 2 }),
    ).not.toThrow();
  });

  it('reports a 5xx with its request and response, and fails the run', () => {
    const dir = reports([scenario('GET /a', 200), scenario('GET /b', 500, true)]);
    const outcome = { ...clean, reportDir: dir, ...readSchemathesisReports(dir) };
    expect(outcome.serverErrors).toEqual(['GET http://x/b → 500']);
    expect(outcome.failures).toEqual([
      'ST101 not_a_server_error (fuzzing, GET /b)\n  GET http://x/b {}\n  → 500 {"detail":"boom"}',
    ]);
    expect(() =>
      expectCleanRun(outcome, { operations: ['GET /a', 'GET /b'], excluded: [], minRequests: 2 }),
    ).toThrow(/serverErrors/);
  });

  it('fails a run that left out an operation not excluded, or tested an excluded one', () => {
    const dir = reports([scenario('GET /a', 200), scenario('GET /a', 200)]);
    const outcome = { ...clean, reportDir: dir, ...readSchemathesisReports(dir) };
    const operations = ['GET /a', 'GET /b'];
    expect(() => expectCleanRun(outcome, { operations, excluded: [], minRequests: 1 })).toThrow(
      /untested/,
    );
    expect(() =>
      expectCleanRun(outcome, { operations, excluded: ['GET /a'], minRequests: 1 }),
    ).toThrow(/untested/);
  });

  it('reports errors that kept schemathesis from testing, except the understood ones', () => {
    const error = {
      NonFatalError: {
        label: 'POST /a',
        phase: 'coverage',
        value: { type: 'SerializationNotPossible', message: 'x' },
      },
    };
    const dir = reports([scenario('GET /a', 200), error]);
    expect(readSchemathesisReports(dir).errors).toEqual(['POST /a (coverage): x']);
    expect(readSchemathesisReports(dir, () => true).errors).toEqual([]);
  });
});
