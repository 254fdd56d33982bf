#!/usr/bin/env node
/*
 * Container health probe for the Node services (registry, harvester, reporting, dashboard).
 *
 *   node /app/healthcheck.cjs [path]      path defaults to /health/live
 *
 * GETs http://127.0.0.1:$PORT<path> and exits 0 on a 2xx answer, 1 otherwise (non-2xx such as the
 * 503 of /health/ready, connection refused, or no answer within 4 s). PORT falls back to the
 * service's own default (taken from DPI_SERVICE, set in the image), so the probe also works with
 * `docker run` without -e PORT. Uses only Node's built-in fetch: no curl/wget in the image.
 */
'use strict';

const DEFAULT_PORTS = { registry: 3001, harvester: 3002, reporting: 3003, dashboard: 8080 };

const path = process.argv[2] || '/health/live';
const port = process.env.PORT || DEFAULT_PORTS[process.env.DPI_SERVICE || ''];

if (!port) {
  console.error(
    `healthcheck: PORT is not set and DPI_SERVICE="${process.env.DPI_SERVICE || ''}" has no default port`,
  );
  process.exit(1);
}

const url = `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`;

fetch(url, { signal: AbortSignal.timeout(4000) }).then(
  (response) => {
    if (response.ok) process.exit(0);
    console.error(`healthcheck: ${url} answered ${response.status}`);
    process.exit(1);
  },
  (error) => {
    console.error(
      `healthcheck: ${url} failed: ${error && error.message ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
