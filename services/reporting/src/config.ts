import { registryAuthEnvSchema } from '@dpi/auth';
import { dbEnvSchema, schemaNameSchema } from '@dpi/db';
import { kafkaEnvSchema } from '@dpi/kafka';
import { baseEnvSchema } from '@dpi/service-kit';
import { z } from 'zod';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const reportingEnvSchema = baseEnvSchema
  .merge(dbEnvSchema)
  .merge(kafkaEnvSchema)
  // REGISTRY_AUTH_CACHE_MS, REGISTRY_AUTH_TIMEOUT_MS: how tokens are checked at the registry.
  .merge(registryAuthEnvSchema)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3003),
    DB_SCHEMA: schemaNameSchema.default('reporting'),
    /** Consumer group of the read-model projector (the topic prefix is prepended). */
    KAFKA_GROUP_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/)
      .default('dpi-reporting'),
    /** Time zone the harvester reads its cron schedules in (when is a source stale). */
    HARVEST_CRON_TIMEZONE: z
      .string()
      .default('Europe/Berlin')
      .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' }),
    /** Handlungsbedarfe are evaluated at most this long after an applied change. */
    FINDINGS_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(250),
    /**
     * The pause after an evaluation is at least this multiple of its duration, so that under a
     * stream of changes the rules take at most 1 / (1 + this) of the time (0: only the debounce).
     */
    FINDINGS_GAP_PER_RUN_TIME: z.coerce.number().min(0).max(1000).default(19),
    /** …and at least this often (time-based rules: stale harvest sources). */
    FINDINGS_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
    /** The registry, which issues the bearer tokens and tells who one is (reviewer views). */
    REGISTRY_URL: z.string().url().default('http://127.0.0.1:3001'),
    /**
     * GovData's ID of the body that publishes this catalogue (dcatde:contributorID, an IRI of
     * http://dcat-ap.de/def/contributors/…), given once it is registered with GovData; unset: none.
     */
    DCAT_CONTRIBUTOR_ID: z
      .string()
      .regex(/^https?:\/\/\S+$/, {
        message: 'must be an IRI such as http://dcat-ap.de/def/contributors/…',
      })
      .optional(),
    /** The precomputed aggregates are refreshed at most once per this gap while changes arrive… */
    AGGREGATES_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(500),
    /** …and completely at least this often (time-based: stale harvest sources; a rebuild). */
    AGGREGATES_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  });
export type ReportingEnv = z.infer<typeof reportingEnvSchema>;
