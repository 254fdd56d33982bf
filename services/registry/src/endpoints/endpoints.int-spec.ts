import { EndpointChangedSchema, ServiceType, TOPICS } from '@dpi/contracts';
import { decodeMessage, prefixedTopic } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'endpoints-admin-token-0123456789';
const wfs = {
  name: 'WFS Verwaltungsgrenzen Hamburg',
  landCode: 'DE-HH',
  serviceType: 'wfs',
  serviceVersion: '2.0.0',
  url: 'https://geodienste.hamburg.de/HH_WFS_Verwaltungsgrenzen',
  capabilitiesUrl:
    'https://geodienste.hamburg.de/HH_WFS_Verwaltungsgrenzen?SERVICE=WFS&REQUEST=GetCapabilities',
  crs: ['EPSG:25832', 'EPSG:4326', 'urn:ogc:def:crs:EPSG::3857'],
};

describe('registry: endpoints (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  let events: KafkaProbe;

  const post = (body: unknown) =>
    registry.app.inject({
      method: 'POST',
      url: '/api/v1/endpoints',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: JSON.stringify(body),
    });

  beforeAll(async () => {
    registry = await startRegistry('endpoints', ADMIN_TOKEN);
    events = await new KafkaProbe(
      prefixedTopic(TOPICS.registryEndpoint, registry.ns.topicPrefix),
    ).start();
  });

  afterAll(async () => {
    await events?.stop();
    await registry?.close();
  });

  it('registers an endpoint, keeps the CRS order, publishes EndpointChanged and filters by type', async () => {
    const created = await post(wfs);
    expect(created.statusCode).toBe(201);
    const endpoint = created.json();
    expect(endpoint).toMatchObject({ ...wfs, authentication: 'none', version: 1 });
    const sta = await post({
      name: 'SensorThings Hamburg',
      landCode: 'DE-HH',
      serviceType: 'sensorThings',
      url: 'https://iot.hamburg.de/v1.1',
    });
    expect(sta.statusCode).toBe(201);

    const message = await eventually(() => {
      const found = events.messages.find((m) => m.key === endpoint.id);
      if (!found) throw new Error('not yet published');
      return found;
    });
    const decoded = decodeMessage(EndpointChangedSchema, message.value as Buffer).endpoint;
    expect(decoded).toMatchObject({ serviceType: ServiceType.WFS, crs: wfs.crs, url: wfs.url });

    const list = await registry.app.inject({
      method: 'GET',
      url: '/api/v1/endpoints?landCode=DE-HH&serviceType=sensorThings',
    });
    expect(list.json().items.map((e: { name: string }) => e.name)).toEqual([
      'SensorThings Hamburg',
    ]);
  });

  it.each([
    ['a non-http URL', { ...wfs, url: 'ftp://example.org/data' }, 'url'],
    ['a missing URL', { ...wfs, url: undefined }, 'url'],
    ['an unknown service type', { ...wfs, serviceType: 'gopher' }, 'serviceType'],
    ['a malformed CRS', { ...wfs, crs: ['EPSG 25832'] }, 'crs'],
    ['a repeated CRS', { ...wfs, crs: ['EPSG:4326', 'EPSG:4326'] }, 'crs'],
    [
      'an unknown authentication',
      { ...wfs, authentication: 'password-on-a-postit' },
      'authentication',
    ],
  ])('rejects %s with a field-level problem', async (_label, body, field) => {
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
