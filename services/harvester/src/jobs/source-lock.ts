import { Client } from 'pg';

/**
 * "One active job per source", across processes: a PostgreSQL session advisory lock on
 * (hashtext('dpi-harvest-source:<schema>'), hashtext(<source id>)), held by a dedicated connection
 * for as long as the job runs. If the process dies, PostgreSQL ends the session and the lock is
 * free, which is also how a sweep recognises jobs left behind by a crash. The two-key form does
 * not collide with the outbox relay's one-key lock.
 */
export class SourceLock {
  private lost: ((error: Error) => void) | null = null;
  private released = false;

  private constructor(
    private readonly client: Client,
    readonly sourceId: string,
  ) {
    client.on('error', (error) => this.fail(error));
    client.on('end', () => this.fail(new Error('the connection holding the lock ended')));
  }

  /** The lock, or null when another session holds it. */
  static async tryAcquire(
    url: string,
    schema: string,
    sourceId: string,
  ): Promise<SourceLock | null> {
    const client = new Client({
      connectionString: url,
      application_name: `harvester-lock:${sourceId}`,
    });
    client.on('error', () => undefined); // until the SourceLock listens
    await client.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS ok',
        [`dpi-harvest-source:${schema}`, sourceId],
      );
      if (rows[0]?.ok) return new SourceLock(client, sourceId);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    await client.end().catch(() => undefined);
    return null;
  }

  /** Called once if the lock is lost (connection broken) before it was released. */
  onLost(callback: (error: Error) => void): void {
    this.lost = callback;
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    // Ending the session releases the lock; no explicit unlock needed.
    await this.client.end().catch(() => undefined);
  }

  private fail(error: Error): void {
    if (this.released) return;
    this.released = true;
    this.lost?.(error);
  }
}
