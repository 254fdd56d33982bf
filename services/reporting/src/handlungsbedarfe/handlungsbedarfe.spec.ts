import { Metrics } from '@dpi/service-kit';
import { Debouncer } from './debouncer';
import { HANDLUNGSBEDARFE_V1, QUALITY_THRESHOLD_PERCENT } from './handlungsbedarfe.v1';
import type { ConfigService } from '@nestjs/config';
import type { PinoLogger } from 'nestjs-pino';
import type { ReportingEnv } from '../config';
import type { ReadModelsChanged } from '../changes/read-models-changed';
import type { FindingsRepository } from './findings.repository';
import { assertValidRuleSet, HandlungsbedarfRule, modelsReadBy } from './rule';
import { RuleEvaluator } from './rule-evaluator';

const rule = (overrides: Partial<HandlungsbedarfRule>): HandlungsbedarfRule => ({
  id: 'some-rule',
  version: 1,
  title: 'Titel',
  severity: 'low',
  rationale: 'Begründung',
  recordKind: 'land',
  sql: "SELECT code AS land_code, code AS subject, '{}'::uuid[] AS record_ids, '{}'::jsonb AS evidence FROM land",
  ...overrides,
});

describe('Handlungsbedarfe v1', () => {
  it('is a valid rule set covering every gap the issue names', () => {
    expect(() => assertValidRuleSet(HANDLUNGSBEDARFE_V1)).not.toThrow();
    expect(HANDLUNGSBEDARFE_V1.rules.map((r) => r.id)).toEqual([
      'land-without-open-data-portal',
      'land-without-urban-data-platform',
      'land-without-digital-twin',
      'platform-without-machine-readable-interface',
      'twin-without-open-3d-format',
      'dataset-without-open-licence',
      'dataset-without-bbox',
      'dataset-without-contact',
      'endpoint-registered-by-several-laender',
      'harvest-source-stale',
      'harvest-source-failing',
      'land-metadata-quality-low',
    ]);
  });

  it('takes its vocabularies from @dpi/domain', () => {
    const byId = new Map(HANDLUNGSBEDARFE_V1.rules.map((r) => [r.id, r]));
    const interfaces = byId.get('platform-without-machine-readable-interface')?.sql ?? '';
    for (const type of ['ogcApiFeatures', 'wfs', 'sensorThings', 'csw'])
      expect(interfaces).toContain(`'${type}'`);
    const licences = byId.get('dataset-without-open-licence')?.sql ?? '';
    expect(licences).toContain("'http://dcat-ap.de/def/licenses/dl-by-de/2.0'");
    expect(licences).not.toContain('other-closed');
  });

  it('sets the quality threshold at the MQA band "good"', () => {
    expect(QUALITY_THRESHOLD_PERCENT).toBe(54.6);
  });

  it.each([
    [{ id: 'Not_Kebab' }, 'not kebab-case'],
    [{ severity: 'urgent' as never }, 'unknown severity'],
    [{ recordKind: 'person' as never }, 'unknown record kind'],
    [{ title: ' ' }, 'title and rationale are required'],
    [{ sql: 'DELETE FROM finding' }, 'must be a SELECT'],
    [{ sql: 'SELECT 1; DROP TABLE land' }, 'one statement'],
    [{ sql: 'SELECT code AS land_code FROM land' }, 'does not name the column subject'],
    [{ version: 0 }, 'version must be a positive integer'],
  ])('rejects a rule with %j', (overrides, message) => {
    expect(() => assertValidRuleSet({ version: 1, rules: [rule(overrides)] })).toThrow(message);
  });

  it('rejects duplicate rule ids', () => {
    expect(() => assertValidRuleSet({ version: 1, rules: [rule({}), rule({})] })).toThrow(
      'used twice',
    );
  });
});

describe('which rules a change makes due', () => {
  const reads = (id: string) => {
    const rule = HANDLUNGSBEDARFE_V1.rules.find((r) => r.id === id) as HandlungsbedarfRule;
    const models = modelsReadBy(rule);
    return models === 'any' ? models : [...models].sort();
  };

  it('reads the models off the tables and views a rule names', () => {
    expect(reads('land-metadata-quality-low')).toEqual(['dataset']);
    expect(reads('dataset-without-open-licence')).toEqual(['dataset']);
    expect(reads('platform-without-machine-readable-interface')).toEqual(['endpoint', 'platform']);
    expect(reads('land-without-open-data-portal')).toEqual(['platform']);
    expect(reads('twin-without-open-3d-format')).toEqual(['twin']);
    expect(reads('harvest-source-failing')).toEqual(['harvestJob']);
    for (const rule of HANDLUNGSBEDARFE_V1.rules) expect(modelsReadBy(rule)).not.toBe('any');
    expect(modelsReadBy({ ...HANDLUNGSBEDARFE_V1.rules[0], sql: 'SELECT 1' })).toBe('any');
  });

  it('evaluates only the rules reading a changed model; all of them at first and on request', async () => {
    const evaluated: string[][] = [];
    const findings = {
      evaluate: async (_set: unknown, rules: readonly HandlungsbedarfRule[] | undefined) => {
        evaluated.push((rules ?? HANDLUNGSBEDARFE_V1.rules).map((r) => r.id));
        return [];
      },
    } as unknown as FindingsRepository;
    const config = { get: () => 0 } as unknown as ConfigService<ReportingEnv, true>;
    const logger = { setContext: () => undefined, debug: () => undefined };
    const evaluator = new RuleEvaluator(
      findings,
      { publish: () => undefined } as unknown as ReadModelsChanged,
      config,
      logger as unknown as PinoLogger,
      new Metrics('reporting', { defaultMetrics: false }),
    );
    // Fake timers: the debounced run and what it awaits are done when runAllTimersAsync returns
    // (with real ones, a run that took 2 ms would put the next one 38 ms later).
    jest.useFakeTimers();
    const settled = () => jest.runAllTimersAsync();
    try {
      evaluator.requestEvaluation(['twin']);
      await settled();
      // Nothing was evaluated yet: the first run evaluates everything.
      expect(evaluated.pop()).toHaveLength(HANDLUNGSBEDARFE_V1.rules.length);
      evaluator.requestEvaluation(['platform']);
      await settled();
      expect(evaluated.pop()?.sort()).toEqual([
        'land-without-open-data-portal',
        'land-without-urban-data-platform',
        'platform-without-machine-readable-interface',
        // The survey rounds' rules over platforms (issue 22, handlungsbedarfe.rounds.v1.ts).
        'round-land-not-complete',
        'round-platform-not-confirmed',
        'round-platform-unconfirmed',
      ]);
      evaluator.requestEvaluation(['organisation']);
      await settled();
      // No rule reads organisations; the round rule over the rounds' tables alone (no read
      // model) is due after any change (a scan of a handful of rows).
      expect(evaluated).toEqual([['round-land-not-complete']]);
      evaluated.pop();
      evaluator.requestEvaluation();
      await settled();
      expect(evaluated.pop()).toHaveLength(HANDLUNGSBEDARFE_V1.rules.length);
    } finally {
      await evaluator.onApplicationShutdown();
      jest.useRealTimers();
    }
  });
});

describe('Debouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once per window however often requested, and once more for requests during a run', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const debouncer = new Debouncer(
      100,
      () => {
        runs++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      () => undefined,
    );
    debouncer.request();
    debouncer.request();
    jest.advanceTimersByTime(99);
    expect(runs).toBe(0);
    jest.advanceTimersByTime(1);
    expect(runs).toBe(1);
    debouncer.request(); // while running
    debouncer.request();
    finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(100);
    expect(runs).toBe(2);
    finish();
    await debouncer.close();
    debouncer.request();
    jest.advanceTimersByTime(1000);
    expect(runs).toBe(2);
  });

  it('reports failures and keeps working', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const debouncer = new Debouncer(
      10,
      async () => {
        runs++;
        throw new Error('boom');
      },
      (e) => errors.push(e),
    );
    debouncer.request();
    await jest.advanceTimersByTimeAsync(10);
    debouncer.request();
    await jest.advanceTimersByTimeAsync(10);
    expect(runs).toBe(2);
    expect(errors).toHaveLength(2);
    await debouncer.close();
  });
});
