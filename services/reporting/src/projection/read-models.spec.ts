import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { HEADERS } from '@dpi/kafka';
import { TOPICS } from '@dpi/contracts';
import { EventFactory } from '../reporting.test-helper';
import { endpointUrlKey } from './endpoint-event';
import { byModel, readModelDecoder, readModelTopics } from './read-models';

const prefix = 'unit.';
const events = new EventFactory(prefix);
const decode = readModelDecoder(prefix, { cronTimeZone: 'Europe/Berlin' });
const raw = (e: ReturnType<EventFactory['platform']>, partition = 0) => ({
  topic: e.topic,
  partition,
  offset: '0',
  key: e.key,
  value: e.value,
  headers: e.headers,
});
const ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const OTHER = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

describe('read-model mapping', () => {
  it('consumes every registry topic and the harvest job topic', () => {
    expect(readModelTopics(prefix).sort()).toEqual(
      [
        TOPICS.registryOrganisation,
        TOPICS.registryPlatform,
        TOPICS.registryDigitalTwin,
        TOPICS.registryDataset,
        TOPICS.registryEndpoint,
        TOPICS.harvestJob,
      ]
        .map((t) => `${prefix}${t}`)
        .sort(),
    );
  });

  it('maps a platform to API words, ids, GeoJSON text and links', () => {
    const { model, change } = decode(
      raw(
        events.platform(ID, 2, {
          landCode: 'DE-BB',
          endpointIds: [OTHER, OTHER.toUpperCase()],
          geometryGeojson: '{"type":"Point","coordinates":[13,52],"crs":"x"}',
          homepage: '',
        }),
      ),
    );
    expect(model).toBe('platform');
    expect(change).toMatchObject({
      kind: 'upsert',
      id: ID,
      version: 2,
      landCode: 'DE-BB',
      type: 'geoportal',
      status: 'production',
      homepage: null,
      endpointIds: [OTHER],
      geometry: '{"type":"Point","coordinates":[13,52]}',
    });
  });

  it('maps a dataset with bbox, distributions and provenance-less source', () => {
    const { change } = decode(raw(events.dataset(ID, 1, { landCode: '', licence: '' })));
    expect(change).toMatchObject({
      landCode: null,
      licence: null,
      bbox: [9.7, 53.3, 10.4, 53.8],
      distributions: [{ format: 'CSV', accessUrl: 'https://example.org/a.csv', mediaType: null }],
      source: 'manual',
      harvestSourceId: null,
    });
  });

  it('maps a harvest job with its counts and the next scheduled run after it finished', () => {
    const { model, change } = decode(raw(events.harvestJob(ID, 5)));
    expect(model).toBe('harvestJob');
    expect(change).toMatchObject({
      kind: 'upsert',
      version: 5,
      state: 'succeeded',
      mode: 'full',
      received: 10,
    });
    const fields = change as unknown as { finishedAt: string; nextDueAt: string };
    expect(new Date(fields.nextDueAt).getTime()).toBeGreaterThan(
      new Date(fields.finishedAt).getTime(),
    );
  });

  it('takes the next run as the harvester sent it, and leaves it unknown when an older harvester did not', () => {
    const at = '2026-01-11T02:00:00.000Z';
    const sent = decode(
      raw(events.harvestJob(ID, 1, { nextRunAt: timestampFromDate(new Date(at)) })),
    );
    expect(sent.change).toMatchObject({ schedule: '0 3 * * *', nextDueAt: at });
    // No guess from the cron expression: unknown, so the source is not called stale.
    const older = decode(raw(events.harvestJob(ID, 1, { nextRunAt: undefined })));
    expect(older.change).toMatchObject({ schedule: '0 3 * * *', nextDueAt: null });
  });

  it('turns tombstones into deletes carrying the header version', () => {
    const { change } = decode(raw(events.tombstone(events.endpoint(ID, 1), 7)));
    expect(change).toEqual(expect.objectContaining({ kind: 'delete', id: ID, version: 7 }));
  });

  it.each([
    ['an unknown Land', events.platform(ID, 1, { landCode: 'DE-XX' }), 'unknown Land code DE-XX'],
    [
      'a platform without Land',
      events.platform(ID, 1, { landCode: '' }),
      'record without Land code',
    ],
    [
      'a key other than the id',
      { ...events.twin(ID, 1), key: OTHER },
      `key ${OTHER} does not match`,
    ],
    ['a maturity level of 5', events.twin(ID, 1, { maturityLevel: 5 }), 'maturity level 5'],
    ['a three-number bbox', events.dataset(ID, 1, { bbox: [1, 2, 3] }), 'bbox must have four'],
    ['a link that is no UUID', events.dataset(ID, 1, { endpointIds: ['x'] }), 'non-UUID id x'],
    ['a geometry that is not JSON', events.platform(ID, 1, { geometryGeojson: '{' }), 'not JSON'],
    [
      'a header version other than the state version',
      {
        ...events.platform(ID, 1),
        headers: { ...events.platform(ID, 1).headers, [HEADERS.entityVersion]: '2' },
      },
      'differs from header version',
    ],
  ])('rejects %s (→ DLQ)', (_, event, message) => {
    expect(() => decode(raw(event))).toThrow(message);
  });

  it('rejects topics it has no model for', () => {
    expect(() => decode({ ...raw(events.platform(ID, 1)), topic: 'other' })).toThrow(
      'no read model',
    );
  });

  it('groups a batch by model, keeping the order', () => {
    const a = decode(raw(events.platform(ID, 1)));
    const b = decode(raw(events.platform(ID, 2)));
    const c = decode(raw(events.twin(OTHER, 1)));
    const groups = byModel([a, c, b]);
    expect(groups.get('platform')?.map((x) => x.version)).toEqual([1, 2]);
    expect(groups.get('twin')).toHaveLength(1);
  });
});

describe('endpointUrlKey', () => {
  it('compares host, port and path, not scheme, case, www or query', () => {
    expect(
      endpointUrlKey('https://WWW.Geodienste.de/wfs/?service=WFS&request=GetCapabilities'),
    ).toBe(endpointUrlKey('http://geodienste.de/wfs'));
    expect(endpointUrlKey('https://geodienste.de:8443/wfs')).not.toBe(
      endpointUrlKey('https://geodienste.de/wfs'),
    );
    expect(endpointUrlKey('https://geodienste.de/wms')).not.toBe(
      endpointUrlKey('https://geodienste.de/wfs'),
    );
  });
});
