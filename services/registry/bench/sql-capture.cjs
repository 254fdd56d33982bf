// Preloaded (NODE_OPTIONS=--require) into ONE registry process that only serves the capture
// requests, never into a measured one: appends the text and parameters of every statement the
// registry sends through `pg` to BENCH_SQL_CAPTURE_FILE (NDJSON), so the bare baseline runs
// exactly the registry's SQL.
'use strict';
const { appendFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.BENCH_SQL_CAPTURE_FILE;
const original = pg.Client.prototype.query;

pg.Client.prototype.query = function capturedQuery(config, values, callback) {
  const text = typeof config === 'string' ? config : config && config.text;
  const params = Array.isArray(values) ? values : (config && config.values) || [];
  if (file && text) {
    appendFileSync(file, `${JSON.stringify({ at: Date.now(), text, values: params })}\n`);
  }
  return original.apply(this, arguments);
};
