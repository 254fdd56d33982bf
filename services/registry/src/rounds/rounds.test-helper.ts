import { TOPICS } from '@dpi/contracts';
import { prefixedTopic } from '@dpi/kafka';
import { KafkaProbe } from '@dpi/testing';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

/**
 * The set-up of rounds.int-spec.ts (issue 22): a registry with probes on its round and
 * round-record topics, tokens for Hamburg's and Brandenburg's editors and a reviewer, and the
 * records a round takes in scope — five Hamburg platforms, a NON_PUBLIC Hamburg dataset and a
 * Brandenburg dataset — plus two it must leave out (another Land, another kind).
 */
export const ADMIN = 'rounds-admin-token-0123456789';

export interface RoundsRegistry {
  /** What beforeAll set up. */
  started(): {
    registry: RegistryUnderTest;
    roundEvents: KafkaProbe;
    recordEvents: KafkaProbe;
    hhSecret: string;
    bbDataset: string;
  };
  tokens: { hamburg: string; brandenburg: string; reviewer: string };
  /** The five Hamburg platforms. */
  hh: string[];
  request: RegistryUnderTest['request'];
  /** POSTs a record as admin and returns its id. */
  create(path: string, body: object): Promise<string>;
  /** The position of the registry's outbox sequence: unchanged when nothing was written. */
  outboxPosition(): Promise<unknown>;
  /** Opens a round (as admin) over platforms and datasets of Hamburg and Brandenburg. */
  openRound(body?: Partial<Record<string, unknown>>): Promise<{ id: string }>;
}

/** Starts the registry and writes the records in beforeAll; closes it in afterAll. */
export function useRoundsRegistry(): RoundsRegistry {
  let registry: RegistryUnderTest;
  let roundEvents: KafkaProbe;
  let recordEvents: KafkaProbe;
  const tokens = { hamburg: '', brandenburg: '', reviewer: '' };
  const hh: string[] = [];
  let hhSecret = '';
  let bbDataset = '';

  const request = (...args: Parameters<RegistryUnderTest['request']>) => registry.request(...args);
  const issue = async (name: string, role: string, landCode?: string) => {
    const r = await request('POST', '/api/v1/admin/tokens', {
      token: ADMIN,
      body: { name, role, landCode },
    });
    expect(r.statusCode).toBe(201);
    return r.json().token as string;
  };
  const create = async (path: string, body: object) => {
    const r = await request('POST', path, { token: ADMIN, body });
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };
  const outboxPosition = async () =>
    (await registry.db.query(`SELECT last_value, is_called FROM ${registry.schema}.outbox_id_seq`))
      .rows[0];
  const openRound = async (body: Partial<Record<string, unknown>> = {}) => {
    const r = await request('POST', '/api/v1/rounds', {
      token: ADMIN,
      body: {
        title: 'Erhebungsrunde Test',
        referenceDate: '2026-12-01',
        deadline: '2099-12-31T23:00:00Z',
        kinds: ['platform', 'dataset'],
        landCodes: ['DE-HH', 'DE-BB'],
        ...body,
      },
    });
    expect(r.statusCode).toBe(201);
    return r.json();
  };

  beforeAll(async () => {
    registry = await startRegistry('rounds', ADMIN);
    roundEvents = await new KafkaProbe(
      prefixedTopic(TOPICS.registrySurveyRound, registry.ns.topicPrefix),
    ).start();
    recordEvents = await new KafkaProbe(
      prefixedTopic(TOPICS.registryRoundRecord, registry.ns.topicPrefix),
    ).start();
    tokens.hamburg = await issue('hh-editor', 'land-editor', 'DE-HH');
    tokens.brandenburg = await issue('bb-editor', 'land-editor', 'DE-BB');
    tokens.reviewer = await issue('ag-reviewer', 'reviewer');
    for (const name of [
      'Geoportal',
      'Urbane Datenplattform',
      'Masterportal',
      'Transparenzportal',
      'Digitaler Zwilling',
    ])
      hh.push(
        await create('/api/v1/platforms', {
          name: `${name} Hamburg`,
          landCode: 'DE-HH',
          type: 'geoportal',
          status: 'production',
        }),
      );
    hhSecret = await create('/api/v1/datasets', {
      title: 'Leitungskataster Hamburg',
      landCode: 'DE-HH',
      accessRights: 'NON_PUBLIC',
    });
    bbDataset = await create('/api/v1/datasets', {
      title: 'Baumkataster Potsdam',
      landCode: 'DE-BB',
    });
    // Out of scope: another Land, another kind.
    await create('/api/v1/datasets', { title: 'Berliner Datensatz', landCode: 'DE-BE' });
    await create('/api/v1/organisations', {
      name: 'LGV Hamburg',
      landCode: 'DE-HH',
      level: 'state',
      type: 'surveyingAuthority',
    });
  });

  afterAll(async () => {
    await roundEvents?.stop();
    await recordEvents?.stop();
    await registry?.close();
  });

  return {
    started: () => ({ registry, roundEvents, recordEvents, hhSecret, bbDataset }),
    tokens,
    hh,
    request,
    create,
    outboxPosition,
    openRound,
  };
}
