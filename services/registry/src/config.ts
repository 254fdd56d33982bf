import { dbEnvSchema, outboxEnvSchema, schemaNameSchema } from '@dpi/db';
import { kafkaEnvSchema } from '@dpi/kafka';
import { baseEnvSchema } from '@dpi/service-kit';
import { z } from 'zod';

export const registryEnvSchema = baseEnvSchema
  .merge(dbEnvSchema)
  .merge(outboxEnvSchema)
  .merge(kafkaEnvSchema)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    DB_SCHEMA: schemaNameSchema.default('registry'),
    /** Bootstrap token with admin rights (tests, first setup). Unset: no admin token exists. */
    DPI_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Consumer group of the harvested-dataset consumer (the topic prefix is prepended). */
    KAFKA_GROUP_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/)
      .default('dpi-registry'),
  });
export type RegistryEnv = z.infer<typeof registryEnvSchema>;
