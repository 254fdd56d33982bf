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
    expect(statement?.params).toEqual([
      ['a', 'b'],
      ['third', ''],
      [3, 4],
      [false, true],
      [at.toISOString(), at.toISOString()],
      ['e-a-3', 'e-b-4'],
    ]);
  });

  it('keeps the last state on delete and applies only newer versions', () => {
    const sql = versionedUpsert('item', columns, [upsert('a', 1, 'x')])?.sql ?? '';
    expect(sql).toContain(
      'unnest($1::uuid[], $2::text[], $3::int[], $4::boolean[], $5::timestamptz[], $6::text[])',
    );
    expect(sql).toContain(
      'name = CASE WHEN EXCLUDED.deleted THEN item.name ELSE EXCLUDED.name END',
    );
    expect(sql).toContain('WHERE item.version < EXCLUDED.version');
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
