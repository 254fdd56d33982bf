import { eventually } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { reportingEnvSchema } from '../config';
import { RecordHistoryBackfill1763900000130 } from '../database/migrations/1763900000130-record-history-backfill';
import { rebuildReadModels } from '../rebuild/rebuild';
import { ReportingUnderTest } from '../reporting.test-helper';
import { LAND, Tip, Trends, useBremenRecords } from './profile-trends-quality.test-helper';

/**
 * Issue 21, items 5-7: the Land profile, the trends from the recorded history and the quality
 * breakdown with tips, against the real PostgreSQL and Kafka, with tokens checked by a real
 * registry (built from dist/). Bremen's records: platforms public, NON_PUBLIC, withdrawn and
 * registered three months ago; datasets complete, lacking keywords and licence, NON_PUBLIC,
 * harvested and harvested-then-withdrawn; a twin, an endpoint, two harvest sources.
 */
describe('Land profile, trends and quality breakdown (issue 21; real PostgreSQL, Kafka, registry)', () => {
  // The registry, the tokens, reporting with Bremen's records and get(): the *.test-helper.ts.
  const bremen = useBremenRecords();
  const { started, threeMonthsAgo, ids, get } = bremen;
  let r: ReportingUnderTest;
  beforeAll(() => (r = bremen.reporting()));

  it('profiles a Land with its records; a NON_PUBLIC one only for the reviewer and its own Land', async () => {
    interface Profile {
      counts: Record<string, number>;
      platforms: { id: string; name: string }[];
      twins: { id: string }[];
      datasets: {
        total: number;
        harvested: number;
        byLicence: { value: string | null; count: number }[];
      };
      endpoints: { total: number; items: { id: string }[] };
      harvestSources: {
        sourceName: string;
        stale: boolean;
        staleReason: string | null;
        ageDays: number | null;
      }[];
      findings: { total: number; byRule: { count: number }[] };
      quality: { datasets: number; tips: Tip[] };
      reportPdf: string;
    }
    const profiles: Record<string, Profile> = {};
    for (const who of ['public', 'otherEditor', 'ownEditor', 'reviewer'])
      profiles[who] = await get<Profile>(`/api/v1/laender/${LAND.toLowerCase()}/profile`, who);
    for (const who of ['public', 'otherEditor']) {
      const p = profiles[who];
      expect(p.platforms.map((x) => x.name)).toEqual(['Bremen Open Data', 'Geoportal Bremen']);
      expect(p.counts).toEqual({
        platforms: 2,
        twins: 1,
        datasets: 3,
        endpoints: 1,
        harvestSources: 2,
        staleHarvestSources: 1,
      });
      expect(JSON.stringify(p)).not.toContain(ids.pHidden);
      expect(JSON.stringify(p)).not.toContain(ids.dHidden);
      expect(p.quality.datasets).toBe(3);
    }
    for (const who of ['ownEditor', 'reviewer']) {
      const p = profiles[who];
      expect(p.platforms.map((x) => x.name)).toEqual([
        'Bremen Open Data',
        'Geoportal Bremen',
        'Interne Plattform',
      ]);
      expect(p.counts).toMatchObject({ platforms: 3, datasets: 4 });
      expect(p.quality.datasets).toBe(4);
    }
    const pub = profiles.public;
    expect(pub.twins.map((t) => t.id)).toEqual([ids.twin]);
    expect(pub.endpoints.items.map((x) => x.id)).toEqual([ids.endpoint]);
    expect(pub.datasets.harvested).toBe(1);
    expect(pub.datasets.byLicence).toEqual([
      { value: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0', count: 2 },
      { value: null, count: 1 },
    ]);
    const sources = Object.fromEntries(pub.harvestSources.map((s) => [s.sourceName, s]));
    expect(sources.Metaver).toMatchObject({ stale: false, staleReason: null });
    expect(sources.Metaver.ageDays).toBeLessThan(1);
    expect(sources['Kaputter Katalog']).toMatchObject({
      stale: true,
      staleReason: 'neverSucceeded',
    });
    expect(pub.findings.total).toBe(pub.findings.byRule.reduce((s, f) => s + f.count, 0));
    expect(pub.reportPdf).toBe(`/api/v1/exports/report.pdf?land=${LAND}`);
    await get('/api/v1/laender/DE-XX/profile', 'public', 404);

    // The confirmation status of the newest survey round that includes the Land (issue 22): none
    // yet; then a round as its projection stores it (rows of rounds.int-spec.ts's shape).
    expect((pub as Profile & { survey: unknown }).survey).toBeNull();
    const db = r.app.get(DataSource);
    const round = randomUUID();
    await db.query(
      `INSERT INTO survey_round_item (id, title, reference_date, deadline, kinds, land_codes, state,
         opened_at, closed_at, laender, version, updated_at, last_event_id)
       VALUES ($1, 'Erhebung 2026', '2026-12-01', NULL, '{platform}', '{${LAND},DE-BE}', 'open',
         now(), NULL, '[]', 1, now(), 'test')`,
      [round],
    );
    for (const [record, status] of [
      [ids.p1, 'confirmed'],
      [ids.pHidden, 'open'],
    ])
      await db.query(
        `INSERT INTO round_record_item (id, round_id, record_id, kind, land_code, status, late,
           version, updated_at, last_event_id)
         VALUES ($1, $2, $3, 'platform', '${LAND}', $4, false, 1, now(), 'test')`,
        [randomUUID(), round, record, status],
      );
    type Survey = { survey: { round: { id: string }; progress: Record<string, unknown> } };
    const surveyOf = async (who: string) =>
      (await get<Survey>(`/api/v1/laender/${LAND}/profile`, who)).survey;
    expect(await surveyOf('public')).toMatchObject({
      round: { id: round },
      progress: { landCode: LAND, inScope: 1, confirmed: 1, open: 0, complete: false },
    });
    expect((await surveyOf('reviewer')).progress).toMatchObject({ inScope: 2, open: 1 });
    expect((await get<Survey>('/api/v1/laender/DE-BY/profile', 'public')).survey).toBeNull();
  }, 240_000);

  it('tips a dataset lacking keywords and licence, not a complete one, with the view’s points', async () => {
    interface ItemQuality {
      score: number;
      dimensions: Record<string, { points: number }>;
      tips: Tip[];
    }
    const lacking = await get<ItemQuality>(`/api/v1/items/${ids.dLacking}/quality`, 'public');
    expect(lacking.tips.map((t) => t.id)).toEqual(expect.arrayContaining(['keywords', 'licence']));
    expect(lacking.tips.find((t) => t.id === 'keywords')).toMatchObject({
      text: 'Schlüsselwörter ergänzen',
      gain: 30,
    });
    const complete = await get<ItemQuality>(`/api/v1/items/${ids.dComplete}/quality`, 'public');
    expect(complete.tips.map((t) => t.id)).not.toContain('keywords');
    expect(complete.tips.map((t) => t.id)).not.toContain('licence');
    expect(complete.score).toBeGreaterThan(lacking.score);

    // The breakdown adds up to the view dataset_quality (method v1) the aggregates read.
    const db = r.app.get(DataSource);
    for (const [id, q] of [
      [ids.dLacking, lacking],
      [ids.dComplete, complete],
    ] as const) {
      const [view] = await db.query(
        `SELECT findability::float8 f, accessibility::float8 a, interoperability::float8 i,
           reusability::float8 r, contextuality::float8 c FROM dataset_quality WHERE id = $1`,
        [id],
      );
      const d = q.dimensions;
      expect([
        d.findability.points,
        d.accessibility.points,
        d.interoperability.points,
        d.reusability.points,
        d.contextuality.points,
      ]).toEqual(
        [view.f, view.a, view.i, view.r, view.c].map((v: number) => Math.round(v * 100) / 100),
      );
    }

    // A NON_PUBLIC dataset: not found for the public and another Land, scored for the others.
    await get(`/api/v1/items/${ids.dHidden}/quality`, 'public', 404);
    await get(`/api/v1/items/${ids.dHidden}/quality`, 'otherEditor', 404);
    await get(`/api/v1/items/${ids.dHidden}/quality`, 'ownEditor');
    await get(`/api/v1/items/${ids.dHidden}/quality`, 'reviewer');
    await get(`/api/v1/items/${ids.p1}/quality`, 'reviewer', 404);
    await get('/api/v1/items/not-a-uuid/quality', 'public', 400);

    // Per Land: the tips by the datasets they would improve.
    type Dimensions = { laender: { landCode: string; datasets: number; tips: Tip[] }[] };
    const tipDatasets = async (who: string) => {
      const view = await get<Dimensions>(`/api/v1/quality/dimensions?land=${LAND}`, who);
      expect(view.laender.map((l) => l.landCode)).toEqual([LAND]);
      return Object.fromEntries(view.laender[0].tips.map((t) => [t.id, t.datasets]));
    };
    expect(await tipDatasets('public')).toMatchObject({ keywords: 1, licence: 1 });
    expect(await tipDatasets('reviewer')).toMatchObject({ keywords: 2, licence: 2 });
    const all = await get<Dimensions>('/api/v1/quality/dimensions', 'public');
    expect(all.laender).toHaveLength(16);
    expect(all.laender.find((l) => l.landCode === 'DE-BY')).toMatchObject({
      datasets: 0,
      tips: [],
    });
  }, 240_000);

  it('shows registrations, withdrawals and harvested datasets since the history began', async () => {
    const trends = async (who: string, query = '') =>
      get<Trends>(`/api/v1/trends?land=${LAND}${query}`, who);
    const pub = await trends('public');
    expect(pub.recordedSince).not.toBeNull();
    const since = new Date(pub.recordedSince as string);
    expect(since.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    expect(since.getTime()).toBeLessThanOrEqual(Date.now());
    // Only the bucket holding recordedSince: the one of the old platform's registration is absent.
    const [bucket, ...more] = pub.series[0].buckets;
    expect(more).toEqual([]);
    expect(bucket).toMatchObject({
      partial: true,
      registered: { platform: 2, twin: 1, dataset: 2, endpoint: 1 },
      withdrawn: { platform: 1, twin: 0, dataset: 0, endpoint: 0 },
      harvested: { added: 2, withdrawn: 1 },
      inventory: { platform: 2, twin: 1, dataset: 3, endpoint: 1 },
    });
    const from = threeMonthsAgo.toISOString().slice(0, 10);
    const asked = await trends('public', `&from=${from}&bucket=month`);
    expect(asked.series[0].buckets.map((b) => b.label)).toEqual([bucket.label]);
    expect((await trends('otherEditor')).series[0].buckets).toEqual([bucket]);
    for (const who of ['ownEditor', 'reviewer'])
      expect((await trends(who)).series[0].buckets[0]).toMatchObject({
        registered: { platform: 3, dataset: 3 },
        inventory: { platform: 3, dataset: 4 },
      });
    const weeks = await trends('public', '&bucket=week');
    expect(weeks.series[0].buckets.at(-1)?.label).toMatch(/^\d{4}-W\d{2}$/);
    expect(weeks.series[0].buckets.at(-1)?.inventory).toEqual(bucket.inventory);
    await get(`/api/v1/trends?from=2026-02-31`, 'public', 400);
    // Any other period is answered: clamped to the history, empty when it ends before it.
    const empty = await get<Trends>(`/api/v1/trends?land=${LAND}&to=2000-01-01`, 'public');
    expect(empty.series[0].buckets).toEqual([]);
    const wide = await get<Trends>(
      `/api/v1/trends?land=${LAND}&from=0001-01-01&to=9999-12-31&bucket=week`,
      'public',
    );
    expect(wide.series[0].buckets).toEqual(weeks.series[0].buckets);
    await get(`/api/v1/trends?bucket=day`, 'public', 400);
    expect((await get<Trends>('/api/v1/trends', 'public')).series).toHaveLength(16);
  }, 240_000);

  it('rebuilt from offset 0 gives the same trends; a record first seen past version 1 moves recordedSince', async () => {
    const before = {
      public: await get<Trends>(`/api/v1/trends?land=${LAND}&bucket=week`, 'public'),
      reviewer: await get<Trends>(`/api/v1/trends?land=${LAND}`, 'reviewer'),
    };
    const env = reportingEnvSchema.parse(process.env);
    const result = await rebuildReadModels({
      env,
      logger: pino({ level: 'silent' }),
      keepOld: false,
      progressMs: 100,
    });
    expect(result.deadLetters).toBe(0);
    const strip = ({ recordedSince, series }: Trends) => ({ recordedSince, series });
    expect(strip(await get<Trends>(`/api/v1/trends?land=${LAND}&bucket=week`, 'public'))).toEqual(
      strip(before.public),
    );
    expect(strip(await get<Trends>(`/api/v1/trends?land=${LAND}`, 'reviewer'))).toEqual(
      strip(before.reviewer),
    );

    // Kafka's compaction leaves a record's later versions only: the history before is lost.
    const sent = new Date();
    const compacted = randomUUID();
    await r.producer.send([r.events.platform(compacted, 3, { landCode: 'DE-SL' })]);
    await eventually(async () => {
      const after = await get<Trends>('/api/v1/trends?land=DE-SL', 'public');
      expect(new Date(after.recordedSince as string).getTime()).toBeGreaterThanOrEqual(
        sent.getTime() - 1000,
      );
    });
  }, 240_000);

  it('fills the history of an upgraded deployment from its read models (migration 130)', async () => {
    const url = `/api/v1/trends?land=${LAND}`;
    const before = (await get<Trends>(url, 'reviewer')).series[0].buckets.at(-1);
    const db = r.app.get(DataSource);
    await db.query('DELETE FROM record_history');
    expect((await get<Trends>(url, 'reviewer')).recordedSince).toBeNull();
    const runner = db.createQueryRunner();
    try {
      await new RecordHistoryBackfill1763900000130().up(runner);
    } finally {
      await runner.release();
    }
    const after = await get<Trends>(url, 'reviewer');
    // The inventory is whole again. (Withdrawals only where the read model kept the Land: a
    // record registered and withdrawn in one batch is stored from its tombstone, without one.)
    expect(after.recordedSince).not.toBeNull();
    expect(after.series[0].buckets.at(-1)?.inventory).toEqual(before?.inventory);
    expect(before?.inventory).toEqual({ platform: 3, twin: 1, dataset: 4, endpoint: 1 });
  }, 240_000);
});
