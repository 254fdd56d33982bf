import { ensureInfrastructure } from './infra';
import { newTestRunId } from './run';

/** Jest globalSetup of integration and end-to-end tests: real servers up, one run id for all workers. */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  await ensureInfrastructure();
  process.env.DPI_TEST_RUN_ID ??= newTestRunId();
}
