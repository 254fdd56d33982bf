// The browser the end-to-end tests drive: Debian's `chromium`, installed with apt-get when missing.
// playwright-core only launches it (`executablePath`); it never downloads a browser of its own.
// Part of `npm test`; alone: `node deploy/local/browser.mjs` prints the path on stdout.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackage } from './debian.mjs';
import { log as defaultLog } from './lib.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Returns the path of a Chromium, installing the Debian package `chromium` when there is none. */
export function ensureChromium({ log = defaultLog } = {}) {
  if (process.env.CHROMIUM_PATH && !existsSync(CHROMIUM_PATH)) {
    throw new Error(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist`);
  }
  return ensureDebianPackage('chromium', CHROMIUM_PATH, {
    log,
    purpose: 'for the end-to-end tests',
  });
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureChromium({ log: (m) => process.stderr.write(`▶ ${m}\n`) }));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
