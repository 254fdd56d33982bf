import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The dashboard server's environment, validated once at start-up. Same names and rules as the
 * NestJS services' base schema (libs/service-kit); kept here because this server is plain Fastify
 * and service-kit's entry point loads NestJS.
 */
export const dashboardEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REPORTING_URL: z
    .string()
    .url('must be an absolute http(s) URL, e.g. http://127.0.0.1:3003')
    .refine(
      (url) => !URL.canParse(url) || /^https?:$/.test(new URL(url).protocol),
      'must use http or https',
    )
    .transform((url) => url.replace(/\/+$/, ''))
    .default('http://127.0.0.1:3003'),
  /** The registry, behind /registry-api for the entry UI (/erfassung, issue 22). */
  REGISTRY_URL: z
    .string()
    .url('must be an absolute http(s) URL, e.g. http://127.0.0.1:3001')
    .refine(
      (url) => !URL.canParse(url) || /^https?:$/.test(new URL(url).protocol),
      'must use http or https',
    )
    .transform((url) => url.replace(/\/+$/, ''))
    .default('http://127.0.0.1:3001'),
  /** Directory with the built web app; defaults to dist/web beside the compiled server. */
  WEB_ROOT: z.string().min(1).optional(),
});

export interface DashboardConfig {
  port: number;
  host: string;
  logLevel: string;
  /** Base URL of the reporting service, without trailing slash. */
  reportingUrl: string;
  /** Base URL of the registry (the entry UI's writes), without trailing slash. */
  registryUrl: string;
  webRoot: string;
  /** How long /health/ready waits for reporting's /health/live. */
  readinessTimeoutMs: number;
}

export class ConfigValidationError extends Error {}

export const READINESS_TIMEOUT_MS = 1500;

export function loadConfig(env: Record<string, string | undefined>): DashboardConfig {
  const result = dashboardEnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ConfigValidationError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const parsed = result.data;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    logLevel: parsed.LOG_LEVEL,
    reportingUrl: parsed.REPORTING_URL,
    registryUrl: parsed.REGISTRY_URL,
    webRoot: parsed.WEB_ROOT ? resolve(parsed.WEB_ROOT) : join(__dirname, '../web'),
    readinessTimeoutMs: READINESS_TIMEOUT_MS,
  };
}
