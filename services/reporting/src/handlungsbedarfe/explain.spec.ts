import { SERVICE_TYPES, STANDARDS } from '@dpi/domain';
import { EXPLAINED_RULES, explainFinding, FindingFacts, localTime } from './explain';
import { HANDLUNGSBEDARFE_V1 } from './handlungsbedarfe.v1';
import { ROUND_RULE_EXAMPLES } from './handlungsbedarfe.rounds.v1';
import {
  HANDLUNGSBEDARFE_V2,
  MACHINE_READABLE_SERVICE_TYPES_V2,
  MACHINE_READABLE_STANDARDS_V2,
} from './handlungsbedarfe.v2';
import { assertValidRuleSet } from './rule';
import { ACTIVE_RULE_SET } from './rule-evaluator';
import { RULE_TEXTS } from './rule-texts';

const facts = (ruleId: string, evidence: Record<string, unknown>, landCode = 'DE-HH') =>
  ({
    ruleId,
    landCode,
    subject: 'b3c1f1de-0000-4000-8000-000000000001',
    recordIds: [],
    evidence,
  }) as FindingFacts;

/** Evidence as the rules' SQL writes it, one example per rule. */
const EXAMPLES: Record<string, Record<string, unknown>> = {
  ...ROUND_RULE_EXAMPLES,
  'land-without-open-data-portal': {
    land: 'Hamburg',
    platformType: 'openDataPortal',
    planned: ['Neues Portal'],
    plannedNotPublic: 2,
  },
  'land-without-urban-data-platform': {
    land: 'Hamburg',
    platformType: 'urbanDataPlatform',
    planned: [],
    plannedNotPublic: 0,
  },
  'land-without-digital-twin': { land: 'Hamburg' },
  'platform-without-machine-readable-interface': {
    platform: 'Geoportal Hamburg',
    type: 'geoportal',
    status: 'production',
    standards: [],
    linkedServiceTypes: ['wms', 'wmts'],
  },
  'twin-without-open-3d-format': { twin: 'Zwilling Elbe', formats: ['dwg'] },
  'dataset-without-open-licence': {
    datasets: 3,
    ofDatasets: 10,
    licences: ['keine', 'http://dcat-ap.de/def/licenses/other-closed'],
  },
  'dataset-without-bbox': { datasets: 1, ofDatasets: 1 },
  'dataset-without-contact': { datasets: 2, ofDatasets: 5 },
  'endpoint-registered-by-several-laender': {
    url: 'https://geodienste.example/wfs',
    laender: ['DE-HH', 'DE-SH'],
    names: ['WFS Küste'],
  },
  'harvest-source-stale': {
    source: 'CSW Hamburg',
    schedule: '0 * * * *',
    lastSuccessAt: '2026-12-07T05:30:00Z',
    nextDueAt: '2026-12-07T06:00:00Z',
    latestState: 'running',
  },
  'harvest-source-failing': {
    source: 'CSW Hamburg',
    failedAt: '2026-07-01T10:15:00Z',
    message: 'HTTP 503',
    failedJobs: 2,
    jobs: 9,
    lastSuccessAt: null,
  },
  'land-metadata-quality-low': {
    datasets: 12,
    score: 48.25,
    findability: 60,
    accessibility: 70,
    interoperability: 30.5,
    reusability: 50,
    contextuality: 40,
  },
};

describe('findings in words', () => {
  it.each(ACTIVE_RULE_SET.rules.map((r) => [r.id]))(
    '%s: an entry and one sentence each in German and English, without field names or rule ids',
    (ruleId) => {
      expect(EXPLAINED_RULES).toContain(ruleId);
      expect(RULE_TEXTS[ruleId]).toBeDefined();
      const { entry, sentence } = explainFinding(facts(ruleId, EXAMPLES[ruleId]), 'Titel');
      expect(entry.title).not.toBe('');
      for (const text of [sentence.de, sentence.en]) {
        expect(text).toMatch(/^[A-Z0-9„"]/);
        expect(text).toMatch(/\.$/);
        // No camelCase field names, no rule ids, no JSON, no "undefined"/"NaN".
        expect(text).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
        expect(text).not.toContain(ruleId);
        expect(text).not.toMatch(/[{}[\]]|undefined|NaN|null/);
      }
    },
  );

  it('names the platform and what is linked, as the issue asks', () => {
    const { entry, sentence } = explainFinding(
      facts(
        'platform-without-machine-readable-interface',
        EXAMPLES['platform-without-machine-readable-interface'],
      ),
      '',
    );
    expect(entry).toEqual({
      id: 'b3c1f1de-0000-4000-8000-000000000001',
      kind: 'platform',
      title: 'Geoportal Hamburg',
    });
    expect(sentence.de).toBe(
      'Die Plattform „Geoportal Hamburg“ (Geoportal) nennt keine maschinenlesbare Schnittstelle (kein CSW-, WFS-, OGC-API-, SensorThings-, DCAT- oder CKAN-Endpunkt; verknüpft sind nur WMS und WMTS).',
    );
  });

  it('counts with German plurals and decimal commas, planned and non-public entries', () => {
    const portal = explainFinding(
      facts('land-without-open-data-portal', EXAMPLES['land-without-open-data-portal']),
      '',
    ).sentence.de;
    expect(portal).toBe(
      'Für Hamburg ist kein Open-Data-Portal im Pilot- oder Produktivbetrieb erfasst (geplant ist „Neues Portal“; 2 weitere geplante Einträge sind nicht öffentlich).',
    );
    expect(
      explainFinding(facts('dataset-without-bbox', EXAMPLES['dataset-without-bbox']), '').sentence
        .de,
    ).toBe('1 von 1 Datensatz aus Hamburg hat keine räumliche Ausdehnung (Bounding Box).');
    const quality = explainFinding(
      facts('land-metadata-quality-low', EXAMPLES['land-metadata-quality-low']),
      '',
    ).sentence.de;
    expect(quality).toContain('48,3 %');
    expect(quality).toContain('am schwächsten: Interoperabilität mit 30,5 %');
    const federal = explainFinding(
      facts('dataset-without-contact', EXAMPLES['dataset-without-contact'], null as never),
      '',
    );
    expect(federal.entry).toEqual({ id: 'federal', kind: 'land', title: 'Bund' });
    expect(federal.sentence.de).toBe(
      '2 von 5 Datensätzen des Bundes nennen keinen Ansprechpartner.',
    );
  });

  it('writes times in German local time (summer and winter)', () => {
    expect(localTime('2026-12-07T05:30:00Z', 'de')).toBe('7. Dezember 2026, 06:30 Uhr');
    expect(localTime('2026-07-01T10:15:00Z', 'de')).toBe('1. Juli 2026, 12:15 Uhr');
    expect(localTime('not a time', 'de')).toBeNull();
  });
});

describe('Handlungsbedarfe v2', () => {
  it('is v1 with only the interface rule changed, and that rule at version 2', () => {
    expect(() => assertValidRuleSet(HANDLUNGSBEDARFE_V2)).not.toThrow();
    // v3 (issue 22) is v2 followed by the survey rounds' rules.
    expect(ACTIVE_RULE_SET.rules.slice(0, HANDLUNGSBEDARFE_V2.rules.length)).toEqual(
      HANDLUNGSBEDARFE_V2.rules,
    );
    expect(HANDLUNGSBEDARFE_V2.rules.map((r) => r.id)).toEqual(
      HANDLUNGSBEDARFE_V1.rules.map((r) => r.id),
    );
    const changed = HANDLUNGSBEDARFE_V2.rules.filter((r, i) => r !== HANDLUNGSBEDARFE_V1.rules[i]);
    expect(changed.map((r) => [r.id, r.version])).toEqual([
      ['platform-without-machine-readable-interface', 2],
    ]);
    const sql = changed[0].sql;
    for (const type of ['dcatRdf', 'ckanApi', 'ogcApiRecords', 'csw', 'wfs'])
      expect(sql).toContain(`'${type}'`);
    expect(sql).not.toContain("'wms'");
    expect(sql).toContain("'dcat-ap-de'");
  });

  it('names only service types and standards the vocabulary knows', () => {
    for (const type of MACHINE_READABLE_SERVICE_TYPES_V2) expect(SERVICE_TYPES).toContain(type);
    const codes = STANDARDS.map((s) => s.code);
    for (const code of MACHINE_READABLE_STANDARDS_V2) expect(codes).toContain(code);
  });
});
