// The benchmark's baseline: a bare Fastify + `pg` server that runs exactly the SQL the registry
// sends (captured from a registry process by sql-capture.cjs), on a pool of the same size, and
// answers with the same JSON. No validation framework, DI, ORM, logging or OpenAPI: what is left
// is the floor any Node HTTP service over this database has. Run as a child process by
// registry-bench.mjs; configured through the environment.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const { Pool } = require('pg');

const env = process.env;
/** { list, insert, request, limit, facetSpec, outboxTopic } */
const statements = JSON.parse(readFileSync(env.BENCH_STATEMENTS, 'utf8'));
const { readFacets } = require(env.BENCH_LIST_SPEC_JS); // the registry's own, pure function

const pool = new Pool({
  connectionString: env.DATABASE_URL,
  max: Number(env.DB_POOL_SIZE),
  options: `-c search_path=${env.DB_SCHEMA},public`,
  application_name: 'registry-bench-bare',
  connectionTimeoutMillis: 5000,
});

// --- GET: which request parameter fills which SQL parameter ($1 … $n), found by value ----------
const { request } = statements;
const requestValues = {
  landCode: request.landCode,
  q: request.q,
  west: request.bbox[0],
  south: request.bbox[1],
  east: request.bbox[2],
  north: request.bbox[3],
};
function parameterSources(values) {
  return values.map((value) => {
    const name = Object.keys(requestValues).find((k) => requestValues[k] === value);
    return name ?? { constant: value };
  });
}
const listSources = parameterSources(statements.list.values);
const { limit } = statements;

function valuesFor(sources, query) {
  const [west, south, east, north] = String(query.bbox ?? '')
    .split(',')
    .map(Number);
  const given = { landCode: query.landCode, q: query.q, west, south, east, north };
  return sources.map((s) => (typeof s === 'string' ? given[s] : s.constant));
}

/** A json item of the list statement (or a stored row, camelCased) → the registry's PlatformView. */
function view(item) {
  // eslint-disable-next-line no-unused-vars
  const { sort_value, deletedAt, ...fields } = item;
  return {
    ...fields,
    createdAt: new Date(item.createdAt).toISOString(),
    updatedAt: new Date(item.updatedAt).toISOString(),
  };
}

const camelCase = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

const cursor = (value, id) =>
  Buffer.from(JSON.stringify(['createdAt', value, id])).toString('base64url');

// --- POST: the registry's registration statement (captured text: platform, change_log and outbox
// INSERTs in one statement; parameters in that order) ---------------------------------------
const insertColumns = /"platform"\s*\(([^)]*)\)\s*VALUES/
  .exec(statements.insert.text)[1]
  .split(',')
  .map((c) => c.trim().replace(/"/g, ''));

const ENUM_FIELDS = ['landCode', 'type', 'status'];

function platformRow(body, now) {
  return {
    id: randomUUID(),
    land_code: body.landCode,
    name: body.name,
    description: body.description ?? '',
    homepage: body.homepage ?? null,
    type: body.type,
    status: body.status,
    operator_organisation_id: body.operatorOrganisationId ?? null,
    administrative_level: body.administrativeLevel ?? null,
    themes: [...(body.themes ?? [])].sort(),
    standards: [...(body.standards ?? [])].sort(),
    open_source: body.openSource ?? false,
    repository_url: body.repositoryUrl ?? null,
    components: body.components ?? [],
    reusability: body.reusability ?? 'none',
    funding: [...(body.funding ?? [])].sort(),
    access_rights: body.accessRights ?? 'PUBLIC',
    geometry: body.geometry ? JSON.stringify(body.geometry) : null,
    endpoint_ids: [],
    dataset_ids: [],
    source: 'manual',
    created_by: 'bench-bare',
    created_at: now,
    updated_at: now,
    version: 1,
    deleted_at: null,
  };
}

async function register(body) {
  const now = new Date();
  const row = platformRow(body, now);
  const changes = Object.entries(body).map(([field, value]) => ({ field, old: null, new: value }));
  const value = Buffer.from(JSON.stringify(row)); // the registry stores protobuf here
  // Named (prepared once per connection), as the registry runs it.
  await pool.query({ name: 'register', text: statements.insert.text, values: [
    ...insertColumns.map((c) => row[c]),
    'platform', row.id, 1, 'create', row.created_by, now, JSON.stringify(changes), randomUUID(),
    statements.outboxTopic,
    row.id,
    value,
    JSON.stringify({ 'dpi-occurred-at': now.toISOString(), 'dpi-entity-version': '1' }),
  ] }); // prettier-ignore
  return row;
}

// --- HTTP ---------------------------------------------------------------------------------
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });

app.get('/health/ready', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok' };
});

app.get('/api/v1/platforms', async (req, reply) => {
  const { rows } = await pool.query(statements.list.text, valuesFor(listSources, req.query));
  const items = rows[0].items.slice(0, limit).map(view);
  const last = items[items.length - 1];
  reply.header('cache-control', 'no-store');
  return {
    items,
    nextCursor: rows[0].items.length > limit && last ? cursor(last.createdAt, last.id) : null,
    ...readFacets({ facets: statements.facetSpec }, rows[0].facets ?? []),
  };
});

app.post('/api/v1/platforms', async (req, reply) => {
  const body = req.body;
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.name !== 'string' ||
    !ENUM_FIELDS.every((f) => typeof body[f] === 'string')
  ) {
    return reply.status(400).send({ title: 'name, landCode, type and status are required' });
  }
  const row = await register(body);
  reply.status(201).header('location', `/api/v1/platforms/${row.id}`).header('etag', '"1"');
  const fields = Object.fromEntries(Object.entries(row).map(([k, v]) => [camelCase(k), v]));
  return view({ ...fields, geometry: body.geometry ?? null });
});

const shutdown = () =>
  app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

app.listen({ port: Number(env.PORT), host: env.HOST ?? '127.0.0.1' }).catch((error) => {
  console.error(`bare server failed to start: ${error.message}`);
  process.exit(1);
});
