// Debian packages the tests need as real peers (chromium, prometheus), installed with apt-get when
// missing, as infra.sh does for PostgreSQL. The package lists may be missing (fresh container) or
// stale: on failure, `apt-get update` once and try again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { log as defaultLog, ROOT } from './lib.mjs';

const APT_LOG = join(ROOT, '.infra/apt-install.log');

/** Makes sure `path` exists, installing Debian package `pkg` when it does not. */
export function ensureDebianPackage(pkg, path, { log = defaultLog, purpose = '' } = {}) {
  if (existsSync(path)) return path;
  const root = typeof process.getuid !== 'function' || process.getuid() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  const install = [...sudo, 'apt-get', 'install', '-y', '--no-install-recommends', pkg];
  log(`installing ${pkg}${purpose ? ` ${purpose}` : ''} (${install.join(' ')})`);
  mkdirSync(join(ROOT, '.infra'), { recursive: true });
  const apt = (args) => {
    const out = openSync(APT_LOG, 'a');
    return spawnSync(args[0], args.slice(1), {
      stdio: ['ignore', out, out],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status;
  };
  if (apt(install) !== 0 && (apt([...sudo, 'apt-get', 'update']) !== 0 || apt(install) !== 0)) {
    throw new Error(
      `could not install ${pkg} (see ${APT_LOG}); install it by hand: apt-get install ${pkg}`,
    );
  }
  if (!existsSync(path)) throw new Error(`${pkg} installed, but ${path} is missing`);
  return path;
}
