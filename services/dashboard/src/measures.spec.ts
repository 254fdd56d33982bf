import { NO_DATA_COLOR, PALETTE, ZERO_COLOR } from './choropleth';
import {
  buildMeasureView,
  describeLand,
  formatMeasure,
  measureColor,
  measureValue,
  roundShare,
} from './measures';
import type { LandOverview, RoundsOverview } from './model';
import { landProgress } from './land-progress.test-helper';

const land = (code: string, name: string, changes: Partial<LandOverview> = {}): LandOverview => ({
  code,
  key: '00',
  abbr: code.slice(3),
  name,
  organisations: 0,
  platforms: 0,
  twins: 0,
  datasets: 0,
  openDatasets: 0,
  openDataShare: null,
  endpoints: 0,
  maxMaturity: null,
  findings: { high: 0, medium: 0, low: 0, info: 0 },
  quality: { datasets: 0, score: null, rating: null, dimensions: {} },
  ...changes,
});

const laender = [
  land('DE-HH', 'Hamburg', {
    platforms: 5,
    twins: 2,
    maxMaturity: 3,
    findings: { high: 1, medium: 2, low: 0, info: 1 },
    quality: { datasets: 10, score: 61.2, rating: 'good', dimensions: {} },
  }),
  land('DE-BB', 'Brandenburg', {
    platforms: 1,
    quality: { datasets: 3, score: 12, rating: 'bad', dimensions: {} },
  }),
  land('DE-HB', 'Bremen'),
];

describe('measureValue', () => {
  it('reads each measure, findings as the sum over severities', () => {
    const [hh] = laender;
    expect(measureValue(hh, 'platforms')).toBe(5);
    expect(measureValue(hh, 'twins')).toBe(2);
    expect(measureValue(hh, 'maturity')).toBe(3);
    expect(measureValue(hh, 'findings')).toBe(4);
    expect(measureValue(hh, 'quality')).toBe(61.2);
    expect(measureValue(laender[2], 'maturity')).toBeNull();
  });
});

const progress = landProgress;

describe('the survey round as a measure', () => {
  const rounds: RoundsOverview = {
    rounds: [],
    shown: {
      round: {
        id: 'r',
        title: 'Runde',
        referenceDate: '2026-12-01',
        deadline: null,
        kinds: ['platform'],
        landCodes: ['DE-HH', 'DE-BB'],
        state: 'open',
        openedAt: null,
        closedAt: null,
      },
      laender: [
        progress('DE-HH', { open: 1, confirmed: 2, withdrawn: 1 }),
        progress('DE-BB', { open: 0, confirmed: 4, complete: true }),
      ],
    },
  };

  it('is the share answered; a Land that declared with nothing open is 100 %', () => {
    expect(roundShare(progress('DE-HH', { open: 1, confirmed: 2, updated: 1 }))).toBe(75);
    expect(roundShare(progress('DE-HH', { inScope: 0, open: 0, complete: true }))).toBe(100);
    // Declared, but records still open: not done.
    expect(roundShare(progress('DE-HH', { open: 2, confirmed: 2, complete: true }))).toBe(50);
    expect(roundShare(progress('DE-HH', { inScope: 0, open: 0 }))).toBeNull();
    expect(roundShare(undefined)).toBeNull();
  });

  it('colours the Länder of the round by fixed bands; a Land outside it as "not in the round"', () => {
    const view = buildMeasureView(laender, 'round', 'de', rounds);
    expect(view.values.get('DE-HH')).toBe(75);
    expect(view.values.get('DE-BB')).toBe(100);
    expect(view.values.get('DE-HB')).toBeNull();
    expect(measureColor(view, 'DE-HH')).toBe(view.scale.classes[3].color);
    expect(measureColor(view, 'DE-BB')).toBe(view.scale.classes[4].color);
    expect(measureColor(view, 'DE-HB')).toBe(ZERO_COLOR);
    expect(view.legend[0].label).toBe('nicht in der Runde');
    expect(view.scale.classes.at(-1)?.label).toBe('alles beantwortet');
    expect(formatMeasure('round', 75, 'de')).toBe('75\u00a0%');
    expect(buildMeasureView(laender, 'round', 'en').legend[0].label).toBe('no survey round');
  });
});

describe('buildMeasureView and measureColor', () => {
  it('colours counts by natural breaks and zero apart from the scale', () => {
    const view = buildMeasureView(laender, 'platforms', 'de');
    expect(view.scale.method).toBe('natural-breaks');
    expect(view.scale.classes.map((c) => c.label)).toEqual(['1', '2–5']);
    expect(measureColor(view, 'DE-HH')).toBe(PALETTE[4]);
    expect(measureColor(view, 'DE-BB')).toBe(PALETTE[0]);
    expect(measureColor(view, 'DE-HB')).toBe(ZERO_COLOR);
    expect(view.legend[0]).toEqual({ color: ZERO_COLOR, label: 'keine' });
  });

  it('gives the maturity levels fixed classes, whatever the data', () => {
    const view = buildMeasureView(laender, 'maturity', 'en');
    expect(view.scale.classes.map((c) => c.label)).toEqual([
      'Level 1',
      'Level 2',
      'Level 3',
      'Level 4',
    ]);
    expect(measureColor(view, 'DE-HH')).toBe(view.scale.classes[2].color);
    expect(measureColor(view, 'DE-HB')).toBe(ZERO_COLOR);
    expect(view.legend[0].label).toBe('no twin');
  });

  it('bands the quality score like the MQA ratings', () => {
    const view = buildMeasureView(laender, 'quality', 'de');
    expect(view.scale.classes.map((c) => c.label)).toEqual([
      'mangelhaft (0\u00a0% – < 29,9\u00a0%)',
      'ausreichend (29,9\u00a0% – < 54,6\u00a0%)',
      'gut (54,6\u00a0% – < 86,7\u00a0%)',
      'exzellent (≥ 86,7\u00a0%)',
    ]);
    expect(measureColor(view, 'DE-HH')).toBe(view.scale.classes[2].color);
    expect(measureColor(view, 'DE-BB')).toBe(view.scale.classes[0].color);
    expect(measureColor(view, 'DE-HB')).toBe(ZERO_COLOR);
    expect(view.legend[0].label).toBe('keine Datensätze');
  });

  it('greys out a Land the reporting service did not report on', () => {
    const view = buildMeasureView(laender, 'twins', 'de');
    expect(measureColor(view, 'DE-BY')).toBe(NO_DATA_COLOR);
    expect(measureColor(undefined, 'DE-HH')).toBe(NO_DATA_COLOR);
  });
});

describe('formatMeasure and describeLand', () => {
  it('writes values the German or English way', () => {
    expect(formatMeasure('quality', 61.25, 'de')).toBe('61,3\u00a0%');
    expect(formatMeasure('quality', 61.25, 'en')).toBe('61.3%');
    expect(formatMeasure('platforms', 12345, 'de')).toBe('12.345');
    expect(formatMeasure('maturity', null, 'de')).toBe('–');
  });

  it('describes a Land in one sentence', () => {
    expect(describeLand(laender[0], 'Hamburg', 'de')).toBe(
      'Hamburg: 5 Plattformen, 2 Zwillinge, 4 Handlungsbedarfe, Reifegrad 3, Qualität 61,2\u00a0%',
    );
    expect(describeLand(laender[2], 'Bremen', 'de')).toBe(
      'Bremen: keine Plattform, 0 Zwillinge, 0 Handlungsbedarfe',
    );
    expect(describeLand(laender[1], 'Brandenburg', 'en')).toBe(
      'Brandenburg: 1 platform, 0 twins, 0 needs for action, quality 12%',
    );
    expect(describeLand(undefined, 'Bayern', 'de')).toBe('Bayern: keine Daten');
  });
});
