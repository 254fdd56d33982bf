import {
  RoundRecordChangedSchema,
  RoundRecordStatus,
  SurveyRoundChangedSchema,
  SurveyRoundChange,
} from '@dpi/contracts';
import { decodeMessage } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import { RegistryUnderTest } from '../registry.test-helper';
import { ADMIN, useRoundsRegistry } from './rounds.test-helper';

/**
 * Survey rounds (issue 22) through the real registry, PostgreSQL and Kafka: opening, bulk
 * confirmations, updates and withdrawals through the ordinary write path, a Land's declaration,
 * closing (frozen results), refusals after the close, and a Land editor kept to its own Land.
 */
describe('registry: survey rounds (issue 22, real PostgreSQL and Kafka)', () => {
  // The registry, its event probes, the tokens, the records in scope and the request helpers:
  // rounds.test-helper.ts.
  const rounds = useRoundsRegistry();
  const { tokens, hh, request, create, outboxPosition, openRound } = rounds;
  let registry: RegistryUnderTest;
  let roundEvents: KafkaProbe;
  let recordEvents: KafkaProbe;
  let hhSecret = '';
  let bbDataset = '';
  let roundId = '';
  beforeAll(
    () => ({ registry, roundEvents, recordEvents, hhSecret, bbDataset } = rounds.started()),
  );

  const states = async (land: string, token = ADMIN) => {
    const r = await request('GET', `/api/v1/rounds/${roundId}/records?land=${land}&limit=500`, {
      token,
    });
    expect(r.statusCode).toBe(200);
    return Object.fromEntries(
      (r.json().items as { id: string; status: string }[]).map((i) => [i.id, i.status]),
    );
  };

  it('opens a round for admins only, with field errors for a bad body', async () => {
    const byEditor = await request('POST', '/api/v1/rounds', {
      token: tokens.hamburg,
      body: {
        title: 'x',
        referenceDate: '2026-12-01',
        deadline: '2099-01-01T00:00:00Z',
        kinds: ['platform'],
        landCodes: ['DE-HH'],
      },
    });
    expect(byEditor.statusCode).toBe(403);
    const bad = await request('POST', '/api/v1/rounds', {
      token: ADMIN,
      body: {
        title: '',
        referenceDate: '1.12.2026',
        deadline: 'morgen',
        kinds: ['tree'],
        landCodes: ['DE-XX'],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(new Set((bad.json().errors as { field: string }[]).map((e) => e.field))).toEqual(
      new Set(['title', 'referenceDate', 'deadline', 'kinds', 'landCodes']),
    );
    expect(await registry.count('survey_round')).toBe(0);

    const round = await openRound();
    roundId = round.id;
    expect(round).toMatchObject({ state: 'open', kinds: ['dataset', 'platform'], version: 1 });
    expect(await states('DE-HH')).toEqual(
      Object.fromEntries([...hh, hhSecret].map((id) => [id, 'open'])),
    );
    expect(await states('DE-BB')).toEqual({ [bbDataset]: 'open' });
  });

  it('refuses a Brandenburg editor every action on Hamburg’s records and writes nothing', async () => {
    const before = { outbox: await outboxPosition(), states: await states('DE-HH') };
    const publicOnes = await request('POST', `/api/v1/rounds/${roundId}/confirmations`, {
      token: tokens.brandenburg,
      body: { recordIds: [hh[0], bbDataset] },
    });
    expect(publicOnes.statusCode).toBe(403);
    expect(publicOnes.headers['content-type']).toMatch(/^application\/problem\+json/);
    // A NON_PUBLIC record of another Land is answered as if it were not in the round.
    const secret = await request('POST', `/api/v1/rounds/${roundId}/confirmations`, {
      token: tokens.brandenburg,
      body: { recordIds: [hhSecret] },
    });
    expect(secret.statusCode).toBe(400);
    expect(secret.json().errors).toEqual([
      { field: 'recordIds[0]', message: `${hhSecret} is not a record of this round` },
    ]);
    const complete = await request('POST', `/api/v1/rounds/${roundId}/laender/DE-HH/complete`, {
      token: tokens.brandenburg,
    });
    expect(complete.statusCode).toBe(403);
    const withdraw = await request('POST', `/api/v1/rounds/${roundId}/withdrawals`, {
      token: tokens.brandenburg,
      body: { recordId: hh[4], reason: 'fremd' },
      headers: { 'if-match': '"1"' },
    });
    expect(withdraw.statusCode).toBe(403);
    for (const token of [tokens.reviewer, undefined]) {
      const r = await request('POST', `/api/v1/rounds/${roundId}/confirmations`, {
        token,
        body: { recordIds: [hh[0]] },
      });
      expect(r.statusCode).toBe(token ? 403 : 401);
    }
    const close = await request('POST', `/api/v1/rounds/${roundId}/close`, {
      token: tokens.hamburg,
    });
    expect(close.statusCode).toBe(403);
    expect(await outboxPosition()).toEqual(before.outbox);
    expect(await states('DE-HH')).toEqual(before.states);
    // The Brandenburg editor does not even see Hamburg's NON_PUBLIC record in the round's list.
    expect(Object.keys(await states('DE-HH', tokens.brandenburg)).sort()).toEqual([...hh].sort());
    expect(Object.keys(await states('DE-HH')).length).toBe(6);
  });

  it('lets the Hamburg editor confirm (bulk), update and withdraw, each counted once', async () => {
    const confirmed = await request('POST', `/api/v1/rounds/${roundId}/confirmations`, {
      token: tokens.hamburg,
      body: { recordIds: [hh[0], hh[1], hhSecret] },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ confirmed: 3, late: false });
    // An ordinary PATCH confirms as updated.
    const patched = await request('PATCH', `/api/v1/platforms/${hh[2]}`, {
      token: tokens.hamburg,
      body: { status: 'pilot' },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode).toBe(200);
    const withdrawn = await request('POST', `/api/v1/rounds/${roundId}/withdrawals`, {
      token: tokens.hamburg,
      body: { recordId: hh[3], reason: 'Portal 2026 abgeschaltet' },
      headers: { 'if-match': '"1"' },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      reason: 'Portal 2026 abgeschaltet',
    });
    expect((await request('GET', `/api/v1/platforms/${hh[3]}`)).statusCode).toBe(404);
    // A withdrawn record cannot be confirmed; nothing of the request is applied.
    const again = await request('POST', `/api/v1/rounds/${roundId}/confirmations`, {
      token: tokens.hamburg,
      body: { recordIds: [hh[4], hh[3]] },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('recordIds[1]');
    expect(await states('DE-HH')).toEqual({
      [hh[0]]: 'confirmed',
      [hh[1]]: 'confirmed',
      [hhSecret]: 'confirmed',
      [hh[2]]: 'updated',
      [hh[3]]: 'withdrawn',
      [hh[4]]: 'open',
    });
    const page = await request(
      'GET',
      `/api/v1/rounds/${roundId}/records?land=DE-HH&status=updated`,
    );
    const [item] = page.json().items;
    expect(item).toMatchObject({
      id: hh[2],
      lastConfirmedBy: 'hh-editor',
      lastConfirmedRound: roundId,
    });
    expect(Date.parse(item.lastConfirmedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('pages the round’s records', async () => {
    const first = await request('GET', `/api/v1/rounds/${roundId}/records?limit=4`, {
      token: ADMIN,
    });
    const body = first.json();
    expect(body.items).toHaveLength(4);
    expect(body.total).toBe(7);
    const second = (
      await request('GET', `/api/v1/rounds/${roundId}/records?limit=4&cursor=${body.nextCursor}`, {
        token: ADMIN,
      })
    ).json();
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    const ids = [...body.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(7);
  });

  it('takes a Land’s "nothing more to add" once, from its editor', async () => {
    const done = await request('POST', `/api/v1/rounds/${roundId}/laender/DE-HH/complete`, {
      token: tokens.hamburg,
    });
    expect(done.statusCode).toBe(200);
    const hamburg = done.json().laender.find((l: { landCode: string }) => l.landCode === 'DE-HH');
    expect(hamburg).toMatchObject({ completedBy: 'hh-editor', completedLate: false });
    const twice = await request('POST', `/api/v1/rounds/${roundId}/laender/DE-HH/complete`, {
      token: tokens.hamburg,
    });
    expect(twice.json().version).toBe(done.json().version);
    const notInRound = await request('POST', `/api/v1/rounds/${roundId}/laender/DE-BE/complete`, {
      token: ADMIN,
    });
    expect(notInRound.statusCode).toBe(404);
  });

  it('closes once, freezes each Land’s result and refuses everything afterwards', async () => {
    const created = await create('/api/v1/platforms', {
      name: 'Neues Portal Hamburg',
      landCode: 'DE-HH',
      type: 'geoportal',
      status: 'pilot',
    });
    const closed = await request('POST', `/api/v1/rounds/${roundId}/close`, { token: ADMIN });
    expect(closed.statusCode).toBe(200);
    const result = Object.fromEntries(
      (closed.json().laender as { landCode: string; result: object }[]).map((l) => [
        l.landCode,
        l.result,
      ]),
    );
    expect(result).toEqual({
      'DE-BB': { open: 1, confirmed: 0, updated: 0, withdrawn: 0, created: 0, late: 0 },
      'DE-HH': { open: 1, confirmed: 3, updated: 1, withdrawn: 1, created: 1, late: 0 },
    });
    const before = await outboxPosition();
    const refusals = [
      await request('POST', `/api/v1/rounds/${roundId}/confirmations`, {
        token: tokens.hamburg,
        body: { recordIds: [hh[4]] },
      }),
      await request('POST', `/api/v1/rounds/${roundId}/laender/DE-BB/complete`, {
        token: tokens.brandenburg,
      }),
      await request('POST', `/api/v1/rounds/${roundId}/close`, { token: ADMIN }),
      await request('POST', `/api/v1/rounds/${roundId}/reopen`, { token: ADMIN }),
      await request('POST', `/api/v1/rounds/${roundId}/withdrawals`, {
        token: tokens.hamburg,
        body: { recordId: hh[4], reason: 'zu spät' },
        headers: { 'if-match': '"1"' },
      }),
    ];
    for (const r of refusals) {
      expect(r.statusCode).toBe(409);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await outboxPosition()).toEqual(before);
    // A write after the close is a write, not a confirmation in the closed round.
    const patched = await request('PATCH', `/api/v1/platforms/${hh[4]}`, {
      token: tokens.hamburg,
      body: { status: 'pilot' },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode).toBe(200);
    expect((await states('DE-HH'))[hh[4]]).toBe('open');
    expect((await request('GET', `/api/v1/rounds/${roundId}`)).json().laender[1].result).toEqual(
      result['DE-HH'],
    );
    expect(created).toBeTruthy();
  });

  it('accepts confirmations after the deadline, before the close, marked late', async () => {
    const late = await openRound({
      title: 'Verspätete Runde',
      referenceDate: '2020-01-01',
      deadline: '2020-02-01T00:00:00Z',
      landCodes: ['DE-HH'],
    });
    const confirmed = await request('POST', `/api/v1/rounds/${late.id}/confirmations`, {
      token: tokens.hamburg,
      body: { recordIds: [hh[0]] },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      confirmed: 1,
      late: true,
      items: [{ id: hh[0], late: true }],
    });
    const done = await request('POST', `/api/v1/rounds/${late.id}/laender/DE-HH/complete`, {
      token: tokens.hamburg,
    });
    expect(done.json().laender[0].completedLate).toBe(true);
    const closed = await request('POST', `/api/v1/rounds/${late.id}/close`, { token: ADMIN });
    expect(closed.json().laender[0].result).toMatchObject({ confirmed: 1, late: 1 });
    const rounds = (await request('GET', '/api/v1/rounds?limit=1')).json();
    expect(rounds.items[0].id).toBe(late.id);
    expect(rounds.nextCursor).not.toBeNull();
  });

  it('published every change through the outbox, keyed by round and by round/record', async () => {
    await eventually(async () => expect(await registry.count('outbox')).toBe(0));
    await roundEvents.caughtUp();
    await recordEvents.caughtUp();
    const changes = roundEvents.messages
      .filter((m) => m.key === roundId)
      .map((m) => decodeMessage(SurveyRoundChangedSchema, m.value as Buffer).change);
    expect(changes).toEqual([
      SurveyRoundChange.OPENED,
      SurveyRoundChange.LAND_COMPLETED,
      SurveyRoundChange.CLOSED,
    ]);
    const all = recordEvents.messages
      .filter((m) => m.key.startsWith(`${roundId}/`))
      .map((m) => decodeMessage(RoundRecordChangedSchema, m.value as Buffer).record);
    // Every in-scope record was announced open when the round opened.
    const opened = all.filter((r) => r?.status === RoundRecordStatus.OPEN);
    expect(opened.map((r) => r?.recordId).sort()).toEqual([...hh, hhSecret, bbDataset].sort());
    const records = all.filter((r) => r?.status !== RoundRecordStatus.OPEN);
    expect(records.map((r) => `${r?.recordId}:${r?.status}`).sort()).toEqual(
      [
        `${hh[0]}:${RoundRecordStatus.CONFIRMED}`,
        `${hh[1]}:${RoundRecordStatus.CONFIRMED}`,
        `${hhSecret}:${RoundRecordStatus.CONFIRMED}`,
        `${hh[2]}:${RoundRecordStatus.UPDATED}`,
        `${hh[3]}:${RoundRecordStatus.WITHDRAWN}`,
      ].sort(),
    );
    expect(records.find((r) => r?.recordId === hh[3])?.reason).toBe('Portal 2026 abgeschaltet');
  });
});
