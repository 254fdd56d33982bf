import { oneStatement } from './statement';

describe('oneStatement', () => {
  it('turns all parts but the last into CTEs and renumbers their parameters', () => {
    const statement = oneStatement([
      { text: 'INSERT INTO a (x, y) VALUES ($1, $2)', values: [1, 2] },
      { text: 'INSERT INTO b (z) VALUES ($1::jsonb)', values: ['{}'] },
      { text: 'INSERT INTO c (u, v) VALUES ($1, $2), ($3, $4)', values: ['u1', 'v1', 'u2', 'v2'] },
    ]);
    expect(statement.text).toBe(
      'WITH w0 AS (INSERT INTO a (x, y) VALUES ($1, $2)), w1 AS (INSERT INTO b (z) VALUES ($3::jsonb)) ' +
        'INSERT INTO c (u, v) VALUES ($4, $5), ($6, $7)',
    );
    expect(statement.values).toEqual([1, 2, '{}', 'u1', 'v1', 'u2', 'v2']);
  });

  it('renumbers two-digit parameters as numbers, not digit by digit', () => {
    const many = Array.from({ length: 11 }, (_, i) => `$${i + 1}`).join(', ');
    const statement = oneStatement([
      { text: 'INSERT INTO a VALUES ($1)', values: [0] },
      { text: `INSERT INTO b VALUES (${many})`, values: Array.from({ length: 11 }, (_, i) => i) },
    ]);
    expect(statement.text).toContain('($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)');
  });

  it('leaves out empty parts (no events) and keeps a single part as it is', () => {
    expect(
      oneStatement([
        { text: 'INSERT INTO a VALUES ($1)', values: [1] },
        { text: '', values: [] },
      ]),
    ).toEqual({ text: 'INSERT INTO a VALUES ($1)', values: [1] });
    expect(() => oneStatement([])).toThrow('at least one part');
  });
});
