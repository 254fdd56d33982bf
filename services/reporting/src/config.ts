import { dbEnvSchema, schemaNameSchema } from '@dpi/db';
import { kafkaEnvSchema } from '@dpi/kafka';
import { baseEnvSchema } from '@dpi/service-kit';
import { z } from 'zod';

export const reportingEnvSchema = baseEnvSchema
  .merge(dbEnvSchema)
  .merge(kafkaEnvSchema)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3003),
    DB_SCHEMA: schemaNameSchema.default('reporting'),
    /** Consumer group of the read-model projector (the topic prefix is prepended). */
    KAFKA_GROUP_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/)
      .default('dpi-reporting'),
  });
export type ReportingEnv = z.infer<typeof reportingEnvSchema>;
