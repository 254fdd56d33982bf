// The benchmark's CSW 2.0.2 endpoint, run as its own process: GetRecords (POST XML or GET KVP)
// over a generated corpus of BENCH_RECORDS records (corpus.mjs), `hits` and `results`,
// startPosition/maxRecords honoured, numberOfRecordsMatched/nextRecord as CSW has them, records in
// identifier order. Each response is streamed record by record with backpressure: the process holds
// the templates and one record's buffers, never a page and never the corpus.
//
//   BENCH_RECORDS=100000 PORT=0 node services/harvester/bench/csw-server.mjs
//
// Prints `listening <port>` on stdout. GET /stats: requests, bytes, time of the first request;
// POST /stats/reset starts counting afresh.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplates, responseParts } from './corpus.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const { parseCswRequest } = require(
  join(ROOT, 'services/harvester/dist/demo/fixture-catalogue.js'),
);
const { streamParts } = require(join(ROOT, 'libs/testing/dist/generated-catalogue.js'));

const total = Number(process.env.BENCH_RECORDS ?? 100_000);
const templates = loadTemplates();
const stats = { requests: 0, hits: 0, bytes: 0, firstRequestAt: null, lastResponseAt: null };

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The parts as they go out, counted. */
function* counted(parts) {
  for (const part of parts) {
    stats.bytes += part.length;
    yield part;
  }
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/stats/reset' && req.method === 'POST') {
      // Before the end-to-end run: the parse measurements fetched the corpus from here too.
      Object.assign(stats, {
        requests: 0,
        hits: 0,
        bytes: 0,
        firstRequestAt: null,
        lastResponseAt: null,
      });
      res.end();
      return;
    }
    if (url.pathname === '/stats') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ...stats, total, templates: templates.length }));
      return;
    }
    if (!url.pathname.endsWith('/csw')) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    stats.firstRequestAt ??= Date.now();
    stats.requests++;
    const request = parseCswRequest(req.method ?? 'GET', url, await readBody(req));
    const hits = request.resultType === 'hits';
    if (hits) stats.hits++;
    res.setHeader('content-type', 'application/xml; charset=UTF-8');
    await streamParts(
      res,
      counted(responseParts(templates, { total, start: request.start, max: request.max, hits })),
    );
    stats.lastResponseAt = Date.now();
  } catch (error) {
    if (!res.headersSent) res.statusCode = 500;
    res.end();
    if (!/client went away/.test(error.message)) console.error(`csw-server: ${error.stack}`);
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
