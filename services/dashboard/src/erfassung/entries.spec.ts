import {
  actionsFor,
  applyConfirmations,
  confirmationBatches,
  countStates,
  currentRound,
  joinEntries,
  visibleEntries,
  type Principal,
  type RecordSummary,
  type Round,
  type RoundRecord,
} from './entries';

const hamburg: Principal = { name: 'editor-hh', role: 'land-editor', landCode: 'DE-HH' };
const round: Round = {
  id: 'r1',
  title: 'Erhebungsrunde 2027',
  referenceDate: '2027-03-31',
  deadline: '2027-04-30T22:00:00.000Z',
  kinds: ['platform', 'digital-twin', 'dataset', 'endpoint'],
  state: 'open',
  laender: [{ landCode: 'DE-HH', completedAt: null, completedBy: null }],
};
const rec = (id: string, extra: Partial<RecordSummary> = {}): RecordSummary => ({
  id,
  kind: 'platform',
  title: `Plattform ${id}`,
  landCode: 'DE-HH',
  version: 1,
  ...extra,
});
const inRound = (id: string, status: string, extra: Partial<RoundRecord> = {}): RoundRecord => ({
  id,
  kind: 'platform',
  landCode: 'DE-HH',
  status,
  late: false,
  actedBy: null,
  actedAt: null,
  reason: null,
  ...extra,
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing in the fixture');
  return value;
}

describe('entry list state', () => {
  const entries = joinEntries(
    [
      rec('a'),
      rec('b', { accessRights: 'NON_PUBLIC' }),
      rec('c'),
      rec('n'),
      // A list that (wrongly) returned another Land's record: never shown.
      rec('bb', { landCode: 'DE-BB' }),
    ],
    [
      inRound('a', 'open'),
      inRound('b', 'confirmed'),
      inRound('c', 'updated'),
      inRound('w', 'withdrawn', { reason: 'abgeschaltet' }),
      inRound('x', 'withdrawn', { landCode: 'DE-BB' }),
    ],
    'DE-HH',
    round,
  );

  it('joins records with their round state; new ones are "new"; withdrawn ones come from the round', () => {
    expect(entries.map((e) => [e.id, e.state])).toEqual([
      ['a', 'open'],
      ['b', 'confirmed'],
      ['c', 'updated'],
      ['n', 'new'],
      ['w', 'withdrawn'],
    ]);
    expect(entries.find((e) => e.id === 'b')?.nonPublic).toBe(true);
    expect(entries.find((e) => e.id === 'w')?.reason).toBe('abgeschaltet');
    expect(countStates(entries)).toMatchObject({
      open: 1,
      confirmed: 1,
      updated: 1,
      new: 1,
      withdrawn: 1,
    });
  });

  it("knows twins by the round's kind name (digital-twin), also when withdrawn", () => {
    const twins = joinEntries(
      [rec('t', { kind: 'twin' })],
      [
        inRound('t', 'open', { kind: 'digital-twin' }),
        inRound('u', 'withdrawn', { kind: 'digital-twin' }),
        inRound('o', 'withdrawn', { kind: 'organisation' }),
        inRound('x', 'withdrawn', { kind: 'harvest-source' }),
      ],
      'DE-HH',
      round,
    );
    expect(twins.map((e) => [e.id, e.kind, e.state])).toEqual([
      ['t', 'twin', 'open'],
      ['u', 'twin', 'withdrawn'],
      ['o', 'organisation', 'withdrawn'],
    ]);
    expect(actionsFor(twins[0], hamburg, round).confirm).toBe(true);
    const platformsOnly = { ...round, kinds: ['platform'] };
    expect(actionsFor(twins[0], hamburg, platformsOnly).confirm).toBe(false);
  });

  it('without an open round every entry is "none" and only editing is offered', () => {
    const [entry] = joinEntries([rec('a')], [], 'DE-HH', undefined);
    expect(entry.state).toBe('none');
    expect(actionsFor(entry, hamburg, undefined)).toEqual({
      confirm: false,
      edit: true,
      withdraw: false,
    });
  });

  it('offers confirm on open entries, withdraw on round entries, nothing on withdrawn ones', () => {
    const by = (id: string) => actionsFor(must(entries.find((e) => e.id === id)), hamburg, round);
    expect(by('a')).toEqual({ confirm: true, edit: true, withdraw: true });
    expect(by('b')).toEqual({ confirm: false, edit: true, withdraw: true });
    expect(by('n')).toEqual({ confirm: false, edit: true, withdraw: false });
    expect(by('w')).toEqual({ confirm: false, edit: false, withdraw: false });
  });

  it("offers nothing on another Land's entry, nor to a reviewer", () => {
    const brandenburg: Principal = { name: 'editor-bb', role: 'land-editor', landCode: 'DE-BB' };
    const entry = must(entries.find((e) => e.id === 'a'));
    expect(actionsFor(entry, brandenburg, round)).toEqual({
      confirm: false,
      edit: false,
      withdraw: false,
    });
    expect(actionsFor(entry, { name: 'ag', role: 'reviewer', landCode: null }, round)).toEqual({
      confirm: false,
      edit: false,
      withdraw: false,
    });
  });

  it('confirms only selected open entries, in batches the registry takes', () => {
    const many = joinEntries(
      Array.from({ length: 2500 }, (_, i) => rec(`p${i}`)),
      Array.from({ length: 2500 }, (_, i) => inRound(`p${i}`, i === 0 ? 'confirmed' : 'open')),
      'DE-HH',
      round,
    );
    const selected = new Set([...many.map((e) => e.id), 'a-foreign-id']);
    const batches = confirmationBatches(many, selected, hamburg, round);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 499]);
    expect(batches.flat()).not.toContain('p0');
  });

  it("applies a confirmation's answer to the list without reloading it", () => {
    const after = applyConfirmations(entries, [
      {
        id: 'a',
        status: 'confirmed',
        late: true,
        actedBy: 'editor-hh',
        actedAt: '2027-05-01T00:00:00Z',
      },
      { id: 'not-listed', status: 'confirmed', late: false, actedBy: null, actedAt: null },
    ]);
    expect(after.find((e) => e.id === 'a')).toMatchObject({
      state: 'confirmed',
      late: true,
      actedBy: 'editor-hh',
    });
    expect(after.filter((e) => e.id !== 'a')).toEqual(entries.filter((e) => e.id !== 'a'));
    expect(after).toHaveLength(entries.length);
  });

  it('picks the newest open round of the Land', () => {
    const closed: Round = { ...round, id: 'r0', state: 'closed' };
    const other: Round = {
      ...round,
      id: 'r2',
      laender: [{ landCode: 'DE-BY', completedAt: null, completedBy: null }],
    };
    expect(currentRound([other, round, closed], 'DE-HH')?.id).toBe('r1');
    expect(currentRound([closed], 'DE-HH')).toBeUndefined();
  });

  it('filters by kind and state and sorts by kind, then title', () => {
    const mixed = joinEntries(
      [
        rec('z', { kind: 'dataset', title: 'A' }),
        rec('y', { title: 'B' }),
        rec('x', { title: 'A' }),
      ],
      [],
      'DE-HH',
      round,
    );
    expect(visibleEntries(mixed, { kind: '', state: '' }).map((e) => e.id)).toEqual([
      'x',
      'y',
      'z',
    ]);
    expect(visibleEntries(mixed, { kind: 'dataset', state: 'new' }).map((e) => e.id)).toEqual([
      'z',
    ]);
  });
});
