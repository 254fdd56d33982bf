// The browser the end-to-end tests drive: Debian's `chromium`, installed with apt-get when missing.
// playwright-core only launches it (`executablePath`); it never downloads a browser of its own.
// Part of `npm test`; alone: `node deploy/local/browser.mjs` prints the path on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log as defaultLog, ROOT } from './lib.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const APT_LOG = join(ROOT, '.infra/apt-install.log');

/** Returns the path of a Chromium, installing the Debian package `chromium` when there is none. */
export function ensureChromium({ log = defaultLog } = {}) {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist`);
  const root = typeof process.getuid !== 'function' || process.getuid() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  const install = [...sudo, 'apt-get', 'install', '-y', '--no-install-recommends', 'chromium'];
  log(`installing Chromium for the end-to-end tests (${install.join(' ')})`);
  mkdirSync(join(ROOT, '.infra'), { recursive: true });
  const apt = (args) => {
    const out = openSync(APT_LOG, 'a');
    return spawnSync(args[0], args.slice(1), {
      stdio: ['ignore', out, out],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status;
  };
  // Package lists may be missing (fresh container) or stale: update once and retry.
  if (apt(install) !== 0 && (apt([...sudo, 'apt-get', 'update']) !== 0 || apt(install) !== 0)) {
    throw new Error(
      `could not install chromium (see ${APT_LOG}); install it by hand: apt-get install chromium`,
    );
  }
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`chromium installed, but ${CHROMIUM_PATH} is missing`);
  return CHROMIUM_PATH;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureChromium({ log: (m) => process.stderr.write(`▶ ${m}\n`) }));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
