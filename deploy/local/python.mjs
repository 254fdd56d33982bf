// The Python tools tests run as real peers (schemathesis, pycsw, pyshacl, OWSLib), in a venv at
// .infra/venv built from deploy/local/python/requirements.txt. Part of `npm test`; alone:
// `node deploy/local/python.mjs` prints {"python": …, "bin": …} on stdout (progress on stderr).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log as defaultLog, ROOT } from './lib.mjs';

const INFRA_DIR = join(ROOT, '.infra');
export const VENV_DIR = join(INFRA_DIR, 'venv');
const REQUIREMENTS = join(ROOT, 'deploy/local/python/requirements.txt');
// Inside the venv, so a venv deleted by hand is rebuilt; written only after pip succeeded.
const STAMP = join(VENV_DIR, '.requirements-sha256');
// Outside the venv: `venv --clear` empties the venv directory.
const LOCK = join(INFRA_DIR, 'venv.lock');
const INSTALL_LOG = join(INFRA_DIR, 'venv-install.log');
const APT_LOG = join(INFRA_DIR, 'apt-install.log');
const BASE_PYTHON = 'python3';
const MIN_PYTHON = [3, 11]; // the pins in requirements.txt (numpy 2.4, …) need it

const paths = () => ({ python: join(VENV_DIR, 'bin/python'), bin: join(VENV_DIR, 'bin') });
const digest = () => createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex');
const upToDate = (sha) =>
  existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === sha && existsSync(paths().python);

/**
 * Creates or updates the venv when requirements.txt changed since the last install (sha256 in a
 * stamp file); otherwise returns at once. A change rebuilds the venv from scratch (`--clear`), so
 * packages dropped from the file do not linger. Safe to call from several processes at once.
 */
export async function ensurePythonEnv({ log = defaultLog } = {}) {
  const sha = digest();
  if (upToDate(sha)) return paths();
  mkdirSync(INFRA_DIR, { recursive: true });
  const release = await lock(log);
  try {
    if (upToDate(sha)) return paths(); // another process built it while we waited
    const started = Date.now();
    writeFileSync(INSTALL_LOG, '');
    await checkBasePython();
    log(`creating the Python venv ${VENV_DIR} (new, or requirements.txt changed)`);
    await createVenv(log);
    log('installing Python packages (pip install -r deploy/local/python/requirements.txt)');
    await exec(paths().python, [
      '-m',
      'pip',
      'install',
      '--no-input',
      '--disable-pip-version-check',
      '-r',
      REQUIREMENTS,
    ]);
    writeFileSync(STAMP, `${sha}\n`);
    log(`Python venv ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return paths();
  } finally {
    release();
  }
}

async function checkBasePython() {
  const { output } = await exec(BASE_PYTHON, [
    '-c',
    'import sys; print("%d.%d" % sys.version_info[:2])',
  ]);
  const [major, minor] = output.trim().split('.').map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new Error(
      `${BASE_PYTHON} is Python ${major}.${minor}; the venv needs ≥ ${MIN_PYTHON.join('.')}`,
    );
  }
}

async function createVenv(log) {
  const args = ['-m', 'venv', '--clear', VENV_DIR];
  const first = await exec(BASE_PYTHON, args, { check: false });
  if (first.code === 0) return;
  // Debian's python3 ships venv without ensurepip; that part is the python3-venv package.
  if (!/ensurepip is not\s+available/.test(first.output))
    throw commandError(BASE_PYTHON, args, first);
  const named = first.output.match(/apt(?:-get)? install (python3[\w.]*-venv)/)?.[1];
  const missing = await notInstalled(['python3-venv', ...(named ? [named] : [])]);
  // Nothing to install (e.g. a self-built python3 without ensurepip): nothing apt can fix.
  if (missing.length === 0) throw commandError(BASE_PYTHON, args, first);
  await aptInstall(missing, log);
  await exec(BASE_PYTHON, args);
}

/** Only packages not installed yet: apt-get install of an installed one would upgrade it. */
async function notInstalled(packages) {
  const missing = [];
  for (const name of new Set(packages)) {
    const status = await exec('dpkg-query', ['-W', '-f=${Status}', name], { check: false }).catch(
      () => null, // no dpkg: not a Debian system, nothing to install
    );
    if (status && !status.output.includes('install ok installed')) missing.push(name);
  }
  return missing;
}

/** Installs Debian packages as deploy/local/infra.sh does: as root, refreshing stale lists once. */
async function aptInstall(packages, log) {
  const hint = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${packages.join(' ')} -- install them with: sudo ${hint}`,
    );
  }
  log(`installing Debian packages: ${packages.join(' ')} (log: ${APT_LOG})`);
  writeFileSync(APT_LOG, '');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    exec('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
      env,
      check: false,
      logFile: APT_LOG,
    });
  let result = await install();
  if (
    result.code !== 0 &&
    /Unable to locate package|has no installation candidate|Failed to fetch|404/.test(result.output)
  ) {
    log('package lists look stale/missing; running apt-get update');
    await exec('apt-get', ['update'], { env, logFile: APT_LOG });
    result = await install();
  }
  if (result.code !== 0) throw commandError('apt-get', ['install', ...packages], result, APT_LOG);
}

/**
 * Runs a command, output captured (and appended to a log file); with `check` (default) a failure
 * throws an error naming the command, its exit status and the tail of its output.
 */
function exec(command, args, { env = process.env, check = true, logFile = INSTALL_LOG } = {}) {
  return new Promise((resolvePromise, reject) => {
    appendFileSync(logFile, `$ ${[command, ...args].join(' ')}\n`);
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    const collect = (chunk) => {
      chunks.push(chunk);
      appendFileSync(logFile, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) =>
      reject(new Error(`${[command, ...args].join(' ')} could not start: ${error.message}`)),
    );
    child.once('close', (code, signal) => {
      const result = { code: code ?? signal, output: Buffer.concat(chunks).toString('utf8') };
      if (check && code !== 0) reject(commandError(command, args, result, logFile));
      else resolvePromise(result);
    });
  });
}

function commandError(command, args, { code, output }, logFile = INSTALL_LOG) {
  const tail = output.trimEnd().split('\n').slice(-25).join('\n');
  return new Error(
    `${[command, ...args].join(' ')} failed (exit ${code}); last lines (full log: ${logFile}):\n${tail}`,
  );
}

/** A lock file holding the owner's pid; a lock whose owner died is taken over. */
async function lock(log, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      return () => rmSync(LOCK, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let owner;
    try {
      owner = Number(readFileSync(LOCK, 'utf8').trim());
    } catch (error) {
      if (error.code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    // An empty file is a lock being written this instant: wait for its pid.
    if (owner && !alive(owner)) {
      rmSync(LOCK, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${LOCK} held by pid ${owner} for too long`);
    if (!announced) log(`waiting for pid ${owner}, which is building the Python venv`);
    announced = true;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const env = await ensurePythonEnv({
      log: (message) => process.stderr.write(`\x1b[1m▶ ${message}\x1b[0m\n`),
    });
    process.stdout.write(`${JSON.stringify(env)}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
