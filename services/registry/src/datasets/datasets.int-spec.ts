import { DatasetChangedSchema, TOPICS } from '@dpi/contracts';
import { decodeMessage, prefixedTopic } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import { HttpMethod, RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'datasets-admin-token-0123456789';

const traffic = {
  title: 'Verkehrsstärken Hamburg',
  landCode: 'DE-HH',
  description: 'Verkehrszählungen an Hamburger Hauptverkehrsstraßen',
  publisher: 'Behörde für Verkehr und Mobilitätswende',
  contactEmail: 'transparenz@bvm.hamburg.de',
  themes: ['TRAN', 'REGI'],
  keywords: ['Verkehr', 'opendata'],
  licence: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
  accrualPeriodicity: 'ANNUAL',
  issued: '2024-05-01',
  bbox: [8.42, 53.39, 10.33, 53.97],
  politicalGeocodingUri: 'http://dcat-ap.de/def/politicalGeocoding/stateKey/02',
  politicalGeocodingLevel: 'state',
  distributions: [
    { format: 'WFS', accessUrl: 'https://geodienste.hamburg.de/HH_WFS_Verkehrsstaerken' },
  ],
  openData: true,
};

describe('registry: datasets, links, search and facets (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  let events: KafkaProbe;
  let hamburg: string;
  let berlin: string;

  const request = (
    method: HttpMethod,
    url: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => registry.request(method, url, { token, body, headers });

  const editor = async (landCode: string) => {
    const issued = await request('POST', '/api/v1/admin/tokens', ADMIN_TOKEN, {
      name: `editor-${landCode.toLowerCase()}`,
      role: 'land-editor',
      landCode,
    });
    expect(issued.statusCode).toBe(201);
    return issued.json().token as string;
  };

  beforeAll(async () => {
    registry = await startRegistry('datasets', ADMIN_TOKEN);
    events = await new KafkaProbe(
      prefixedTopic(TOPICS.registryDataset, registry.ns.topicPrefix),
    ).start();
    hamburg = await editor('DE-HH');
    berlin = await editor('DE-BE');
  });

  afterAll(async () => {
    await events?.stop();
    await registry?.close();
  });

  it('registers a DCAT-AP.de dataset, derives its footprint and publishes DatasetChanged', async () => {
    const created = await request('POST', '/api/v1/datasets', hamburg, traffic);
    expect(created.statusCode).toBe(201);
    const dataset = created.json();
    expect(dataset).toMatchObject({
      ...traffic,
      themes: ['REGI', 'TRAN'],
      accessRights: 'PUBLIC',
      hierarchyLevel: 'dataset',
      source: 'manual',
      provenance: null,
      version: 1,
    });
    const message = await eventually(() => {
      const found = events.messages.find((m) => m.key === dataset.id);
      if (!found) throw new Error('not yet published');
      return found;
    });
    const decoded = decodeMessage(DatasetChangedSchema, message.value as Buffer);
    expect(decoded.dataset?.title).toBe(traffic.title);
    expect(decoded.dataset?.bbox).toEqual(traffic.bbox);
    expect(decoded.dataset?.licence).toBe(traffic.licence);

    const inside = await request('GET', '/api/v1/datasets?bbox=9.9,53.5,10.0,53.6');
    expect(inside.json().items.map((d: { id: string }) => d.id)).toContain(dataset.id);
    const outside = await request('GET', '/api/v1/datasets?bbox=13.0,52.3,13.7,52.7');
    expect(outside.json().items.map((d: { id: string }) => d.id)).not.toContain(dataset.id);
  });

  it('validates DCAT fields with field-level problems and stores nothing', async () => {
    const before = await registry.count('dataset');
    const invalid = await request('POST', '/api/v1/datasets', hamburg, {
      ...traffic,
      licence: 'https://example.org/my-licence',
      bbox: [10, 54, 9, 53],
      distributions: [{ format: 'WMS', accessUrl: 'ftp://nope', color: 'red' }],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    const fields = invalid.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'licence',
        'bbox',
        'distributions[0].accessUrl',
        'distributions[0].color',
      ]),
    );
    expect(await registry.count('dataset')).toBe(before);
  });

  it('links records of the own Land, refuses unknown and foreign targets, and guards deletes', async () => {
    const dataset = (
      await request('POST', '/api/v1/datasets', hamburg, { ...traffic, title: 'Baustellen' })
    ).json();
    const berlinEndpoint = (
      await request('POST', '/api/v1/endpoints', berlin, {
        name: 'WMS Berlin',
        landCode: 'DE-BE',
        serviceType: 'wms',
        serviceVersion: '1.3.0',
        url: 'https://gdi.berlin.de/services/wms',
        authentication: 'none',
      })
    ).json();
    const platform = {
      name: 'Urban Data Platform Hamburg',
      landCode: 'DE-HH',
      type: 'urbanDataPlatform',
      status: 'production',
      themes: ['TRAN', 'ENVI'],
      standards: ['ogcapi-features', 'ogc-sensorthings'],
      openSource: true,
      components: ['Masterportal', 'FROST-Server'],
      reusability: 'offered',
      funding: ['land', 'federalMpsc'],
      geometry: { type: 'Point', coordinates: [9.99, 53.55] },
      datasetIds: [dataset.id],
    };

    const unknown = await request('POST', '/api/v1/platforms', hamburg, {
      ...platform,
      datasetIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'datasetIds' });

    const unknownStandard = await request('POST', '/api/v1/platforms', hamburg, {
      ...platform,
      standards: ['no-such-standard'],
    });
    expect(unknownStandard.statusCode).toBe(400);

    const foreign = await request('POST', '/api/v1/platforms', hamburg, {
      ...platform,
      endpointIds: [berlinEndpoint.id],
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().detail).toContain('DE-BE');

    const created = await request('POST', '/api/v1/platforms', hamburg, platform);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ datasetIds: [dataset.id], reusability: 'offered' });

    const guarded = await request('DELETE', `/api/v1/datasets/${dataset.id}`, hamburg, undefined, {
      'if-match': '"1"',
    });
    expect(guarded.statusCode).toBe(409);
    expect(guarded.json().detail).toContain(created.json().id);
    expect((await request('GET', `/api/v1/datasets/${dataset.id}`)).statusCode).toBe(200);
  });

  it('searches German full text, filters, sorts, pages and counts facets', async () => {
    const bb = await editor('DE-BB');
    const names = ['Geoportal Brandenburg', 'Brandenburg Viewer', 'Zentrale Geodatenplattform'];
    for (const [i, name] of names.entries()) {
      const response = await request('POST', '/api/v1/platforms', bb, {
        name,
        landCode: 'DE-BB',
        type: i === 0 ? 'geoportal' : 'twinViewer',
        status: 'production',
        description: i === 2 ? 'Geodaten und Geodienste des Landes' : 'Karten',
        themes: i === 0 ? ['REGI'] : ['REGI', 'ENVI'],
      });
      expect(response.statusCode).toBe(201);
    }
    // German stemming: "Geodienst" finds "Geodienste".
    const search = await request('GET', '/api/v1/platforms?q=Geodienst');
    expect(search.json().items.map((p: { name: string }) => p.name)).toEqual([
      'Zentrale Geodatenplattform',
    ]);

    const page1 = await request('GET', '/api/v1/platforms?landCode=DE-BB&sort=-name&limit=2');
    const body1 = page1.json();
    expect(body1.items.map((p: { name: string }) => p.name)).toEqual([
      'Zentrale Geodatenplattform',
      'Geoportal Brandenburg',
    ]);
    expect(body1.total).toBe(3);
    expect(body1.facets.type).toEqual({ geoportal: 1, twinViewer: 2 });
    expect(body1.facets.theme).toEqual({ REGI: 3, ENVI: 2 });
    const page2 = await request(
      'GET',
      `/api/v1/platforms?landCode=DE-BB&sort=-name&limit=2&cursor=${body1.nextCursor}`,
    );
    expect(page2.json().items.map((p: { name: string }) => p.name)).toEqual(['Brandenburg Viewer']);
    expect(page2.json().nextCursor).toBeNull();

    const wrongSort = await request(
      'GET',
      `/api/v1/platforms?landCode=DE-BB&sort=name&cursor=${body1.nextCursor}`,
    );
    expect(wrongSort.statusCode).toBe(400);
    const badBbox = await request('GET', '/api/v1/platforms?bbox=10,50,9,51');
    expect(badBbox.statusCode).toBe(400);
  });

  it('serves the Länder and the standards list; only admins maintain standards', async () => {
    const laender = (await request('GET', '/api/v1/laender')).json().items;
    expect(laender).toHaveLength(16);
    expect(laender.find((l: { code: string }) => l.code === 'DE-HH')).toMatchObject({
      stateKeyUri: 'http://dcat-ap.de/def/politicalGeocoding/stateKey/02',
    });
    const standards = (await request('GET', '/api/v1/standards')).json().items;
    expect(standards.map((s: { code: string }) => s.code)).toContain('din-spec-91607');

    const body = { title: 'OGC API – Tiles', body: 'OGC', version: '1.0', category: 'api' };
    expect((await request('PUT', '/api/v1/standards/ogcapi-tiles', hamburg, body)).statusCode).toBe(
      403,
    );
    const put = await request('PUT', '/api/v1/standards/ogcapi-tiles', ADMIN_TOKEN, body);
    expect(put.statusCode).toBe(200);
    expect((await request('GET', '/api/v1/standards/ogcapi-tiles')).json()).toMatchObject(body);
  });
});
