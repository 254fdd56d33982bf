import { z, ZodTypeAny } from 'zod';

/** A boolean setting: `true`/`1` or `false`/`0`, anything else is a configuration error. */
export const envFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

/** Variables every service reads. Each service extends this with its own. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Appends the JSON log to this file instead of writing it to stdout (tests: one per test file). */
  LOG_FILE: z.string().min(1).optional(),
  /**
   * After SIGTERM/SIGINT, how long the service may take to finish what is in flight (HTTP requests,
   * the outbox relay's batch, the consumer's batch and its offsets) before it exits anyway, with
   * status 1. Keep it below the orchestrator's kill timeout (Kubernetes: 30 s by default).
   */
  /**
   * Prometheus metrics at GET /metrics (and their collection on the request path). `false` turns
   * both off: /metrics is 404 (for a deployment without a scraper, and to measure their cost).
   */
  METRICS_ENABLED: envFlag.default('true'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
});

export class ConfigValidationError extends Error {}

/**
 * Validates the environment once at start-up. The message names every offending variable, so a
 * misconfigured deployment fails fast and says what to fix.
 */
export function validateEnv<S extends ZodTypeAny>(
  schema: S,
  env: Record<string, unknown>,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new ConfigValidationError(`invalid configuration:\n${lines.join('\n')}`);
}
