/** What the fault suite (faults.e2e-spec.ts) measures per fault, and what it must find. */

export interface HarvestFigures {
  records: number;
  /** States of the jobs it took, in order (a crashed job is failed and run again). */
  jobs: string[];
  /** Whether the job was still running when the fault struck. */
  runningAtFault: boolean;
  inRegistry: number;
  inReadModel: number;
  missingInReadModel: number;
  duplicatedInReadModel: number;
  extraInReadModel: number;
  /** From the fault to the last job's success. */
  doneMs: number;
}

export interface FaultFigures {
  fault: string;
  /** Registrations answered 201 since the suite began (lostAcknowledged checks them all). */
  acknowledged: number;
  /** This phase's registrations: answered 201, failed (not 201, or no answer), shed. */
  acknowledgedInPhase: number;
  committed: number;
  lostAcknowledged: number;
  missingInReadModel: number;
  extraInReadModel: number;
  failedWrites: number;
  shedWrites: number;
  /** From the fault until every service answered ready (the killed one restarted after PHASE_MS/2). */
  readyMs: number;
  /** From the fault until the outboxes were empty and every consumer group's lag was 0. */
  recoveryMs: number;
  /** From the end of the load (and of the harvest) until the lag was 0. */
  drainMs: number;
  harvest: HarvestFigures;
  /** Diagnosis when something is missing: how many of the missing are in the topic. */
  missingButPublished?: number;
  missingIds?: string[];
}

/** Nothing acknowledged lost, every harvested record in the read model exactly once. */
export const expectNothingLost = (harvestRecords: number, f: FaultFigures) => {
  expect(f.acknowledgedInPhase).toBeGreaterThan(0);
  expect(f.harvest.runningAtFault).toBe(true);
  expect({
    lostAcknowledged: f.lostAcknowledged,
    missingInReadModel: f.missingInReadModel,
    extraInReadModel: f.extraInReadModel,
    harvested: {
      inRegistry: f.harvest.inRegistry,
      inReadModel: f.harvest.inReadModel,
      missing: f.harvest.missingInReadModel,
      duplicated: f.harvest.duplicatedInReadModel,
      extra: f.harvest.extraInReadModel,
    },
  }).toEqual({
    lostAcknowledged: 0,
    missingInReadModel: 0,
    extraInReadModel: 0,
    harvested: {
      inRegistry: harvestRecords,
      inReadModel: harvestRecords,
      missing: 0,
      duplicated: 0,
      extra: 0,
    },
  });
};
