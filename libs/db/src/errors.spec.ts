import { isTransientDbError, isUniqueViolation } from './errors';

describe('database error classification', () => {
  it('treats lost connections and admin shutdown as transient', () => {
    expect(
      isTransientDbError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(
      isTransientDbError(Object.assign(new Error('terminating connection'), { code: '57P01' })),
    ).toBe(true);
    expect(isTransientDbError(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isTransientDbError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('looks inside TypeORM QueryFailedError.driverError', () => {
    expect(isTransientDbError({ driverError: { code: '40P01' } })).toBe(true);
    expect(isUniqueViolation({ driverError: { code: '23505' } })).toBe(true);
  });

  it('does not retry errors caused by the data', () => {
    expect(
      isTransientDbError(Object.assign(new Error('invalid input syntax'), { code: '22P02' })),
    ).toBe(false);
    expect(isTransientDbError(new Error('unknown PlatformType 42'))).toBe(false);
    expect(isTransientDbError('string')).toBe(false);
  });
});
