import { z } from 'zod';
import { baseEnvSchema, validateEnv } from './config';

describe('validateEnv', () => {
  const schema = baseEnvSchema.extend({ PORT: z.coerce.number().int().min(1).max(65535) });

  it('applies defaults and coerces', () => {
    expect(validateEnv(schema, { PORT: '3001' })).toMatchObject({
      PORT: 3001,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
    });
  });

  it('names every bad variable', () => {
    const run = () => validateEnv(schema, { PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(run).toThrow(/^invalid configuration:/);
    expect(run).toThrow(/\n {2}PORT: /);
    expect(run).toThrow(/\n {2}LOG_LEVEL: /);
  });
});
