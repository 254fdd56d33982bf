import type { FastifyInstance } from 'fastify';
import { buildServer } from './app';
import { loadConfig } from './config';

export { buildServer } from './app';
export { loadConfig, type DashboardConfig } from './config';

/** Time the server gets to finish open requests after SIGTERM before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let app: FastifyInstance;
  try {
    const config = loadConfig(process.env);
    app = await buildServer(config);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Config errors list every offending variable; say it on stderr, where an operator looks first.
    console.error(
      `dashboard failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (require.main === module) void main();
