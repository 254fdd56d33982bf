import { RecordChange } from './record-change';
import { latestPerRecord, ReadModelColumn, versionedUpsert } from './versioned-upsert';

interface Fields {
  name: string;
}
const columns: ReadModelColumn<Fields>[] = [
  { name: 'name', type: 'text', value: (f) => f.name, whenDeleted: '' },
];
const at = new Date('2026-11-23T10:00:00Z');
const upsert = (id: string, version: number, name: string): RecordChange<Fields> => ({
  kind: 'upsert',
  id,
  version,
  eventId: `e-${id}-${version}`,
  updatedAt: at,
  name,
});

describe('versionedUpsert', () => {
  it('is nothing for an empty batch', () => {
    expect(versionedUpsert('item', columns, [])).toBeNull();
  });

  it('sends each record once, at its newest version, deletes with the filler', () => {
    const statement = versionedUpsert('item', columns, [
      upsert('a', 1, 'first'),
      upsert('a', 3, 'third'),
      upsert('a', 2, 'second'),
      { kind: 'delete', id: 'b', version: 4, eventId: 'e-b-4', updatedAt: at },
    ]);
    expect(JSON.parse(statement?.params[0] as string)).toEqual([
      {
        id: 'a',
        name: 'third',
        version: 3,
        deleted: false,
        updated_at: at.toISOString(),
        last_event_id: 'e-a-3',
      },
      {
        id: 'b',
        name: '',
        version: 4,
        deleted: true,
        updated_at: at.toISOString(),
        last_event_id: 'e-b-4',
      },
    ]);
  });

  it('keeps the last state on delete, applies only newer versions and reports the changed ids', () => {
    const sql = versionedUpsert('item', columns, [upsert('a', 1, 'x')])?.sql ?? '';
    expect(sql).toContain(
      'jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, version int, deleted boolean, updated_at timestamptz, last_event_id text)',
    );
    expect(sql).toContain(
      'name = CASE WHEN EXCLUDED.deleted THEN item.name ELSE EXCLUDED.name END',
    );
    expect(sql).toContain('WHERE item.version < EXCLUDED.version');
    expect(sql).toContain('RETURNING id');
  });

  it("converts a travelling value with the column's select expression", () => {
    const sql =
      versionedUpsert(
        'item',
        [
          ...columns,
          { name: 'geom', type: 'text', value: () => null, whenDeleted: null, select: 'f(r.geom)' },
        ],
        [upsert('a', 1, 'x')],
      )?.sql ?? '';
    expect(sql).toContain('SELECT r.id, r.name, f(r.geom), r.version');
  });
});

describe('latestPerRecord', () => {
  it('keeps the highest version per id', () => {
    expect(
      latestPerRecord([upsert('a', 2, 'x'), upsert('a', 1, 'y'), upsert('b', 1, 'z')]).map(
        (c) => c.version,
      ),
    ).toEqual([2, 1]);
  });
});
