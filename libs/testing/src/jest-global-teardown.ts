import { dropTestRun } from './run';

export default async function globalTeardown(): Promise<void> {
  const run = process.env.DPI_TEST_RUN_ID;
  if (run && !process.env.DPI_TEST_KEEP) await dropTestRun(run);
}
