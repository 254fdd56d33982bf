import {
  eventually,
  type GeneratedCatalogue,
  type HeldPages,
  runHarvest,
  type ServiceProcess,
} from '@dpi/testing';
import type { HarvestFigures } from './fault-figures';

export interface HarvestPhase {
  prefix: string;
  sourceId: string;
  held: HeldPages;
  runningAtFault: boolean;
}

export interface HarvestPhasesOptions {
  catalogue: GeneratedCatalogue;
  harvesters: ServiceProcess[];
  /** A query on the fault suite's PostgreSQL. */
  query: <T extends object>(sql: string, values?: unknown[]) => Promise<T[]>;
  token: string;
  land: string;
  records: number;
  pageSize: number;
  timeoutMs: number;
}

/**
 * The fault suite's harvests: each fault harvests a catalogue of its own (a fresh source and
 * prefix), held in the middle until the fault strikes; a job that did not succeed is run again.
 */
export class HarvestPhases {
  readonly phases: HarvestPhase[] = [];

  constructor(private readonly o: HarvestPhasesOptions) {}

  async latestJob(sourceId: string) {
    const [job] = await this.o.query<{ id: string; state: string; received: number }>(
      `SELECT id::text, state, received FROM harvester.harvest_job
       WHERE source_id = $1 ORDER BY queued_at DESC LIMIT 1`,
      [sourceId],
    );
    return job;
  }

  /** A new source for this fault's catalogue, its run started; the second half held back. */
  async start(fault: string): Promise<HarvestPhase> {
    const n = this.phases.length + 1;
    const prefix = `faults-${n}`;
    const held = this.o.catalogue.holdFrom(Math.floor(this.o.records / 2) + 1);
    const { sourceId } = await runHarvest(
      this.o.harvesters[0].url,
      this.o.token,
      {
        name: `Störfall-Katalog ${n} (${fault})`,
        url: this.o.catalogue.url(prefix),
        landCode: this.o.land,
        pageSize: this.o.pageSize,
      },
      { mode: 'full' },
    );
    const phase = { prefix, sourceId, held, runningAtFault: false };
    this.phases.push(phase);
    return phase;
  }

  /**
   * Waits until the source's latest job has finished; a job that did not succeed (its process
   * was killed, its database connection cut) is run again, as an operator or the schedule would.
   */
  async complete(phase: HarvestPhase): Promise<string[]> {
    const states: string[] = [];
    for (let run = 1; ; run++) {
      const job = await eventually(
        async () => {
          const found = await this.latestJob(phase.sourceId);
          if (!found || ['queued', 'running'].includes(found.state))
            throw new Error(
              `job ${found?.id} ${found?.state}, ${found?.received} records received`,
            );
          return found;
        },
        { timeoutMs: this.o.timeoutMs, intervalMs: 500 },
      );
      states.push(job.state);
      if (job.state === 'succeeded') return states;
      if (run >= 5) throw new Error(`harvest did not succeed in 5 runs: ${states.join(', ')}`);
      // Any replica may take the rerun; a source lock still held for a moment answers 409.
      await eventually(
        async () => {
          const harvester = this.o.harvesters[run % this.o.harvesters.length];
          const response = await fetch(`${harvester.url}/api/v1/sources/${phase.sourceId}/run`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${this.o.token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ mode: 'full' }),
          });
          await response.body?.cancel();
          if (response.status !== 202) throw new Error(`rerun: HTTP ${response.status}`);
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    }
  }

  /** The harvested records at the end of the chain: reporting's dataset read model. */
  async count(
    phase: HarvestPhase,
  ): Promise<Omit<HarvestFigures, 'jobs' | 'runningAtFault' | 'doneMs'>> {
    // reporting's row id is the registry dataset's id; the registry's row names the record.
    const rows = await this.o.query<{ identifier: string | null }>(
      `SELECT d.harvest_file_identifier AS identifier
       FROM reporting.dataset_item i LEFT JOIN registry.dataset d ON d.id = i.id
       WHERE i.harvest_source_id = $1 AND NOT i.deleted`,
      [phase.sourceId],
    );
    const [{ n: inRegistry }] = await this.o.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM registry.dataset
       WHERE harvest_source_id = $1 AND deleted_at IS NULL`,
      [phase.sourceId],
    );
    const expected = new Set(this.o.catalogue.identifiers(phase.prefix));
    const distinct = new Set(rows.map((r) => r.identifier));
    return {
      records: expected.size,
      inRegistry,
      inReadModel: rows.length,
      missingInReadModel: [...expected].filter((id) => !distinct.has(id)).length,
      duplicatedInReadModel: rows.length - distinct.size,
      extraInReadModel: [...distinct].filter((id) => id === null || !expected.has(id)).length,
    };
  }
}
