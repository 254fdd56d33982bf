// Vegeta (github.com/tsenart/vegeta), the constant-rate HTTP load generator the benchmarks use for
// fixed-rate runs: it sends at evenly spaced instants whatever the answers do (open loop), where
// autocannon's `overallRate` sends each second's quota in a burst at the start of the second and
// so measures queueing behind its own bursts. Built from the Go module proxy into .infra/bin.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { log, ROOT } from './lib.mjs';

const MODULE = 'github.com/tsenart/vegeta/v12@v12.12.0';
const BIN_DIR = join(ROOT, '.infra/bin');
export const VEGETA = join(BIN_DIR, 'vegeta');

function goBinary() {
  for (const candidate of ['go', '/usr/local/go/bin/go', '/usr/lib/go/bin/go']) {
    if (spawnSync(candidate, ['version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('vegeta: no Go toolchain found (install Go to build the load generator)');
}

/** Path of the vegeta binary, built on first use (about 10 s). */
export function ensureVegeta() {
  if (existsSync(VEGETA)) return VEGETA;
  log(`building the load generator: go install ${MODULE}`);
  mkdirSync(BIN_DIR, { recursive: true });
  const result = spawnSync(goBinary(), ['install', MODULE], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: BIN_DIR, CGO_ENABLED: '0' },
  });
  if (result.status !== 0 || !existsSync(VEGETA)) throw new Error(`go install ${MODULE} failed`);
  return VEGETA;
}
