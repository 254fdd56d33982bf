import { TOPICS } from '@dpi/contracts';
import { prefixedTopic } from '@dpi/kafka';
import {
  createTestNamespace,
  databaseUrl,
  eventually,
  freePort,
  KafkaProbe,
  ServiceProcess,
  TestNamespace,
  migrateService,
} from '@dpi/testing';
import { Client } from 'pg';

const ADMIN_TOKEN = 'shutdown-e2e-admin-token-0123456789';
const GRACE_MS = 10_000;
/** Concurrent writers: enough to keep requests in flight at every moment. */
const WRITERS = 32;
/** Registrations acknowledged before the signal: the registry is under load, not warming up. */
const BEFORE_SIGNAL = 300;

/**
 * Issue 19: SIGTERM under load. While 32 writers keep registering platforms, the registry gets
 * SIGTERM: its readiness turns 503 at once, it stops taking new work, finishes what is in flight
 * (requests, the outbox relay's batch) and exits within SHUTDOWN_GRACE_MS. Nothing acknowledged is
 * lost: every 201 is in the database, and once a registry runs again every one of them reaches
 * Kafka.
 */
describe('shutdown: SIGTERM under load (issue 19)', () => {
  let ns: TestNamespace;
  let registry: ServiceProcess;
  let probe: KafkaProbe;

  const env = () =>
    ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, SHUTDOWN_GRACE_MS: String(GRACE_MS) });

  beforeAll(async () => {
    ns = await createTestNamespace('shutdown');
    migrateService('registry', env());
    registry = new ServiceProcess('registry', env(), await freePort());
    await registry.start();
    probe = await new KafkaProbe(prefixedTopic(TOPICS.registryPlatform, ns.topicPrefix)).start();
  });

  afterAll(async () => {
    await registry?.stop();
    await probe?.stop();
  });

  it('turns not-ready at once, finishes in-flight work, exits in time and loses nothing', async () => {
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let stop = false;
    let signalled = false;
    let acknowledgedAfterSignal = 0;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${registry.url}/api/v1/platforms`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${ADMIN_TOKEN}`,
            },
            body: JSON.stringify({
              name: `Plattform ${w}-${i}`,
              landCode: 'DE-BE',
              type: 'geoportal',
              status: 'production',
            }),
          });
          if (response.status === 201) {
            acknowledged.push(((await response.json()) as { id: string }).id);
            if (signalled) acknowledgedAfterSignal++;
          } else {
            refused.push(response.status);
            await response.body?.cancel();
          }
        } catch {
          // Connection refused or reset: the server has closed its listener.
          if (signalled) return;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await eventually(() => expect(acknowledged.length).toBeGreaterThanOrEqual(BEFORE_SIGNAL), {
      timeoutMs: 120_000,
      intervalMs: 20,
    });

    const exited = registry.exited(GRACE_MS + 5_000);
    const signalledAt = Date.now();
    signalled = true;
    process.kill(registry.pid(), 'SIGTERM');
    // Not ready from the signal on (or no longer listening at all).
    const readiness = await fetch(`${registry.url}/health/ready`).then(
      (r) => r.status,
      () => 'closed' as const,
    );
    expect([503, 'closed']).toContain(readiness);

    const code = await exited;
    const tookMs = Date.now() - signalledAt;
    stop = true;
    await Promise.all(writers);
    // Exited by itself within the grace period, not by the grace timer (status 1).
    expect(code).not.toBe(1);
    expect(tookMs).toBeLessThan(GRACE_MS);
    // Requests that arrived while closing were refused (503), never half-done (no other status).
    expect(refused.filter((status) => status !== 503)).toEqual([]);

    // Nothing acknowledged is lost: every 201 is stored …
    const db = new Client({ connectionString: databaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM "${ns.schema('registry')}".platform WHERE id = ANY($1::uuid[])`,
        [acknowledged],
      );
      expect(rows).toHaveLength(acknowledged.length);
    } finally {
      await db.end();
    }
    // … and reaches Kafka, at the latest from the next registry's relay (what the stopping one
    // had not published stays in the outbox).
    registry = new ServiceProcess('registry', env(), await freePort());
    await registry.start();
    await eventually(
      async () => {
        const published = new Set(probe.messages.map((m) => m.key));
        expect(acknowledged.filter((id) => !published.has(id))).toEqual([]);
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    // Tracing is off by default: no event carries a trace context.
    expect(probe.messages.filter((m) => 'traceparent' in m.headers)).toEqual([]);
    console.log(
      `shutdown under load: ${acknowledged.length} acknowledged (${acknowledgedAfterSignal} after the signal), ` +
        `${refused.length} refused with 503, exit ${code} after ${tookMs} ms`,
    );
  });
});
