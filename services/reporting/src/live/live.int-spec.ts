import { eventually } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';
import { readEvents, type SseEvent } from './sse.test-helper';

describe('reporting live updates: GET /api/v1/events (real PostgreSQL and Kafka)', () => {
  let r: ReportingUnderTest;
  let base: string;

  beforeAll(async () => {
    // Findings follow each change within the debounce (not after 19 times the last evaluation).
    r = await startReporting('live', {
      FINDINGS_DEBOUNCE_MS: '50',
      FINDINGS_GAP_PER_RUN_TIME: '0',
    });
    base = await r.serve();
  });
  afterAll(async () => r?.close());

  // How fast (the goal: within a second) is for `npm run bench:reporting`, not for a test: a
  // wall-clock bound here fails by the machine's load, not by the code.
  it('streams an applied change, then the findings it caused', async () => {
    const abort = new AbortController();
    const events: SseEvent[] = [];
    try {
      const response = await readEvents(`${base}/api/v1/events`, abort.signal, events);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const id = randomUUID();
      await r.producer.send([r.events.twin(id, 1, { landCode: 'DE-NW', formats: [] })]);
      const changed = await eventually(() => {
        const event = events.find(
          (e) => e.event === 'changed' && (e.data.ids as string[]).includes(id),
        );
        expect(event).toBeDefined();
        return event as SseEvent;
      });
      expect(changed.data.model).toBe('twin');
      await eventually(() => expect(events.some((e) => e.event === 'findings')).toBe(true));
    } finally {
      abort.abort();
    }
  });
});
