import { SHARED_DIR, WORKSPACE_ROOT } from '@dpi/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareWithFacts, Finding, LAND_RULES, PlatformFact } from './demo-facts';

const REFERENCE = join(SHARED_DIR, 'reference');
const FACTS: PlatformFact[] = JSON.parse(readFileSync(join(REFERENCE, 'platforms.json'), 'utf8'));
const RULE_IDS = [...Object.keys(LAND_RULES), 'platform-without-machine-readable-interface'];
const LAENDER = [...new Set(FACTS.map((f) => f.landCode))].filter((c) => c !== 'DE');

/** The findings the land rules give when the inventory holds exactly the facts. */
function truthfulFindings(facts: readonly PlatformFact[]): Finding[] {
  return Object.entries(LAND_RULES).flatMap(([ruleId, { kinds, statuses }]) =>
    LAENDER.filter(
      (land) =>
        !facts.some(
          (f) =>
            f.landCode === land &&
            kinds.includes(f.kind) &&
            f.status !== 'not found' &&
            (statuses === 'any' || statuses.includes(f.status)),
        ),
    ).map((landCode) => ({ ruleId, landCode, evidence: {} })),
  );
}

describe('compareWithFacts (demo Handlungsbedarfe against ../shared/reference)', () => {
  it('finds nothing wrong with findings that follow the facts', () => {
    const findings = truthfulFindings(FACTS);
    expect(
      findings.filter((f) => f.ruleId === 'land-without-open-data-portal').map((f) => f.landCode),
    ).toEqual(['DE-MV', 'DE-NI', 'DE-SL']);
    expect(compareWithFacts(findings, FACTS, RULE_IDS)).toEqual({
      falseFindings: [],
      missedGaps: [],
      unmappedRules: [],
    });
  });

  it('names a Land flagged for lacking what the facts say it has (Berlin’s portal gone from the data)', () => {
    const withoutBerlinPortal = FACTS.filter(
      (f) => !(f.landCode === 'DE-BE' && f.kind === 'openDataPortal'),
    );
    const { falseFindings } = compareWithFacts(
      truthfulFindings(withoutBerlinPortal),
      FACTS,
      RULE_IDS,
    );
    expect(falseFindings).toEqual([
      'land-without-open-data-portal DE-BE, the facts name: Berlin Open Data (daten.berlin.de)',
    ]);
  });

  it('names a gap of the facts that no finding reports', () => {
    const findings = truthfulFindings(FACTS).filter(
      (f) => !(f.ruleId === 'land-without-digital-twin' && f.landCode === 'DE-NI'),
    );
    expect(compareWithFacts(findings, FACTS, RULE_IDS).missedGaps).toEqual([
      'land-without-digital-twin DE-NI: the facts name none, no finding says so',
    ]);
  });

  it('a planned platform does not count (as the rules count them)', () => {
    // Cottbus (planned) is no urban data platform of Brandenburg, Potsdam (pilot) is.
    const withoutPotsdam = FACTS.filter((f) => !f.name.startsWith('Urbane Datenplattform (UDP)'));
    const flagged = truthfulFindings(withoutPotsdam).filter(
      (f) => f.ruleId === 'land-without-urban-data-platform' && f.landCode === 'DE-BB',
    );
    expect(compareWithFacts(flagged, FACTS, RULE_IDS).falseFindings).toEqual([
      expect.stringContaining('land-without-urban-data-platform DE-BB'),
    ]);
    expect(compareWithFacts(flagged, withoutPotsdam, RULE_IDS).falseFindings).toEqual([]);
  });

  it('a platform whose interface address the facts name must not be flagged without one', () => {
    const finding = (landCode: string, platform: string): Finding => ({
      ruleId: 'platform-without-machine-readable-interface',
      landCode,
      evidence: { platform },
    });
    const findings = [
      ...truthfulFindings(FACTS),
      finding('DE-HH', 'Geoportal Hamburg'), // CSW via METAVER
      finding('DE-HH', 'UDP Hamburg SensorThings service (FROST)'), // a SensorThings root
      finding('DE-HE', 'Geoportal Hessen'), // WMS/WFS named, no address: the finding stands
    ];
    expect(compareWithFacts(findings, FACTS, RULE_IDS).falseFindings).toEqual([
      expect.stringContaining('"Geoportal Hamburg"'),
      expect.stringContaining('"UDP Hamburg SensorThings service (FROST)"'),
    ]);
  });

  it('reports a "Land ohne …" rule it cannot compare', () => {
    expect(
      compareWithFacts(truthfulFindings(FACTS), FACTS, [...RULE_IDS, 'land-without-data-space'])
        .unmappedRules,
    ).toEqual(['land-without-data-space']);
  });
});

describe('deploy/local/demo/inventory.json is what build-demo.mjs makes of the facts', () => {
  const build = (referenceDir: string) =>
    execFileSync(
      process.execPath,
      [join(WORKSPACE_ROOT, 'deploy/local/demo/build-demo.mjs'), referenceDir, '--check'],
      { encoding: 'utf8', stdio: 'pipe' },
    );

  it('matches the facts of ../shared/reference', () => {
    expect(build(REFERENCE)).toContain('matches the facts');
  });

  it('detects drift: one fact less gives another file', () => {
    const doctored = mkdtempSync(join(tmpdir(), 'demo-facts-'));
    try {
      writeFileSync(
        join(doctored, 'platforms.json'),
        JSON.stringify(FACTS.filter((f) => f.name !== 'Berlin Open Data (daten.berlin.de)')),
      );
      expect(() => build(doctored)).toThrow(/differs from what the facts/);
    } finally {
      rmSync(doctored, { recursive: true, force: true });
    }
  });
});
