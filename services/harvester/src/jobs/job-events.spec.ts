import { timestampDate } from '@bufbuild/protobuf/wkt';
import { HarvestJobChangedSchema } from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders } from '@dpi/kafka';
import { HarvestJobEntity } from './entities/harvest-job.entity';
import { jobChangedEvent, type JobSourceInfo } from './job-events';

const source: JobSourceInfo = {
  name: 'Geoportal Hamburg',
  landCode: 'DE-HH',
  incrementalSchedule: '0 * * * *',
  fullSchedule: '0 3 * * *',
};

function job(fields: Partial<HarvestJobEntity>): HarvestJobEntity {
  return Object.assign(new HarvestJobEntity(), {
    id: '6f1c1a2e-0000-4000-8000-000000000001',
    sourceId: '6f1c1a2e-0000-4000-8000-000000000002',
    mode: 'full',
    state: 'succeeded',
    matched: 10,
    received: 10,
    created: 10,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    failed: 0,
    warnings: 0,
    message: '',
    deletesHeldBack: false,
    correlationId: 'corr-1',
    queuedAt: new Date('2026-01-10T04:00:00.000Z'),
    startedAt: new Date('2026-01-10T04:00:01.000Z'),
    finishedAt: new Date('2026-01-10T05:00:00.000Z'),
    eventVersion: 3,
    ...fields,
  });
}

const decoded = (event: ReturnType<typeof jobChangedEvent>) =>
  decodeMessage(HarvestJobChangedSchema, event.value as Buffer).job;
const nextRunOf = (event: ReturnType<typeof jobChangedEvent>) => {
  const at = decoded(event)?.nextRunAt;
  return at ? timestampDate(at).toISOString() : undefined;
};

describe('jobChangedEvent', () => {
  it('is keyed by job, on the logical topic, with the envelope of the job', () => {
    const event = jobChangedEvent(job({}), source, 'Europe/Berlin');
    expect(event.topic).toBe('dpi.harvest.job.v1'); // the outbox relay adds the prefix
    expect(event.key).toBe('6f1c1a2e-0000-4000-8000-000000000001');
    expect(envelopeFromHeaders(event.headers)).toMatchObject({
      correlationId: 'corr-1',
      causationId: '6f1c1a2e-0000-4000-8000-000000000001',
      producer: 'harvester',
      schema: 'dpi.harvest.v1.HarvestJobChanged',
      entityVersion: 3,
    });
  });

  it("carries when the mode's schedule fires next after the job finished, in the schedules' zone", () => {
    const full = decoded(jobChangedEvent(job({}), source, 'Europe/Berlin'));
    expect(full?.schedule).toBe('0 3 * * *');
    // 03:00 Berlin in winter is 02:00 UTC, the day after the job finished at 05:00 UTC.
    expect(nextRunOf(jobChangedEvent(job({}), source, 'Europe/Berlin'))).toBe(
      '2026-01-11T02:00:00.000Z',
    );
    expect(nextRunOf(jobChangedEvent(job({ mode: 'incremental' }), source, 'Europe/Berlin'))).toBe(
      '2026-01-10T06:00:00.000Z',
    );
  });

  it('carries no next run while the job runs or when the mode has no schedule', () => {
    expect(
      decoded(jobChangedEvent(job({ state: 'running', finishedAt: null }), source, 'UTC'))
        ?.nextRunAt,
    ).toBeUndefined();
    expect(
      decoded(jobChangedEvent(job({}), { ...source, fullSchedule: null }, 'UTC'))?.nextRunAt,
    ).toBeUndefined();
  });
});
