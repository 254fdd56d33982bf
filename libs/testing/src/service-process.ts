import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { currentTestLog, WORKSPACE_ROOT } from './infra';
import { eventually } from './eventually';

/**
 * Runs a built service's migrations (services/<service>/dist/migrate.js) with `env`, as a
 * deployment does before starting it; returns what it printed (it names the schema).
 */
export function migrateService(service: string, env: Record<string, string>): string {
  return execFileSync(
    process.execPath,
    [join(WORKSPACE_ROOT, 'services', service, 'dist/migrate.js')],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
}

/** How long a service may take to become ready before its test fails (a deadline, not a figure). */
export const STARTUP_DEADLINE_MS = 180_000;

/** A built service running as a real OS process, as in production. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  readonly logFile: string;

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
    readonly port: number,
    private readonly entry = join(WORKSPACE_ROOT, 'services', name, 'dist/main.js'),
  ) {
    // Under jest, the running test file's log (shared with everything it starts); in benchmarks,
    // a file per process.
    const testLog = currentTestLog();
    if (testLog) {
      this.logFile = testLog;
    } else {
      const dir = join(WORKSPACE_ROOT, '.infra/test-logs');
      mkdirSync(dir, { recursive: true });
      this.logFile = join(dir, `${name}-${port}.log`);
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Starts the process and waits until /health/ready (or only /health/live) answers 200. The
   * deadline is generous on purpose: a loaded CI machine once took over 30 s to start a registry
   * (dcat.e2e-spec, stop 27), and a process that cannot start exits, which ends the wait at once.
   */
  async start({
    timeoutMs = STARTUP_DEADLINE_MS,
    waitFor = 'ready',
  }: { timeoutMs?: number; waitFor?: 'ready' | 'live' } = {}): Promise<void> {
    // The service writes its log straight into the file, as it would to a file or journal in
    // production. Piped through this process instead, a service that logs a lot blocks on its
    // (synchronous) stdout whenever this process is busy: that measured the test runner, not the
    // service.
    const logFd = openSync(this.logFile, 'a');
    try {
      this.child = spawn(process.execPath, [this.entry], {
        env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
        stdio: ['ignore', logFd, logFd],
      });
    } finally {
      closeSync(logFd);
    }
    const child = this.child;
    let onExit: () => void = () => undefined;
    const exited = new Promise<never>((_, reject) => {
      onExit = () =>
        reject(
          new Error(
            `${this.name} exited with ${child.exitCode ?? child.signalCode}; see ${this.logFile}`,
          ),
        );
      child.once('exit', onExit);
    });
    const ready = eventually(
      async () => {
        const response = await fetch(`${this.url}/health/${waitFor}`);
        if (response.status !== 200)
          throw new Error(`${this.name} not ${waitFor}: ${response.status}`);
      },
      { timeoutMs, intervalMs: 100 },
    );
    try {
      await Promise.race([ready, exited]);
    } catch (error) {
      throw new Error(
        `${this.name} did not become ${waitFor}: ${(error as Error).message} (log: ${this.logFile})`,
      );
    } finally {
      child.off('exit', onExit);
      ready.catch(() => undefined);
      exited.catch(() => undefined);
    }
  }

  /** Waits until the running process answers /health/ready with 200 (after a fault, say). */
  async ready(timeoutMs = STARTUP_DEADLINE_MS): Promise<void> {
    await eventually(
      async () => {
        const response = await fetch(`${this.url}/health/ready`);
        await response.body?.cancel();
        if (response.status !== 200) throw new Error(`${this.name} not ready: ${response.status}`);
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** Resolves with the exit code once the process ends by itself (e.g. on invalid configuration). */
  async exited(timeoutMs = 15_000): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    if (child.exitCode !== null) return child.exitCode;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} still running after ${timeoutMs} ms`)),
        timeoutMs,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  /** The running process's id, for signals a test sends itself. */
  pid(): number {
    const pid = this.child?.pid;
    if (pid === undefined) throw new Error(`${this.name} is not running`);
    return pid;
  }

  /** SIGKILL: no shutdown hooks, no offset commits, like a crash. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}
