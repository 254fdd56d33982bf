import { parseSearch, searchConditionSql } from './search-query';

describe('parseSearch', () => {
  it('searches the last plain word as a prefix', () => {
    expect(parseSearch(' Amtliche Bebauungspl ')).toEqual({
      words: 'Amtliche',
      prefix: 'Bebauungspl',
      identifier: 'amtliche bebauungspl',
      uuid: null,
    });
    expect(parseSearch('Gewässe').prefix).toBe('Gewässe');
  });

  it('keeps web-search meaning for phrases, negations and "or"', () => {
    expect(parseSearch('"Bebauungsplan Mitte"').prefix).toBeNull();
    expect(parseSearch('Hochwasser -Küste').prefix).toBeNull();
    expect(parseSearch('Hochwasser or Starkregen').prefix).toBeNull();
    expect(parseSearch('metadata-NPWHV13747')).toMatchObject({
      words: 'metadata-NPWHV13747',
      prefix: null,
      identifier: 'metadata-npwhv13747',
    });
  });

  it('recognises a UUID', () => {
    expect(parseSearch('8F1E8C4A-1B2C-4D3E-8F90-A1B2C3D4E5F6').uuid).toBe(
      '8f1e8c4a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
    );
  });
});

describe('searchConditionSql', () => {
  const bind = () => {
    const values: unknown[] = [];
    return { values, param: (v: unknown) => (values.push(v), `$${values.length}`) };
  };

  it('ORs the full text, the identifiers and the id', () => {
    const { values, param } = bind();
    const sql = searchConditionSql(
      parseSearch('5b0e1a52-3c2d-4e5f-8a9b-0c1d2e3f4a5b'),
      { vector: 'r.search', id: 'r.id', identifiers: ['r.file_identifier'] },
      param,
    );
    expect(sql).toBe(
      "(r.search @@ websearch_to_tsquery('german', $1) OR lower(r.file_identifier) = $2 OR r.id = $3::uuid)",
    );
    expect(values[1]).toBe('5b0e1a52-3c2d-4e5f-8a9b-0c1d2e3f4a5b');
  });

  it('adds the prefix to the other words', () => {
    const { values, param } = bind();
    expect(
      searchConditionSql(
        parseSearch('Bebauungspl'),
        { vector: 'search', id: 'id', identifiers: [] },
        param,
      ),
    ).toBe("(search @@ (websearch_to_tsquery('german', $1) && to_tsquery('german', $2)))");
    expect(values).toEqual(['', 'Bebauungspl:*']);
  });
});
