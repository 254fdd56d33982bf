import { execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { WORKSPACE_ROOT } from './infra';

/*
 * The OpenAPI fuzz tests (services/<name>/src/openapi-fuzz.e2e-spec.ts): schemathesis 4 from the
 * project's venv against a real service process, its NDJSON events and JSON report read back, and
 * every failure printed with the request that caused it.
 */

/** One request and its response, from schemathesis' NDJSON event stream. */
export interface Interaction {
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
export interface NonFatalError {
  label: string;
  phase: string;
  value: { type: string; message: string };
}
/** The parts of schemathesis' JSON run report the assertions use. */
export interface RunReport {
  complete: boolean;
  operations: { total: number; selected: number; tested: number };
  test_cases: { generated: number };
  failures: { code: string; title: string; count: number; operations: string[] }[];
}

export interface SchemathesisOptions {
  /** The service's OpenAPI document, e.g. `${url}/api/docs-json`. */
  schemaUrl: string;
  /** The service's schemathesis.toml; a schemathesis_hooks.py beside it is loaded too. */
  config: string;
  /** Fixed, so that a failure reproduces with the same command (printed in the log). */
  seed: number;
  /** Test cases per operation and phase (schemathesis' --max-examples). */
  maxExamples: number;
  /** Variables the config refers to (`${NAME}`). */
  env?: Record<string, string>;
  /** The run is killed after this long (exit code 137). */
  timeoutMs: number;
  /**
   * Errors that stop schemathesis from testing part of an operation and are understood (e.g. a
   * media type it has no serializer for); any other is reported.
   */
  untestable?: (error: NonFatalError) => boolean;
}

export interface SchemathesisOutcome {
  /** 0: every check passed; 1: failures; anything else: schemathesis crashed or was killed. */
  code: number;
  /** schemathesis' console output. */
  log: string;
  /** Its JSON and NDJSON reports. */
  reportDir: string;
  summary: RunReport;
  /** Every request sent, in every phase. */
  requests: Interaction[];
  /** The operations (`GET /api/v1/items`) of which at least one case was sent. */
  tested: string[];
  /** Each failed check with the request and response that failed it. */
  failures: string[];
  /** Errors that kept schemathesis from testing, except the untestable ones. */
  errors: string[];
  /** The requests answered with a 5xx (also in `failures`, by not_a_server_error). */
  serverErrors: string[];
}

/**
 * Test cases per operation and phase: FUZZ_MAX_EXAMPLES when set (`npm run fuzz`: a deep run),
 * otherwise the spec's bounded number for `npm test`.
 */
export function fuzzMaxExamples(bounded: number): number {
  const value = process.env.FUZZ_MAX_EXAMPLES;
  if (value === undefined || value === '') return bounded;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`FUZZ_MAX_EXAMPLES must be a positive integer, not ${value}`);
  return parsed;
}

/** The operations of an OpenAPI document, as schemathesis labels them (`GET /api/v1/items`). */
export async function openApiOperations(schemaUrl: string): Promise<string[]> {
  const response = await fetch(schemaUrl);
  if (!response.ok) throw new Error(`GET ${schemaUrl}: ${response.status}`);
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => methods.includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    )
    .sort();
}

let binary: string | undefined;

/**
 * The venv's schemathesis. deploy/local/python.mjs builds the venv when it is missing, which takes
 * minutes (npm test builds it before jest starts): call this in beforeAll with a long timeout.
 */
export function ensureSchemathesis(): void {
  if (binary) return;
  // python.mjs is ESM, which CommonJS tests cannot import: run it. A no-op once the venv exists
  // (npm test builds it before jest starts).
  const python = JSON.parse(
    execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'deploy/local/python.mjs')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 10 * 60_000,
    }),
  ) as { bin: string };
  binary = join(python.bin, 'schemathesis');
}

const decode = (value?: { $base64?: string }, max = 300) =>
  value?.$base64 ? Buffer.from(value.$base64, 'base64').toString('utf8').slice(0, max) : '';

/** Runs schemathesis once and reads its reports. */
export async function runSchemathesis(options: SchemathesisOptions): Promise<SchemathesisOutcome> {
  ensureSchemathesis();
  // schemathesis writes its reports and a .hypothesis directory into its working directory.
  const reportDir = mkdtempSync(join(tmpdir(), `${basename(dirname(options.config))}-fuzz-`));
  const name = basename(dirname(options.config));
  const log = join(
    WORKSPACE_ROOT,
    '.infra/test-logs',
    `schemathesis-${name}-${new URL(options.schemaUrl).port}.log`,
  );
  mkdirSync(dirname(log), { recursive: true });
  const args = [
    '--config-file',
    options.config,
    'run',
    options.schemaUrl,
    '--seed',
    String(options.seed),
    '--max-examples',
    String(options.maxExamples),
    '--report',
    'json,ndjson',
    '--report-dir',
    reportDir,
    '--no-color',
  ];
  const hooks = existsSync(join(dirname(options.config), 'schemathesis_hooks.py'))
    ? { SCHEMATHESIS_HOOKS: 'schemathesis_hooks', PYTHONPATH: dirname(options.config) }
    : {};
  const code = await new Promise<number>((resolve, reject) => {
    const out = createWriteStream(log);
    out.write(`$ schemathesis ${args.join(' ')}\n`);
    const child = spawn(binary as string, args, {
      cwd: reportDir,
      env: { ...process.env, ...options.env, ...hooks },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', reject);
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      out.end(() => resolve(exitCode ?? (signal === 'SIGKILL' ? 137 : 1)));
    });
  });
  if (code !== 0 && code !== 1) {
    throw new Error(`schemathesis exited with ${code}; see ${log} and ${reportDir}`);
  }
  const outcome = {
    code,
    log,
    reportDir,
    ...readSchemathesisReports(reportDir, options.untestable),
  };
  console.info(
    `schemathesis ${name}: ${outcome.summary.operations.tested} of ${outcome.summary.operations.total} operations, ` +
      `${outcome.summary.test_cases.generated} test cases, ${outcome.requests.length} requests, ` +
      `${outcome.serverErrors.length} 5xx, ${outcome.failures.length} failures (--max-examples ${options.maxExamples})`,
  );
  return outcome;
}

/** Reads the JSON and NDJSON reports schemathesis wrote into `reportDir`. */
export function readSchemathesisReports(
  reportDir: string,
  untestable: (error: NonFatalError) => boolean = () => false,
): Omit<SchemathesisOutcome, 'code' | 'log' | 'reportDir'> {
  const report = (extension: string) => {
    const file = readdirSync(reportDir).find((name) => name.endsWith(`.${extension}`));
    if (!file) throw new Error(`schemathesis wrote no .${extension} report into ${reportDir}`);
    return readFileSync(join(reportDir, file), 'utf8');
  };
  const summary = JSON.parse(report('json')) as RunReport;
  const requests: Interaction[] = [];
  const tested = new Set<string>();
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
    const sent = Object.values(recorder.interactions ?? {});
    requests.push(...sent);
    if (phase !== 'stateful' && sent.length > 0) tested.add(recorder.label);
    for (const [caseId, checks] of Object.entries(recorder.checks ?? {})) {
      for (const check of checks.filter((c) => c.status === 'failure')) {
        const interaction = recorder.interactions?.[caseId];
        const failure = check.failure_info?.failure;
        failures.add(
          [
            `${failure?.code ?? '?'} ${check.name} (${phase}, ${recorder.label})`,
            `  ${interaction?.request.method} ${interaction?.request.uri} ${decode(interaction?.request.body)}`,
            `  → ${interaction?.response?.status_code} ${decode(interaction?.response?.content)}`,
          ].join('\n'),
        );
      }
    }
  }
  return {
    summary,
    requests,
    tested: [...tested].sort(),
    failures: [...failures].sort(),
    errors,
    serverErrors: requests
      .filter((r) => (r.response?.status_code ?? 0) >= 500)
      .map((r) => `${r.request.method} ${r.request.uri} → ${r.response?.status_code}`),
  };
}

/**
 * The assertions every fuzz test makes: the run completed, tested every operation of the document
 * but the `excluded` ones (and exactly those), sent at least `minRequests` requests, and found no
 * 5xx, no response outside the document, no failed check. Each expectation carries where to look.
 */
export function expectCleanRun(
  outcome: SchemathesisOutcome,
  {
    operations,
    excluded,
    minRequests,
  }: { operations: string[]; excluded: string[]; minRequests: number },
): void {
  const where = `log ${outcome.log}, reports ${outcome.reportDir}`;
  expect({ where, complete: outcome.summary.complete, errors: outcome.errors }).toEqual({
    where,
    complete: true,
    errors: [],
  });
  expect({ where, untested: operations.filter((o) => !outcome.tested.includes(o)) }).toEqual({
    where,
    untested: [...excluded].sort(),
  });
  expect(outcome.summary.operations.tested).toBe(operations.length - excluded.length);
  expect(outcome.requests.length).toBeGreaterThanOrEqual(minRequests);
  expect(outcome.summary.test_cases.generated).toBeGreaterThanOrEqual(minRequests);
  expect({ where, serverErrors: outcome.serverErrors }).toEqual({ where, serverErrors: [] });
  expect({ where, failures: outcome.failures }).toEqual({ where, failures: [] });
  expect(outcome.summary.failures).toEqual([]);
  expect(outcome.code).toBe(0);
  rmSync(outcome.reportDir, { recursive: true, force: true });
}
