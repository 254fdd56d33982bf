import { dbEnvSchema, schemaNameSchema } from '@dpi/db';
import { kafkaEnvSchema } from '@dpi/kafka';
import { baseEnvSchema } from '@dpi/service-kit';
import { z } from 'zod';

export const harvesterEnvSchema = baseEnvSchema
  .merge(dbEnvSchema)
  .merge(kafkaEnvSchema)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3002),
    DB_SCHEMA: schemaNameSchema.default('harvester'),
  });
export type HarvesterEnv = z.infer<typeof harvesterEnvSchema>;
