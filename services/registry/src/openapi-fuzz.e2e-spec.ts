import { createTestNamespace, freePort, ServiceProcess, WORKSPACE_ROOT } from '@dpi/testing';
import { execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ADMIN_TOKEN = 'openapi-fuzz-admin-token-0123456789';
const CONFIG = join(WORKSPACE_ROOT, 'services/registry/schemathesis.toml');
/** Fixed, so a failure reproduces with the same command (printed in the log). */
const SEED = 20261123;
/**
 * Test cases per operation and phase (examples, coverage, fuzzing, stateful): about 4,000 requests
 * for the registry's 44 operations, most of them the coverage phase's boundary values.
 */
const MAX_EXAMPLES = 30;
const MIN_REQUESTS = 1000;
const RUN_TIMEOUT_MS = 8 * 60_000;

/** One request and its response, from schemathesis' NDJSON event stream. */
interface Interaction {
  request: { method: string; uri: string; body?: { $base64?: string } };
  response: { status_code: number; content?: { $base64?: string } } | null;
}
interface CheckResult {
  name: string;
  status: string;
  failure_info?: { failure: { code: string; title: string; message: string } };
}
interface ScenarioFinished {
  phase: string;
  recorder: {
    label: string;
    /** Both absent when a scenario sent nothing (e.g. an operation skipped in a phase). */
    checks?: Record<string, CheckResult[]>;
    interactions?: Record<string, Interaction>;
  };
}
/** An error that stopped schemathesis from testing (part of) an operation. */
interface NonFatalError {
  label: string;
  phase: string;
  value: { type: string; message: string };
}
/** The parts of schemathesis' JSON run report the assertions use. */
interface RunReport {
  complete: boolean;
  operations: { total: number; tested: number };
  test_cases: { generated: number };
  failures: { code: string; title: string; count: number; operations: string[] }[];
}

/**
 * Schemathesis has no serializer for application/x-ndjson (only a Python hook could add one), so it
 * cannot send that variant of POST /api/v1/imports; its application/json variant is tested.
 */
const untestable = (error: NonFatalError) =>
  error.value.type === 'SerializationNotPossible' &&
  /media types: application\/x-ndjson$/m.test(error.value.message);

const decode = (value?: { $base64?: string }, max = 300) =>
  value?.$base64 ? Buffer.from(value.$base64, 'base64').toString('utf8').slice(0, max) : '';

/**
 * The registry's OpenAPI document, checked by schemathesis against the REAL registry process on the
 * real PostgreSQL and Kafka: generated valid and invalid requests, boundary values, and stateful
 * sequences (create → read → change → delete) must never cause a 5xx or a response outside the
 * document. The by-design exceptions, each narrowed to its operations, are in schemathesis.toml.
 */
describe('registry OpenAPI document vs. the running registry (schemathesis)', () => {
  let registry: ServiceProcess;
  let schemathesis: string;
  let workDir: string;

  beforeAll(async () => {
    // deploy/local/python.mjs is ESM, which this (CommonJS) test cannot import: run it. A no-op
    // once the venv exists (npm test builds it before jest starts).
    const python = JSON.parse(
      execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'deploy/local/python.mjs')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 10 * 60_000,
      }),
    ) as { bin: string };
    schemathesis = join(python.bin, 'schemathesis');

    const ns = await createTestNamespace('fuzz');
    execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'services/registry/dist/migrate.js')], {
      env: { ...process.env, ...ns.env('registry') },
      encoding: 'utf8',
    });
    registry = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN }),
      await freePort(),
    );
    await registry.start();
    // schemathesis writes its reports and a .hypothesis directory into its working directory.
    workDir = mkdtempSync(join(tmpdir(), 'registry-openapi-fuzz-'));
  }, 11 * 60_000);

  afterAll(async () => {
    await registry?.stop();
  });

  /** Creates a federal record (admin token, no landCode): any Land's records may reference it. */
  async function federal(kind: string, body: object): Promise<string> {
    const response = await fetch(`${registry.url}/api/v1/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  function runSchemathesis(env: Record<string, string>): Promise<{ code: number; log: string }> {
    const log = join(WORKSPACE_ROOT, '.infra/test-logs', `schemathesis-${registry.port}.log`);
    const args = [
      '--config-file',
      CONFIG,
      'run',
      `${registry.url}/api/docs-json`,
      '--seed',
      String(SEED),
      '--max-examples',
      String(MAX_EXAMPLES),
      '--report',
      'json,ndjson',
      '--report-dir',
      workDir,
      '--no-color',
    ];
    // The directory is no longer made by ServiceProcess (under jest it logs to the test's log).
    mkdirSync(dirname(log), { recursive: true });
    return new Promise((resolve, reject) => {
      const out = createWriteStream(log);
      out.write(`$ schemathesis ${args.join(' ')}\n`);
      const child = spawn(schemathesis, args, {
        cwd: workDir,
        // schemathesis_hooks.py (beside CONFIG) adds a serializer for NDJSON imports.
        env: {
          ...process.env,
          ...env,
          SCHEMATHESIS_HOOKS: 'schemathesis_hooks',
          PYTHONPATH: dirname(CONFIG),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.pipe(out, { end: false });
      child.stderr.pipe(out, { end: false });
      const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
      child.once('error', reject);
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        out.end(() => resolve({ code: code ?? (signal === 'SIGKILL' ? 137 : 1), log }));
      });
    });
  }

  const report = (extension: string) => {
    const file = readdirSync(workDir).find((name) => name.endsWith(`.${extension}`));
    if (!file) throw new Error(`schemathesis wrote no .${extension} report into ${workDir}`);
    return readFileSync(join(workDir, file), 'utf8');
  };

  it(
    `sends ≥ ${MIN_REQUESTS} requests: no 5xx, no response outside the document, no failed check`,
    async () => {
      const { code, log } = await runSchemathesis({
        DPI_ADMIN_TOKEN: ADMIN_TOKEN,
        // The records generated bodies reference (schemathesis.toml, [parameters]).
        DPI_FUZZ_ORGANISATION_ID: await federal('organisations', {
          name: 'Fuzz-Bundesamt',
          level: 'federal',
          type: 'other',
        }),
        DPI_FUZZ_ENDPOINT_ID: await federal('endpoints', {
          name: 'Fuzz-Katalogdienst',
          serviceType: 'csw',
          url: 'https://fuzz.example.org/csw',
        }),
      });
      // 0: all checks passed; 1: failures (asserted below, with details); anything else: a crash.
      if (code !== 0 && code !== 1) {
        throw new Error(`schemathesis exited with ${code}; see ${log}`);
      }

      const summary = JSON.parse(report('json')) as RunReport;
      const requests: Interaction[] = [];
      const failures = new Set<string>();
      const errors: string[] = [];
      for (const line of report('ndjson').split('\n')) {
        if (line.startsWith('{"NonFatalError"')) {
          const error = (JSON.parse(line) as { NonFatalError: NonFatalError }).NonFatalError;
          if (!untestable(error))
            errors.push(`${error.label} (${error.phase}): ${error.value.message}`);
          continue;
        }
        if (!line.startsWith('{"ScenarioFinished"')) continue;
        const { phase, recorder } = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished })
          .ScenarioFinished;
        requests.push(...Object.values(recorder.interactions ?? {}));
        for (const [caseId, checks] of Object.entries(recorder.checks ?? {})) {
          for (const check of checks.filter((c) => c.status === 'failure')) {
            const sent = recorder.interactions?.[caseId];
            const failure = check.failure_info?.failure;
            failures.add(
              [
                `${failure?.code ?? '?'} ${check.name} (${phase}, ${recorder.label})`,
                `  ${sent?.request.method} ${sent?.request.uri} ${decode(sent?.request.body)}`,
                `  → ${sent?.response?.status_code} ${decode(sent?.response?.content)}`,
              ].join('\n'),
            );
          }
        }
      }
      const serverErrors = requests.filter((r) => (r.response?.status_code ?? 0) >= 500);

      // Each expectation carries where to look, so a failure names the log and the reports.
      const where = `log ${log}, reports ${workDir}`;
      expect({ where, complete: summary.complete, errors }).toEqual({
        where,
        complete: true,
        errors: [],
      });
      expect(summary.operations.tested).toBe(summary.operations.total);
      expect(requests.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
      expect(summary.test_cases.generated).toBeGreaterThanOrEqual(MIN_REQUESTS);
      expect({
        where,
        serverErrors: serverErrors.map((r) => `${r.request.method} ${r.request.uri}`),
      }).toEqual({ where, serverErrors: [] });
      expect({ where, failures: [...failures].sort() }).toEqual({ where, failures: [] });
      expect(summary.failures).toEqual([]);
      expect(code).toBe(0);
      rmSync(workDir, { recursive: true, force: true });
    },
    RUN_TIMEOUT_MS + 60_000,
  );
});
