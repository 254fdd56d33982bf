import { z } from 'zod';

export const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('postgres://dpi:dpi@127.0.0.1:55432/dpi')
    .refine((value) => /^postgres(ql)?:\/\//.test(value), { message: 'must be a postgres:// URL' }),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});
export type DbEnv = z.infer<typeof dbEnvSchema>;

/** Schema names are interpolated into SQL (search_path, DDL), so they are restricted to safe identifiers. */
export const schemaNameSchema = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier');

/** Settings of the outbox relay of a service that publishes through its outbox. */
export const outboxEnvSchema = z.object({
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60000).default(1000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  OUTBOX_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(5),
});
export type OutboxEnv = z.infer<typeof outboxEnvSchema>;
