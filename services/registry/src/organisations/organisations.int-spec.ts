import { Network, OrganisationChangedSchema, TOPICS } from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders, prefixedTopic } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import { HttpMethod, RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'organisations-admin-token-0123456789';
const lgv = {
  name: 'Landesbetrieb Geoinformation und Vermessung',
  shortName: 'LGV',
  level: 'state',
  landCode: 'DE-HH',
  type: 'surveyingAuthority',
  homepage: 'https://www.hamburg.de/lgv/',
  contact: { name: 'Servicestelle', email: 'geodaten@example.de' },
  networks: ['gdiDe', 'adv'],
};
const bkg = {
  name: 'Bundesamt für Kartographie und Geodäsie',
  shortName: 'BKG',
  level: 'federal',
  type: 'stateAgency',
  networks: ['gdiDe', 'adv', 'digizDe'],
};

describe('registry: organisations (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  let events: KafkaProbe;
  let hamburgToken: string;

  const request = (
    method: HttpMethod,
    url: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => registry.request(method, url, { token, body, headers });

  beforeAll(async () => {
    registry = await startRegistry('organisations', ADMIN_TOKEN);
    events = await new KafkaProbe(
      prefixedTopic(TOPICS.registryOrganisation, registry.ns.topicPrefix),
    ).start();
    const issued = await request('POST', '/api/v1/admin/tokens', ADMIN_TOKEN, {
      name: 'hamburg-lgv',
      role: 'land-editor',
      landCode: 'DE-HH',
    });
    expect(issued.statusCode).toBe(201);
    hamburgToken = issued.json().token;
  });

  afterAll(async () => {
    await events?.stop();
    await registry?.close();
  });

  it('registers a Land organisation and publishes OrganisationChanged with its full state', async () => {
    const created = await request('POST', '/api/v1/organisations', hamburgToken, lgv);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      ...lgv,
      networks: ['adv', 'gdiDe'],
      version: 1,
      createdBy: 'hamburg-lgv',
      source: 'manual',
    });
    expect(created.headers.location).toBe(`/api/v1/organisations/${body.id}`);

    const message = await eventually(() => {
      const found = events.messages.find((m) => m.key === body.id);
      if (!found) throw new Error('not yet published');
      return found;
    });
    expect(envelopeFromHeaders(message.headers)).toMatchObject({
      schema: 'dpi.registry.v1.OrganisationChanged',
      entityVersion: 1,
    });
    const { organisation } = decodeMessage(OrganisationChangedSchema, message.value as Buffer);
    expect(organisation).toMatchObject({
      landCode: 'DE-HH',
      shortName: 'LGV',
      networks: [Network.ADV, Network.GDI_DE],
    });
    expect(organisation?.contact).toMatchObject({ email: 'geodaten@example.de' });
  });

  it('keeps federal organisations to admins and without a Land', async () => {
    expect((await request('POST', '/api/v1/organisations', hamburgToken, bkg)).statusCode).toBe(
      403,
    );
    const withLand = await request('POST', '/api/v1/organisations', ADMIN_TOKEN, {
      ...bkg,
      landCode: 'DE-BB',
    });
    expect(withLand.statusCode).toBe(400);
    expect(withLand.json().errors).toEqual([
      { field: 'landCode', message: 'landCode must be absent for federal organisations' },
    ]);
    const created = await request('POST', '/api/v1/organisations', ADMIN_TOKEN, bkg);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ landCode: null, level: 'federal' });

    const federal = (await request('GET', '/api/v1/organisations?level=federal')).json();
    expect(federal.items.map((o: { shortName: string }) => o.shortName)).toEqual(['BKG']);
    const hamburg = (await request('GET', '/api/v1/organisations?landCode=DE-HH')).json();
    expect(hamburg.items.map((o: { shortName: string }) => o.shortName)).toEqual(['LGV']);
  });

  it.each([
    ['a state organisation without Land', { ...lgv, landCode: undefined }, 'landCode'],
    ['an unknown network', { ...lgv, networks: ['gdiDe', 'blockchainAlliance'] }, 'networks'],
    ['a repeated network', { ...lgv, networks: ['adv', 'adv'] }, 'networks'],
    [
      'a malformed contact e-mail',
      { ...lgv, contact: { email: 'not-an-address' } },
      'contact.email',
    ],
    ['an unknown contact field', { ...lgv, contact: { fax: '123' } }, 'contact.fax'],
    ['an unknown level', { ...lgv, level: 'galactic' }, 'level'],
  ])('rejects %s with a field-level problem', async (_label, body, field) => {
    const before = await registry.count('organisation');
    const response = await request('POST', '/api/v1/organisations', ADMIN_TOKEN, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await registry.count('organisation')).toBe(before);
  });

  it('patches, records the history, and deletes with a tombstone', async () => {
    const { id } = (
      await request('POST', '/api/v1/organisations', hamburgToken, {
        ...lgv,
        name: 'Behörde für Stadtentwicklung',
        shortName: 'BSW',
      })
    ).json();
    const patched = await request(
      'PATCH',
      `/api/v1/organisations/${id}`,
      hamburgToken,
      { networks: ['mpsc'], contact: null },
      { 'if-match': '"1"' },
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ networks: ['mpsc'], contact: null, version: 2 });
    const removed = await request(
      'DELETE',
      `/api/v1/organisations/${id}`,
      hamburgToken,
      undefined,
      { 'if-match': '"2"' },
    );
    expect(removed.statusCode).toBe(204);
    const history = (await request('GET', `/api/v1/organisations/${id}/history`)).json().items;
    expect(history.map((h: { operation: string }) => h.operation)).toEqual([
      'create',
      'update',
      'delete',
    ]);
    expect(history[1].changes).toEqual([
      { field: 'contact', old: lgv.contact, new: null },
      { field: 'networks', old: ['adv', 'gdiDe'], new: ['mpsc'] },
    ]);
    await eventually(() =>
      expect(events.messages.filter((m) => m.key === id).map((m) => m.value === null)).toEqual([
        false,
        false,
        true,
      ]),
    );
  });
});
