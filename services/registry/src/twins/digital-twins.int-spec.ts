import { DigitalTwinChangedSchema, ThreeDFormat, TOPICS, TwinKind } from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders, prefixedTopic } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import { HttpMethod, RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'twins-admin-token-0123456789';
const saxony = {
  name: 'Digitaler Zwilling Sachsen',
  landCode: 'DE-SN',
  scope: 'state',
  kind: 'geobasis',
  maturityLevel: 2,
  capabilities: ['knowledge', 'integration'],
  useCases: ['urbanPlanning', 'climateEnvironment'],
  dataBasis: ['lod2', 'pointCloud', 'orthophoto'],
  formats: ['citygml-2', '3d-tiles'],
  digizDe: 'pilot',
};

describe('registry: digital twins (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  let events: KafkaProbe;
  let saxonyToken: string;

  const request = (
    method: HttpMethod,
    url: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => registry.request(method, url, { token, body, headers });

  beforeAll(async () => {
    registry = await startRegistry('twins', ADMIN_TOKEN);
    events = await new KafkaProbe(
      prefixedTopic(TOPICS.registryDigitalTwin, registry.ns.topicPrefix),
    ).start();
    const issued = await request('POST', '/api/v1/admin/tokens', ADMIN_TOKEN, {
      name: 'geosn-editor',
      role: 'land-editor',
      landCode: 'DE-SN',
    });
    expect(issued.statusCode).toBe(201);
    saxonyToken = issued.json().token;
  });

  afterAll(async () => {
    await events?.stop();
    await registry?.close();
  });

  it('registers a twin with sorted sets and publishes DigitalTwinChanged', async () => {
    const created = await request('POST', '/api/v1/twins', saxonyToken, saxony);
    expect(created.statusCode).toBe(201);
    const twin = created.json();
    expect(twin).toMatchObject({
      ...saxony,
      capabilities: ['integration', 'knowledge'],
      dataBasis: ['lod2', 'orthophoto', 'pointCloud'],
      useCases: ['climateEnvironment', 'urbanPlanning'],
      formats: ['3d-tiles', 'citygml-2'],
      realTime: false,
      simulation: false,
      version: 1,
    });
    const message = await eventually(() => {
      const found = events.messages.find((m) => m.key === twin.id);
      if (!found) throw new Error('not yet published');
      return found;
    });
    expect(envelopeFromHeaders(message.headers).schema).toBe('dpi.registry.v1.DigitalTwinChanged');
    const decoded = decodeMessage(DigitalTwinChangedSchema, message.value as Buffer).twin;
    expect(decoded).toMatchObject({ landCode: 'DE-SN', kind: TwinKind.GEOBASIS, maturityLevel: 2 });
    expect(decoded?.formats).toEqual([
      ThreeDFormat.THREE_D_FORMAT_3D_TILES,
      ThreeDFormat.THREE_D_FORMAT_CITYGML_2,
    ]);

    const patched = await request(
      'PATCH',
      `/api/v1/twins/${twin.id}`,
      saxonyToken,
      { maturityLevel: 3, simulation: true },
      { 'if-match': '"1"' },
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ maturityLevel: 3, simulation: true, version: 2 });
    const reordered = await request(
      'PATCH',
      `/api/v1/twins/${twin.id}`,
      saxonyToken,
      { formats: ['citygml-2', '3d-tiles'] },
      { 'if-match': '"2"' },
    );
    expect(reordered.json().version).toBe(2); // the same set in another order is no change
  });

  it('filters by Land, kind and maturity; federal twins are admin-only', async () => {
    const federal = {
      ...saxony,
      name: 'Digitaler Zwilling Deutschland (DigiZ-DE)',
      landCode: undefined,
      digizDe: 'none',
    };
    expect((await request('POST', '/api/v1/twins', saxonyToken, federal)).statusCode).toBe(403);
    expect((await request('POST', '/api/v1/twins', ADMIN_TOKEN, federal)).statusCode).toBe(201);
    const urban = {
      ...saxony,
      name: 'Urbaner Zwilling Leipzig',
      scope: 'municipality',
      kind: 'urban',
      maturityLevel: 1,
    };
    expect((await request('POST', '/api/v1/twins', saxonyToken, urban)).statusCode).toBe(201);

    const names = async (query: string) =>
      (await request('GET', `/api/v1/twins?${query}`))
        .json()
        .items.map((t: { name: string }) => t.name)
        .sort();
    expect(await names('landCode=DE-SN&kind=urban')).toEqual(['Urbaner Zwilling Leipzig']);
    expect(await names('maturityLevel=3')).toEqual(['Digitaler Zwilling Sachsen']);
    expect(await names('kind=geobasis')).toEqual([
      'Digitaler Zwilling Deutschland (DigiZ-DE)',
      'Digitaler Zwilling Sachsen',
    ]);
    expect((await request('GET', '/api/v1/twins?maturityLevel=7')).statusCode).toBe(400);
  });

  it.each([
    ['a maturity level outside 1–4', { ...saxony, maturityLevel: 5 }, 'maturityLevel'],
    ['a fractional maturity level', { ...saxony, maturityLevel: 2.5 }, 'maturityLevel'],
    ['an unknown 3D format', { ...saxony, formats: ['dwg'] }, 'formats'],
    ['a repeated use case', { ...saxony, useCases: ['energy', 'energy'] }, 'useCases'],
    ['a string for a flag', { ...saxony, realTime: 'yes' }, 'realTime'],
    ['an unknown DigiZ-DE relation', { ...saxony, digizDe: 'friends' }, 'digizDe'],
  ])('rejects %s with a field-level problem', async (_label, body, field) => {
    const response = await request('POST', '/api/v1/twins', ADMIN_TOKEN, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
