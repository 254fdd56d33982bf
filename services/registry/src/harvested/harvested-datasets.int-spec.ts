import {
  ChangeKind,
  DatasetChangedSchema,
  DigitalTwinChangedSchema,
  PlatformChangedSchema,
  TOPICS,
} from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders, prefixedTopic } from '@dpi/kafka';
import {
  consumerGroupCaughtUp,
  eventually,
  freePort,
  KafkaProbe,
  ServiceProcess,
  migrateService,
} from '@dpi/testing';
import { Client } from 'pg';
import { registryEnvSchema } from '../config';
import {
  ADMIN_TOKEN,
  JOB,
  record,
  SOURCE,
  useHarvestedDatasets,
} from './harvested-datasets.test-helper';

describe('registry: harvested datasets from dpi.harvest.record.v1 (real PostgreSQL and Kafka)', () => {
  // The registry, the producer of harvest records, the dataset events' probe, the records and
  // the shared helpers: harvested-datasets.test-helper.ts.
  const h = useHarvestedDatasets();
  const { send, harvested, liveId, hamburgEditor, created, platform } = h;

  it('creates datasets once, idempotently, and keeps what is valid of each record', async () => {
    const registry = h.registry();
    const batch = ['de.dwd.geoserver.fach.RADOLAN-W4', 'a/b/with-slashes', 'plain-uuid-like'];
    await send(batch.map((f) => ({ fileIdentifier: f, value: record(f) })));
    await eventually(
      async () => {
        if ((await harvested()).length !== 3) throw new Error('not yet applied');
      },
      { timeoutMs: 20_000 },
    );
    // The same records again (a redelivery or an unchanged re-harvest) change nothing.
    await send(batch.map((f) => ({ fileIdentifier: f, value: record(f) })));
    await consumerGroupCaughtUp(
      `${registry.ns.topicPrefix}${registryEnvSchema.parse(process.env).KAFKA_GROUP_ID}`,
      [h.topic()],
    );
    expect((await harvested()).map((r) => r.version)).toEqual([1, 1, 1]);

    const row = (await harvested()).find((r) => r.file === 'de.dwd.geoserver.fach.RADOLAN-W4');
    if (!row) throw new Error('RADOLAN-W4 missing');
    const dataset = (await registry.request('GET', `/api/v1/datasets/${row.id}`)).json();
    expect(dataset).toMatchObject({
      landCode: null,
      source: 'harvested',
      themes: ['TRAN'],
      licence: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
      bbox: [9.7, 53.3, 10.3, 53.7],
      contactEmail: 'info@gv.hamburg.de',
      distributions: [
        expect.objectContaining({ format: 'WMS', accessUrl: 'https://geodienste.hamburg.de/wms' }),
      ],
      provenance: {
        harvestSourceId: SOURCE,
        harvestSourceName: 'GDI-DE Geodatenkatalog',
        fileIdentifier: 'de.dwd.geoserver.fach.RADOLAN-W4',
        jobId: JOB,
        checksum: 'sha-de.dwd.geoserver.fach.RADOLAN-W4-1',
        harvestedAt: expect.any(String),
      },
    });
    const published = await eventually(() => {
      const found = h.datasetEvents().messages.find((m) => m.key === row.id);
      if (!found) throw new Error('not yet published');
      return found;
    });
    expect(
      decodeMessage(DatasetChangedSchema, published.value as Buffer).dataset?.provenance
        ?.fileIdentifier,
    ).toBe('de.dwd.geoserver.fach.RADOLAN-W4');
  });

  it('updates on a new checksum, withdraws on a tombstone, and keeps editors out', async () => {
    const registry = h.registry();
    await send([
      {
        fileIdentifier: 'a/b/with-slashes',
        value: record('a/b/with-slashes', { checksum: 'sha-2', title: 'Neu', landCode: 'DE-HH' }),
      },
      { fileIdentifier: 'plain-uuid-like', value: null },
    ]);
    await eventually(
      async () => {
        const rows = await harvested();
        const updated = rows.find((r) => r.file === 'a/b/with-slashes');
        const withdrawn = rows.find((r) => r.file === 'plain-uuid-like');
        if (updated?.version !== 2 || !withdrawn?.withdrawn) throw new Error('not yet applied');
      },
      { timeoutMs: 20_000 },
    );
    const rows = await harvested();
    const updated = rows.find((r) => r.file === 'a/b/with-slashes');
    const withdrawn = rows.find((r) => r.file === 'plain-uuid-like');
    if (!updated || !withdrawn) throw new Error('records missing');
    expect((await registry.request('GET', `/api/v1/datasets/${withdrawn.id}`)).statusCode).toBe(
      404,
    );
    const history = (
      await registry.request('GET', `/api/v1/datasets/${updated.id}/history`)
    ).json();
    expect(history.items.map((e: { operation: string }) => e.operation)).toEqual([
      'create',
      'update',
    ]);
    expect(history.items[1].changes).toEqual([
      { field: 'landCode', old: null, new: 'DE-HH' },
      { field: 'title', old: 'Datensatz a/b/with-slashes', new: 'Neu' },
    ]);

    const editor = (
      await registry.request('POST', '/api/v1/admin/tokens', {
        token: ADMIN_TOKEN,
        body: { name: 'any-editor', role: 'land-editor', landCode: 'DE-HH' },
      })
    ).json().token;
    const read = await registry.request('GET', `/api/v1/datasets/${updated.id}`);
    // Hamburg's own dataset, but harvested: read-only for its editors too.
    const patch = await registry.request('PATCH', `/api/v1/datasets/${updated.id}`, {
      token: editor,
      body: { title: 'Hijacked' },
      headers: { 'if-match': String(read.headers.etag) },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().detail).toContain('harvested');
  });

  it('unlinks a withdrawn dataset from the platforms and twins linking it, with new versions and events (issue 17)', async () => {
    const registry = h.registry();
    const [kept, gone] = ['linked/kept', 'linked/gone'];
    await send([kept, gone].map((f) => ({ fileIdentifier: f, value: record(f) })));
    const keptId = await liveId(kept);
    const goneId = await liveId(gone);
    const editor = await hamburgEditor();
    const create = (path: string, body: object) => created(path, editor, body);
    // Harvested datasets without a Land are federal: any Land's records may link them.
    const linking = await create(
      '/api/v1/platforms',
      platform('Urbane Plattform', [keptId, goneId]),
    );
    const control = await create('/api/v1/platforms', platform('Andere Plattform', [keptId]));
    const twin = await create('/api/v1/twins', {
      name: 'Zwilling Hamburg',
      landCode: 'DE-HH',
      scope: 'state',
      kind: 'geobasis',
      maturityLevel: 2,
      platformIds: [linking],
      datasetIds: [goneId],
    });
    const before = await registry.request('GET', `/api/v1/platforms/${linking}`);
    expect(before.json().datasetIds).toEqual([keptId, goneId].sort());

    // Reporting, from dist/, in this namespace: it must follow the platform's change.
    // Its own consumer group: the registry's settings are in this process's environment.
    const env = registry.ns.env('reporting', {
      REGISTRY_URL: 'http://127.0.0.1:9',
      KAFKA_GROUP_ID: 'dpi-reporting',
    });
    migrateService('reporting', env);
    const reporting = new ServiceProcess('reporting', env, await freePort());
    const twinEvents = await new KafkaProbe(
      prefixedTopic(TOPICS.registryDigitalTwin, registry.ns.topicPrefix),
    ).start();
    try {
      await reporting.start();
      const reportedLinks = async () => {
        const response = await fetch(`${reporting.url}/api/v1/items?kind=platform&limit=500`);
        expect(response.status).toBe(200);
        const { items } = (await response.json()) as {
          items: { id: string; links: { datasetIds?: string[] } }[];
        };
        return new Map(items.map((i) => [i.id, [...(i.links.datasetIds ?? [])].sort()]));
      };
      // Reporting has the links before the withdrawal (so the check below can fail).
      await eventually(async () => {
        const links = await reportedLinks();
        expect(links.get(linking)).toEqual([keptId, goneId].sort());
        expect(links.get(control)).toEqual([keptId]);
      });

      const [tombstone] = await send([{ fileIdentifier: gone, value: null }]);
      const after = await eventually(async () => {
        const response = await registry.request('GET', `/api/v1/platforms/${linking}`);
        expect(response.json().datasetIds).toEqual([keptId]);
        return response;
      });
      expect(after.json().version).toBe(2);
      expect(after.headers.etag).toBe('"2"');
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect((await harvested()).find((r) => r.id === goneId)?.withdrawn).toBe(true);

      // History: an update on behalf of the harvester, in the withdrawal's flow.
      const history = (
        await registry.request('GET', `/api/v1/platforms/${linking}/history`, { token: editor })
      ).json().items as { operation: string; changedBy: string; correlationId: string }[];
      expect(history.map((e) => e.operation)).toEqual(['create', 'update']);
      expect(history[1]).toMatchObject({
        version: 2,
        changedBy: `harvester:${SOURCE}`,
        correlationId: tombstone,
        changes: [{ field: 'datasetIds', old: [keptId, goneId].sort(), new: [keptId] }],
      });
      const withdrawal = (
        await registry.request('GET', `/api/v1/datasets/${goneId}/history`)
      ).json().items as { operation: string; correlationId: string }[];
      expect(withdrawal[withdrawal.length - 1]).toMatchObject({
        operation: 'delete',
        correlationId: tombstone,
      });

      // The twin that linked it changed the same way; the platform that did not is untouched.
      const twinNow = (await registry.request('GET', `/api/v1/twins/${twin}`)).json();
      expect(twinNow).toMatchObject({ version: 2, datasetIds: [], platformIds: [linking] });
      const controlNow = await registry.request('GET', `/api/v1/platforms/${control}`);
      expect(controlNow.json()).toMatchObject({ version: 1, datasetIds: [keptId] });
      expect(controlNow.headers.etag).toBe('"1"');

      // A changed event per unlinked record; none for the control, once everything is published.
      await eventually(async () => {
        const { rows } = await registry.db.query(
          `SELECT count(*)::int AS n FROM ${registry.schema}.outbox`,
        );
        expect(rows[0].n).toBe(0);
      });
      await registry.platformEvents.caughtUp();
      await twinEvents.caughtUp();
      const versions = (probe: KafkaProbe, id: string) =>
        probe.messages
          .filter((m) => m.key === id)
          .map((m) => envelopeFromHeaders(m.headers).entityVersion);
      expect(versions(registry.platformEvents, linking)).toEqual([1, 2]);
      expect(versions(registry.platformEvents, control)).toEqual([1]);
      expect(versions(twinEvents, twin)).toEqual([1, 2]);
      const event = registry.platformEvents.messages.find(
        (m) => m.key === linking && envelopeFromHeaders(m.headers).entityVersion === 2,
      );
      expect(envelopeFromHeaders(event?.headers ?? {}).correlationId).toBe(tombstone);
      const changed = decodeMessage(PlatformChangedSchema, event?.value as Buffer);
      expect(changed.kind).toBe(ChangeKind.UPDATED);
      expect(changed.platform?.datasetIds).toEqual([keptId]);
      const twinEvent = twinEvents.messages.find(
        (m) => m.key === twin && envelopeFromHeaders(m.headers).entityVersion === 2,
      );
      expect(
        decodeMessage(DigitalTwinChangedSchema, twinEvent?.value as Buffer).twin?.datasetIds,
      ).toEqual([]);

      // A PATCH holding the platform's old ETag lost the race: 412, not a lost update.
      const stale = await registry.request('PATCH', `/api/v1/platforms/${linking}`, {
        token: editor,
        body: { description: 'nach dem Rückzug' },
        headers: { 'if-match': String(before.headers.etag) },
      });
      expect(stale.statusCode).toBe(412);

      // Reporting followed the platform's change; the control keeps its link.
      await eventually(async () => {
        const links = await reportedLinks();
        expect(links.get(linking)).toEqual([keptId]);
        expect(links.get(control)).toEqual([keptId]);
      });
    } finally {
      await twinEvents.stop();
      await reporting.stop();
    }
  }, 120_000); // it migrates and starts a reporting service: more than 30 s on a loaded machine

  it('locks a linking record before the withdrawn dataset, as a PATCH does: no deadlock, no lost update', async () => {
    const registry = h.registry();
    const file = 'linked/raced';
    await send([{ fileIdentifier: file, value: record(file) }]);
    const datasetId = await liveId(file);
    const linking = await created(
      '/api/v1/platforms',
      await hamburgEditor(),
      platform('Umkämpfte Plattform', [datasetId]),
    );
    const writer = new Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      // A PATCH in flight: it has updated the platform's row (new version) and not yet committed.
      await writer.query('BEGIN');
      const { rows } = await writer.query(
        `UPDATE ${registry.schema}.platform SET description = 'parallel', version = version + 1
         WHERE id = $1 AND version = 1 RETURNING pg_backend_pid() AS pid`,
        [linking],
      );
      await send([{ fileIdentifier: file, value: null }]);
      // The withdrawal waits for the platform's lock...
      await eventually(
        async () => {
          const blocked = await registry.db.query(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
            [rows[0].pid],
          );
          expect(blocked.rows[0].n).toBeGreaterThan(0);
        },
        { timeoutMs: 20_000 },
      );
      // ...holding no lock on the dataset yet: the PATCH's link check (a share lock on it) is
      // granted at once (NOWAIT fails if the withdrawal already locked it, the order that
      // deadlocks with a PATCH).
      await writer.query(
        `SELECT id FROM ${registry.schema}.dataset WHERE id = $1 FOR SHARE NOWAIT`,
        [datasetId],
      );
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    // The withdrawal then unlinks on top of the PATCH's version, which it did not lose.
    const after = await eventually(async () => {
      const response = await registry.request('GET', `/api/v1/platforms/${linking}`);
      expect(response.json().datasetIds).toEqual([]);
      return response.json();
    });
    expect(after).toMatchObject({ version: 3, description: 'parallel' });
  });
});
