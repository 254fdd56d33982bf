import {
  createTestNamespace,
  ensureSchemathesis,
  expectCleanRun,
  freePort,
  fuzzMaxExamples,
  type NonFatalError,
  openApiOperations,
  runSchemathesis,
  ServiceProcess,
  WORKSPACE_ROOT,
  migrateService,
} from '@dpi/testing';
import { join } from 'node:path';

const ADMIN_TOKEN = 'openapi-fuzz-admin-token-0123456789';
/** Fixed, so a failure reproduces with the same command (printed in the log). */
const SEED = 20261123;
/**
 * Test cases per operation and phase (examples, coverage, fuzzing, stateful): about 4,000 requests
 * for the registry's 44 operations, most of them the coverage phase's boundary values
 * (`npm run fuzz` sets FUZZ_MAX_EXAMPLES for a deep run).
 */
const MAX_EXAMPLES = fuzzMaxExamples(30);
const MIN_REQUESTS = 1000;
const RUN_TIMEOUT_MS = Math.max(8, MAX_EXAMPLES / 5) * 60_000;

/**
 * Schemathesis has no serializer for application/x-ndjson (only a Python hook could add one), so it
 * cannot send that variant of POST /api/v1/imports; its application/json variant is tested.
 */
const untestable = (error: NonFatalError) =>
  error.value.type === 'SerializationNotPossible' &&
  /media types: application\/x-ndjson$/m.test(error.value.message);

/**
 * The registry's OpenAPI document, checked by schemathesis against the REAL registry process on the
 * real PostgreSQL and Kafka: generated valid and invalid requests, boundary values, and stateful
 * sequences (create → read → change → delete) must never cause a 5xx or a response outside the
 * document. The by-design exceptions, each narrowed to its operations, are in schemathesis.toml.
 * Every operation is tested, the destructive ones included: the namespace is the test's own.
 */
describe('registry OpenAPI document vs. the running registry (schemathesis)', () => {
  let registry: ServiceProcess;

  // Builds the Python venv if it is missing (minutes; npm test builds it before jest starts).
  beforeAll(ensureSchemathesis, 11 * 60_000);

  beforeAll(async () => {
    const ns = await createTestNamespace('fuzz');
    migrateService('registry', ns.env('registry'));
    registry = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN }),
      await freePort(),
    );
    await registry.start();
  });

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

  it(
    `sends ≥ ${MIN_REQUESTS} requests: no 5xx, no response outside the document, no failed check`,
    async () => {
      const schemaUrl = `${registry.url}/api/docs-json`;
      const operations = await openApiOperations(schemaUrl);
      const outcome = await runSchemathesis({
        schemaUrl,
        // schemathesis_hooks.py (beside it) adds a serializer for NDJSON imports.
        config: join(WORKSPACE_ROOT, 'services/registry/schemathesis.toml'),
        seed: SEED,
        maxExamples: MAX_EXAMPLES,
        timeoutMs: RUN_TIMEOUT_MS,
        untestable,
        env: {
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
        },
      });
      expectCleanRun(outcome, { operations, excluded: [], minRequests: MIN_REQUESTS });
    },
    RUN_TIMEOUT_MS + 60_000,
  );
});
