// One single-core measurement of the benchmark, in its own process (pinned to one CPU by the
// caller): fetches every page of the corpus from the benchmark's CSW server and times only the
// reading of the received bytes, page by page, so that one page at most is in memory.
//
//   mode raw:    TextDecoder + saxes (xmlns: true) with handlers that only count events — the floor
//                any saxes-based parser stands on (as libs/csw/bench/parse-bench.mjs);
//   mode parser: parseIsoRecords of libs/csw (dist), records counted.
//
// Each mode runs in a fresh process: saxes' hot loop is shared JIT code, and another consumer run
// first in the same process changes what V8 makes of it. Prints one JSON line.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';

const require = createRequire(import.meta.url);
const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const { parseIsoRecords } = require(join(ROOT, 'libs/csw/dist/index.js'));
const { SaxesParser } = require('saxes');

// Records [from, from + total) of the corpus (from counted from 1, a page boundary).
const [mode, url, totalArg, pageSizeArg, fromArg = '1'] = process.argv.slice(2);
const total = Number(totalArg);
const pageSize = Number(pageSizeArg);
const from = Number(fromArg);
const CHUNK = 64 * 1024; // what a socket typically hands over

async function fetchPage(start) {
  const u = new URL(url);
  u.search = new URLSearchParams({
    service: 'CSW',
    version: '2.0.2',
    request: 'GetRecords',
    resultType: 'results',
    typeNames: 'gmd:MD_Metadata',
    outputSchema: 'http://www.isotc211.org/2005/gmd',
    elementSetName: 'full',
    startPosition: String(start),
    maxRecords: String(pageSize),
  }).toString();
  const response = await fetch(u);
  if (!response.ok) throw new Error(`page ${start}: HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  // The same chunking for both modes, whatever the socket delivered.
  const chunks = [];
  for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, i + CHUNK));
  return { bytes: bytes.length, chunks };
}

function raw(page) {
  let events = 0;
  const decoder = new TextDecoder('utf-8');
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', () => events++);
  parser.on('closetag', () => events++);
  parser.on('text', () => events++);
  for (const c of page.chunks) parser.write(decoder.decode(c, { stream: true }));
  parser.close();
  return { events, records: 0, errors: 0 };
}

async function parser(page) {
  let records = 0;
  let errors = 0;
  await parseIsoRecords(page.chunks, (r) => {
    records++;
    if (r.issues.some((i) => i.severity === 'error')) errors++;
  });
  return { events: 0, records, errors };
}

const measure = mode === 'raw' ? raw : parser;
// Warm-up (JIT), not timed: the first page three times.
const first = await fetchPage(from);
for (let i = 0; i < 3; i++) await measure(first);

let seconds = 0;
let cpuMicros = 0;
let bytes = 0;
const out = { events: 0, records: 0, errors: 0 };
for (let start = from; start < from + total; start += pageSize) {
  const page = await fetchPage(start);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = await measure(page);
  seconds += Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  cpuMicros += cpu.user + cpu.system;
  bytes += page.bytes;
  out.events += r.events;
  out.records += r.records;
  out.errors += r.errors;
}
if (mode !== 'raw' && out.records !== total) {
  throw new Error(`parser delivered ${out.records} records of ${total}`);
}
process.stdout.write(
  JSON.stringify({
    mode,
    ...out,
    records: total,
    parsed: out.records,
    bytes,
    seconds,
    cpuSeconds: cpuMicros / 1e6,
  }) + '\n',
);
