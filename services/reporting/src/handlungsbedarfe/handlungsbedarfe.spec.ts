import { Debouncer } from './debouncer';
import { HANDLUNGSBEDARFE_V1, QUALITY_THRESHOLD_PERCENT } from './handlungsbedarfe.v1';
import { assertValidRuleSet, HandlungsbedarfRule } from './rule';

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
