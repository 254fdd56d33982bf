// Which statements keep PostgreSQL busy (diagnosis, not part of any figure): samples
// pg_stat_activity every 20 ms for the given seconds and prints, per application and statement,
// the share of samples in which it was active (a statement active in every sample = 100 %; parallel
// workers count as their own backends). Run it beside a benchmark, e.g. during the burst of
// `npm run bench:reporting`:  node services/registry/bench/pg-activity.mjs 10
import { createRequire } from 'node:module';
import { infraEnv } from '../../../deploy/local/lib.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');

const seconds = Number(process.argv[2] ?? 10);
const client = new pg.Client({ connectionString: infraEnv().DATABASE_URL });
await client.connect();
const counts = new Map();
let samples = 0;
const until = Date.now() + seconds * 1000;
try {
  while (Date.now() < until) {
    const { rows } = await client.query(
      `SELECT application_name AS app, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
       FROM pg_stat_activity
       WHERE state = 'active' AND pid <> pg_backend_pid()
         AND backend_type IN ('client backend', 'parallel worker')`,
    );
    samples++;
    for (const { app, query } of rows) {
      const key = `${app.slice(0, 24).padEnd(24)} | ${query}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
} finally {
  await client.end();
}
console.log(`${samples} samples in ${seconds} s`);
for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${((100 * n) / samples).toFixed(1).padStart(6)} %  ${key}`);
