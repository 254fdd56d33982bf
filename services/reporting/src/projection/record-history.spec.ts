import { historyUpsert } from './record-history';
import { RecordChange } from './record-change';

const at = (s: string) => new Date(`2026-12-0${s}T00:00:00Z`);
const upsert = (version: number, day: string, fields: object = {}) =>
  ({
    id: 'a',
    version,
    eventId: `e${version}`,
    updatedAt: at(day),
    kind: 'upsert',
    registeredAt: at('1'),
    landCode: 'DE-HH',
    source: 'manual',
    accessRights: 'NON_PUBLIC',
    ...fields,
  }) as RecordChange<object>;

describe('record history', () => {
  it('keeps per record the newest state, the first version and when it was first seen, withdrawn in the same batch', () => {
    const statement = historyUpsert('platform', [
      upsert(3, '3'),
      upsert(2, '2'),
      { id: 'a', version: 4, eventId: 'e4', updatedAt: at('4'), kind: 'delete' },
    ]);
    const [row] = JSON.parse(statement?.params[0] as string);
    expect(statement?.params[1]).toBe('platform');
    expect(row).toEqual({
      id: 'a',
      land_code: 'DE-HH',
      source: 'manual',
      access_rights: 'NON_PUBLIC',
      registered_at: at('1').toISOString(),
      withdrawn_at: at('4').toISOString(),
      first_version: 2,
      first_seen_at: at('2').toISOString(),
      version: 4,
    });
    // A withdrawal keeps the stored Land, source and access rights when it brings none.
    expect(statement?.sql).toContain(
      'land_code = CASE WHEN EXCLUDED.withdrawn_at IS NOT NULL THEN coalesce(EXCLUDED.land_code, record_history.land_code)',
    );
    const [alone] = JSON.parse(
      historyUpsert('platform', [
        { id: 'a', version: 5, eventId: 'e5', updatedAt: at('5'), kind: 'delete' },
      ])?.params[0] as string,
    );
    expect(alone).toMatchObject({ land_code: null, registered_at: null, first_version: 5 });
  });

  it('records registrations of the followed kinds only', () => {
    const [row] = JSON.parse(historyUpsert('dataset', [upsert(1, '1')])?.params[0] as string);
    expect(row).toMatchObject({
      land_code: 'DE-HH',
      access_rights: 'NON_PUBLIC',
      registered_at: at('1').toISOString(),
      withdrawn_at: null,
      first_version: 1,
    });
    expect(historyUpsert('organisation', [upsert(1, '1')])).toBeNull();
    expect(historyUpsert('harvestJob', [upsert(1, '1')])).toBeNull();
  });
});
