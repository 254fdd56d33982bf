import { registryAuthEnvSchema } from '@dpi/auth';
import { dbEnvSchema, outboxEnvSchema, schemaNameSchema } from '@dpi/db';
import { kafkaEnvSchema } from '@dpi/kafka';
import { baseEnvSchema, envFlag } from '@dpi/service-kit';
import { z } from 'zod';

export const harvesterEnvSchema = baseEnvSchema
  .merge(dbEnvSchema)
  .merge(outboxEnvSchema)
  .merge(kafkaEnvSchema)
  // REGISTRY_AUTH_CACHE_MS, REGISTRY_AUTH_TIMEOUT_MS: how tokens are checked at the registry.
  .merge(registryAuthEnvSchema)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3002),
    DB_SCHEMA: schemaNameSchema.default('harvester'),
    /**
     * Events per outbox batch (500 in the other services): each harvested record's event carries
     * its ISO document (~45 KB, up to 256 KiB), and a batch is held several times over while it is
     * relayed (rows read as hex, payloads, kafkajs's encoded and GZIP'd batch): 500 of them raised
     * the harvester's RSS by ~100 MB (issue 20). 100 keeps a batch at about one page of records.
     */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(100),
    /**
     * The bootstrap admin token, checked here (works without a registry). Other tokens are asked
     * of the registry at REGISTRY_URL. Neither set: every write is refused.
     */
    DPI_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /**
     * The registry, which issues the bearer tokens and tells who one is (admins and operators
     * manage sources and jobs). Unset: only DPI_ADMIN_TOKEN works.
     */
    REGISTRY_URL: z.string().url().optional(),
    /** Share of a source's records a successful full run may withdraw; above it deletes are held back. */
    HARVEST_DELETE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.2),
    /** A running job without progress (a page stored) for this long is failed by the watchdog. */
    HARVEST_STALL_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(15 * 60_000),
    /** How often the watchdog and the orphan sweep look at jobs. */
    HARVEST_WATCHDOG_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
    /** Jobs this process runs at once; more wait as `queued`. */
    HARVEST_MAX_PARALLEL_JOBS: z.coerce.number().int().min(1).max(64).default(4),
    /** Minimum time between two progress events of one job on dpi.harvest.job.v1. */
    HARVEST_PROGRESS_INTERVAL_MS: z.coerce.number().int().min(0).default(2000),
    /** Largest CSW response accepted, in bytes. */
    HARVEST_MAX_RESPONSE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(100 * 1024 * 1024),
    /**
     * V8's heap growing factor, as a percentage above the live heap (V8's --heap-growing-percent;
     * 0: V8's own choice). See memory.ts. 100 since the records carry their ISO documents (issue
     * 20): ~5 times the bytes per record made 150 reach ~345 MB in the benchmark, 100 ~318 MB.
     */
    HARVEST_HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(100),
    /** Parse the CSW responses on a worker thread (false: on the main thread). */
    HARVEST_PARSE_WORKER: envFlag.default('true'),
    /** Run the stored cron schedules (false: only manual runs, e.g. in tests). */
    HARVEST_SCHEDULER_ENABLED: envFlag.default('true'),
    /**
     * Shortest time between two scheduled runs a source may ask for (a catalogue is not harvested
     * every second); tests lower it.
     */
    HARVEST_MIN_SCHEDULE_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
    /** Time zone the cron expressions are read in. */
    HARVEST_CRON_TIMEZONE: z
      .string()
      .default('Europe/Berlin')
      .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' }),
  });
export type HarvesterEnv = z.infer<typeof harvesterEnvSchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
