import { kafkaConfig, kafkaEnvSchema } from './config';

describe('kafkaEnvSchema', () => {
  it('defaults to the local broker', () => {
    const env = kafkaEnvSchema.parse({});
    expect(kafkaConfig(env, 'test').brokers).toEqual(['127.0.0.1:59092']);
  });

  it('splits several brokers', () => {
    const env = kafkaEnvSchema.parse({ KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(kafkaConfig(env, 'test').brokers).toEqual(['a:9092', 'b:9093']);
  });

  it('explains a malformed broker list', () => {
    const result = kafkaEnvSchema.safeParse({ KAFKA_BROKERS: 'localhost' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('must be a comma-separated list of host:port');
  });
});
