import {
  databaseUrl,
  eventually,
  freePort,
  issueToken,
  migrateService,
  ServiceProcess,
} from '@dpi/testing';
import { Client } from 'pg';
import pino from 'pino';
import { reportingEnvSchema } from '../config';
import { RuleEvaluator } from '../handlungsbedarfe/rule-evaluator';
import { rebuildReadModels } from '../rebuild/rebuild';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';

/**
 * Survey rounds (issue 22) through the real registry (its dist, as deployed), Kafka and
 * reporting: a Land's confirmations, updates, withdrawals, new records and "nothing more to add"
 * reach the round's progress; a Brandenburg editor changes none of Hamburg's; the open items go
 * out as German Excel CSV; a rebuild from offset 0 yields the live round tables.
 */
const ADMIN = 'rounds-reporting-admin-0123456789';
const TABLES = ['survey_round_item', 'round_record_item'];

async function snapshot(schema: string): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const result: Record<string, unknown[]> = {};
    for (const table of TABLES)
      result[table] = (
        await client.query(`SELECT to_jsonb(t) AS row FROM ${schema}.${table} t ORDER BY id`)
      ).rows.map((r) => r.row);
    return result;
  } finally {
    await client.end();
  }
}

interface Progress {
  round: { state: string };
  laender: Record<string, number | boolean | string | null>[];
}

describe('reporting: survey round progress from the real registry (issue 22)', () => {
  let registry: ServiceProcess;
  let r: ReportingUnderTest;
  let base: string;
  const tokens = { hamburg: '', brandenburg: '' };
  const hh: string[] = [];
  let secret = '';
  let roundId = '';

  const call = async (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${registry.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const progress = async (token?: string): Promise<Record<string, Record<string, unknown>>> => {
    const response = await fetch(`${base}/api/v1/rounds/${roundId}/progress`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Progress;
    return Object.fromEntries(body.laender.map((l) => [l.landCode as string, l]));
  };

  beforeAll(async () => {
    const registryPort = await freePort();
    r = await startReporting('rounds', { REGISTRY_URL: `http://127.0.0.1:${registryPort}` });
    const env = r.ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN, KAFKA_GROUP_ID: 'dpi-registry' });
    migrateService('registry', env);
    registry = new ServiceProcess('registry', env, registryPort);
    await registry.start();
    base = await r.serve();
    tokens.hamburg = await issueToken(registry.url, ADMIN, {
      name: 'hh-editor',
      role: 'land-editor',
      landCode: 'DE-HH',
    });
    tokens.brandenburg = await issueToken(registry.url, ADMIN, {
      name: 'bb-editor',
      role: 'land-editor',
      landCode: 'DE-BB',
    });
    for (const name of [
      'Geoportal Hamburg',
      'Urban Data Platform Hamburg',
      'Transparenzportal Hamburg',
    ]) {
      const created = await call('POST', '/api/v1/platforms', tokens.hamburg, {
        name,
        landCode: 'DE-HH',
        type: 'geoportal',
        status: 'production',
      });
      expect(created.status).toBe(201);
      hh.push(created.json.id);
    }
    const secretDataset = await call('POST', '/api/v1/datasets', tokens.hamburg, {
      title: 'Leitungskataster Hamburg',
      landCode: 'DE-HH',
      accessRights: 'NON_PUBLIC',
    });
    secret = secretDataset.json.id;
    expect(
      (
        await call('POST', '/api/v1/datasets', tokens.brandenburg, {
          title: 'Baumkataster Potsdam',
          landCode: 'DE-BB',
        })
      ).status,
    ).toBe(201);
    const round = await call('POST', '/api/v1/rounds', ADMIN, {
      title: 'Erhebungsrunde Integrationstest',
      referenceDate: '2026-12-01',
      deadline: '2099-12-31T23:00:00Z',
      kinds: ['platform', 'dataset'],
      landCodes: ['DE-HH', 'DE-BB'],
    });
    expect(round.status).toBe(201);
    roundId = round.json.id;
  }, 180_000);

  afterAll(async () => {
    await registry?.stop();
    await r?.close();
  });

  it('shows every in-scope record open once the round is projected', async () => {
    await eventually(async () => {
      const p = await progress(ADMIN);
      expect(p['DE-HH']).toMatchObject({ inScope: 4, open: 4, confirmed: 0, complete: false });
      expect(p['DE-BB']).toMatchObject({ inScope: 1, open: 1 });
    });
    // The public counts only what it may see: not Hamburg's NON_PUBLIC dataset.
    expect((await progress())['DE-HH']).toMatchObject({ inScope: 3, open: 3 });
    const rounds = (await fetch(`${base}/api/v1/rounds`).then((x) => x.json())) as {
      items: { id: string }[];
    };
    expect(rounds.items.map((i: { id: string }) => i.id)).toContain(roundId);
  });

  it('follows Hamburg’s confirmations, update, withdrawal, new record and declaration; Brandenburg changes none of them', async () => {
    const foreign = await call(
      'POST',
      `/api/v1/rounds/${roundId}/confirmations`,
      tokens.brandenburg,
      { recordIds: [hh[0]] },
    );
    expect(foreign.status).toBe(403);
    expect(
      (await call('POST', `/api/v1/rounds/${roundId}/laender/DE-HH/complete`, tokens.brandenburg))
        .status,
    ).toBe(403);
    expect(
      (
        await call('POST', `/api/v1/rounds/${roundId}/confirmations`, tokens.hamburg, {
          recordIds: [hh[0]],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          'PATCH',
          `/api/v1/platforms/${hh[1]}`,
          tokens.hamburg,
          { status: 'pilot' },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          'POST',
          `/api/v1/rounds/${roundId}/withdrawals`,
          tokens.hamburg,
          { recordId: hh[2], reason: 'abgeschaltet' },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call('POST', '/api/v1/platforms', tokens.hamburg, {
          name: 'Neues Portal Hamburg',
          landCode: 'DE-HH',
          type: 'geoportal',
          status: 'pilot',
        })
      ).status,
    ).toBe(201);
    expect(
      (await call('POST', `/api/v1/rounds/${roundId}/laender/DE-HH/complete`, tokens.hamburg))
        .status,
    ).toBe(200);
    await eventually(async () => {
      const p = await progress(ADMIN);
      expect(p['DE-HH']).toMatchObject({
        inScope: 4,
        open: 1,
        confirmed: 1,
        updated: 1,
        withdrawn: 1,
        new: 1,
        complete: true,
      });
      expect(p['DE-BB']).toMatchObject({ inScope: 1, open: 1, confirmed: 0, complete: false });
    });
  });

  it('lists the open items as German Excel CSV, to those who may see them', async () => {
    const read = async (token?: string) => {
      const response = await fetch(`${base}/api/v1/rounds/${roundId}/open-items.csv?land=DE-HH`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      return Buffer.from(await response.arrayBuffer());
    };
    const own = await read(tokens.hamburg);
    expect([...own.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = own.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Land;Art;ID;Titel;Stand in der Runde;Zuletzt bestätigt');
    expect(lines.slice(1)).toEqual([`DE-HH;Datensatz;${secret};Leitungskataster Hamburg;offen;`]);
    const anonymous = (await read()).toString('utf8');
    expect(anonymous).not.toContain(secret);
    expect(anonymous.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('finds, once the round is closed, each record left open and each Land that did not complete it', async () => {
    const findings = async (ruleId: string) => {
      const response = await fetch(`${base}/api/v1/findings?ruleId=${ruleId}&limit=100`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      expect(response.status).toBe(200);
      return (
        (await response.json()) as {
          items: {
            subject: string;
            recordIds: string[];
            evidence: Record<string, unknown>;
            landCode: string;
          }[];
        }
      ).items;
    };
    // Open, the round has no such findings yet.
    await r.app.get(RuleEvaluator).evaluate();
    expect(await findings('round-land-not-complete')).toEqual([]);
    expect((await call('POST', `/api/v1/rounds/${roundId}/close`, ADMIN)).status).toBe(200);
    await eventually(async () => {
      await r.app.get(RuleEvaluator).evaluate();
      const laender = await findings('round-land-not-complete');
      // Hamburg declared "nothing more to add", Brandenburg did not.
      expect(laender.map((f) => f.landCode)).toEqual(['DE-BB']);
      expect(laender[0].evidence).toMatchObject({ roundId });
      // Brandenburg's open dataset; Hamburg's open one is NON_PUBLIC: no per-record finding
      // (its id and title would reach every reader), but among the Land finding's record ids.
      const datasets = await findings('round-dataset-not-confirmed');
      expect(datasets.map((f) => f.landCode)).toEqual(['DE-BB']);
      expect(datasets[0].evidence).toMatchObject({ roundId, record: 'Baumkataster Potsdam' });
      // Hamburg's platforms were all confirmed, updated or withdrawn.
      expect(await findings('round-platform-not-confirmed')).toEqual([]);
    });
    const everything = await fetch(`${base}/api/v1/findings?limit=500`).then((x) => x.text());
    expect(everything).toContain('round-land-not-complete');
    expect(everything).not.toContain(secret);
  }, 120_000);

  it('rebuilds the round tables from offset 0 equal to the live ones, after the close', async () => {
    await eventually(async () =>
      expect(
        (
          (await fetch(`${base}/api/v1/rounds/${roundId}/progress`).then((x) =>
            x.json(),
          )) as Progress
        ).round.state,
      ).toBe('closed'),
    );
    const env = reportingEnvSchema.parse(process.env);
    const live = await snapshot(env.DB_SCHEMA);
    expect(live.round_record_item).toHaveLength(5);
    const result = await rebuildReadModels({
      env,
      logger: pino({ level: 'silent' }),
      progressMs: 100,
    });
    expect(result.deadLetters).toBe(0);
    expect(await snapshot(env.DB_SCHEMA)).toEqual(live);
    // The service still answers from the rebuilt schema.
    expect((await progress(ADMIN))['DE-HH']).toMatchObject({
      open: 1,
      confirmed: 1,
      updated: 1,
      withdrawn: 1,
      new: 1,
    });
  }, 180_000);
});
