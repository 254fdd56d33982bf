import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { SqlPart } from './statement';

/** Texts that get a name; beyond this many (statements built from varying parts) they run unnamed. */
const MAX_NAMED = 200;

/**
 * Runs statements of a hot write path as named prepared statements on the data source's pool.
 * PostgreSQL parses and plans a named statement once per connection, not on every call, and the
 * driver sends only its parameters after the first time. Measured on a registration (platform,
 * change_log and outbox INSERTs in one statement): 0.36 → 0.29 ms of PostgreSQL CPU each.
 *
 * The statement goes to the pool directly, past TypeORM's query runner (no query logging or
 * subscribers; errors are the driver's, which `isTransientDbError`/`isUniqueViolation` read alike).
 * It runs on its own, so it must be atomic by itself: one statement, no transaction around it.
 */
export class PreparedStatements {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly prefix = 'dpi',
  ) {}

  async run<R extends object = Record<string, unknown>>(statement: SqlPart): Promise<R[]> {
    const result = await this.pool().query<R>({
      name: this.nameOf(statement.text),
      text: statement.text,
      values: statement.values,
    });
    return result.rows;
  }

  /** The driver's pool, which exists once the data source is initialised. */
  private pool(): Pool {
    const master = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!master) throw new Error('PreparedStatements needs an initialised PostgreSQL data source');
    return master;
  }

  private nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < MAX_NAMED) {
      name = `${this.prefix}_${this.names.size}`;
      this.names.set(text, name);
    }
    return name;
  }
}
