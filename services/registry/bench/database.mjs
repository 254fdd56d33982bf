// The benchmark's database side: its own schema (never the demo's) dropped, migrated with the
// registry's own migrations, loaded and VACUUM ANALYZEd (setup, not measured); EXPLAIN of the
// captured statements; the PostgreSQL backends serving a process, for their CPU time.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generateRows } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const CHUNK = 5000;

export async function connect(url, schema) {
  const client = new Client({
    connectionString: url,
    application_name: 'registry-bench',
    options: `-c search_path=${schema},public`,
  });
  await client.connect();
  return client;
}

/** Drops and re-creates the schema through the registry's migrations (dist/migrate.js). */
export async function resetSchema(root, env) {
  const client = await connect(env.DATABASE_URL, 'public');
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${env.DB_SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
  execFileSync(process.execPath, [join(root, 'services/registry/dist/migrate.js')], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
}

const PLATFORM_COLUMNS = `id uuid, land_code text, name text, description text, homepage text,
  type text, status text, administrative_level text, themes text[], standards text[],
  open_source boolean, repository_url text, components text[], reusability text, funding text[],
  access_rights text, geometry text, dataset_ids uuid[], created_by text, version integer,
  created_at timestamptz, updated_at timestamptz`;

const DATASET_COLUMNS = `id uuid, land_code text, title text, description text, publisher text,
  themes text[], keywords text[], licence text, access_rights text, accrual_periodicity text,
  issued text, modified text, bbox double precision[], geometry text,
  political_geocoding_uri text, political_geocoding_level text, conforms_to text[],
  distributions jsonb, open_data boolean, inspire boolean, hierarchy_level text, created_by text,
  version integer, created_at timestamptz, updated_at timestamptz`;

/** INSERT … SELECT FROM jsonb_to_recordset: one round trip per chunk, geometry from GeoJSON. */
function insertSql(table, columns) {
  const names = columns
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .filter(Boolean);
  const select = names.map((n) =>
    n === 'geometry' ? 'ST_SetSRID(ST_GeomFromGeoJSON(x.geometry), 4326)' : `x.${n}`,
  );
  return `INSERT INTO ${table} (${names.join(', ')}, source)
    SELECT ${select.join(', ')}, 'manual' FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`;
}

async function insertAll(client, table, columns, rows, onProgress) {
  const sql = insertSql(table, columns);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await client.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
    onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
  }
}

/** Generates and loads the rows; returns counts and timings (seconds). */
export async function loadData(env, { platforms, datasets }, log) {
  let started = Date.now();
  const { platformRows, datasetRows } = generateRows({ platforms, datasets });
  const generateSeconds = (Date.now() - started) / 1000;
  log(
    `generated ${platforms} platforms and ${datasets} datasets in ${generateSeconds.toFixed(1)} s`,
  );

  started = Date.now();
  // Two connections: dataset and platform chunks load side by side.
  const [a, b] = await Promise.all([1, 2].map(() => connect(env.DATABASE_URL, env.DB_SCHEMA)));
  try {
    const progress = (what) => (done, total) => {
      if (done % 50_000 === 0 || done === total) log(`  ${what}: ${done}/${total}`);
    };
    await Promise.all([
      insertAll(a, 'dataset', DATASET_COLUMNS, datasetRows, progress('datasets')),
      insertAll(b, 'platform', PLATFORM_COLUMNS, platformRows, progress('platforms')),
    ]);
    const loadSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    await a.query('VACUUM ANALYZE platform');
    await a.query('VACUUM ANALYZE dataset');
    const vacuumSeconds = (Date.now() - started) / 1000;
    log(`loaded in ${loadSeconds.toFixed(1)} s, VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s`);
    return { generateSeconds, loadSeconds, vacuumSeconds };
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}

/** Row counts of the loaded tables (a re-used schema is checked with this). */
export async function countRows(env) {
  const client = await connect(env.DATABASE_URL, env.DB_SCHEMA);
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM platform WHERE created_by = 'bench-loader') AS platforms,
              (SELECT count(*)::int FROM dataset) AS datasets`,
    );
    return rows[0];
  } catch {
    return { platforms: 0, datasets: 0 };
  } finally {
    await client.end();
  }
}

/** With --keep-data: removes what earlier runs' POST phases added. */
export async function removeWrites(env) {
  const client = await connect(env.DATABASE_URL, env.DB_SCHEMA);
  try {
    await client.query(`DELETE FROM platform WHERE created_by <> 'bench-loader'`);
    await client.query('TRUNCATE change_log, outbox');
    await client.query('VACUUM ANALYZE platform');
  } finally {
    await client.end();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, with its captured parameters. */
export async function explain(env, statement) {
  const client = await connect(env.DATABASE_URL, env.DB_SCHEMA);
  try {
    await client.query(statement.text, statement.values); // warm the cache like the benchmark does
    const { rows } = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
      statement.values,
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

/** Selectivity of the benchmark request's conditions, for the report. */
export async function selectivity(env, { landCode, q, bbox }) {
  const client = await connect(env.DATABASE_URL, env.DB_SCHEMA);
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS platforms,
         count(*) FILTER (WHERE land_code = $1)::int AS land,
         count(*) FILTER (WHERE search @@ websearch_to_tsquery('german', $2))::int AS text,
         count(*) FILTER (WHERE geometry && ST_MakeEnvelope($3, $4, $5, $6, 4326))::int AS bbox,
         count(*) FILTER (WHERE land_code = $1 AND search @@ websearch_to_tsquery('german', $2)
           AND geometry && ST_MakeEnvelope($3, $4, $5, $6, 4326))::int AS all_three
       FROM platform WHERE deleted_at IS NULL`,
      [landCode, q, ...bbox],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Local ports of `pid`'s TCP connections to `remotePort` (from /proc; Linux only). */
function localPortsOf(pid, remotePort) {
  let inodes;
  try {
    inodes = new Set(
      readdirSync(`/proc/${pid}/fd`)
        .map((fd) => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`);
          } catch {
            return '';
          }
        })
        .filter((link) => link.startsWith('socket:['))
        .map((link) => link.slice(8, -1)),
    );
  } catch {
    return [];
  }
  const ports = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines = [];
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const [, local, remote, , , , , , , inode] = line.trim().split(/\s+/);
      if (inodes.has(inode) && parseInt(remote.split(':').pop(), 16) === remotePort)
        ports.push(parseInt(local.split(':').pop(), 16));
    }
  }
  return ports;
}

/**
 * The PostgreSQL backend pids serving the connections of process `pid` (its pool and, for the
 * registry, its outbox relay), found through the client ports: other services on the same server
 * use the same application_name.
 */
export function backendsOf(client, url, pid) {
  const port = Number(new URL(url).port || 5432);
  return async () => {
    const ports = localPortsOf(pid, port);
    if (ports.length === 0) return [];
    const { rows } = await client.query(
      'SELECT pid FROM pg_stat_activity WHERE client_port = ANY($1::int[])',
      [ports],
    );
    return rows.map((r) => r.pid);
  };
}
