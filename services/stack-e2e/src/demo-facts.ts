/**
 * Compares the Handlungsbedarfe reporting finds in the demo inventory with the public facts of
 * ../shared/reference/platforms.json: a rule must not say a Land lacks what the facts say it
 * has (an official who reads "Berlin hat kein Open-Data-Portal" stops trusting the tool), and,
 * as far as the facts go, it must flag the Länder that do lack it.
 */

/** One entry of platforms.json. */
export interface PlatformFact {
  landCode: string;
  name: string;
  kind: string;
  status: string;
  url: string | null;
  cswUrl?: string | null;
  standards: string[];
  confidence: string;
}

/** A finding as GET /api/v1/findings returns it (the fields compared). */
export interface Finding {
  ruleId: string;
  landCode: string | null;
  evidence: Record<string, unknown>;
}

/**
 * The rules that say a Land lacks something, and the facts that say it has it: the kinds of
 * platforms.json and the statuses the rule counts (handlungsbedarfe.v1.ts: a platform counts in
 * pilot or production; any registered twin counts, the twin model has no status).
 */
export const LAND_RULES: Record<string, { kinds: string[]; statuses: string[] | 'any' }> = {
  'land-without-open-data-portal': { kinds: ['openDataPortal'], statuses: ['pilot', 'production'] },
  'land-without-urban-data-platform': {
    kinds: ['urbanDataPlatform'],
    statuses: ['pilot', 'production'],
  },
  'land-without-digital-twin': { kinds: ['digitalTwin'], statuses: 'any' },
};

const MACHINE_READABLE_RULE = 'platform-without-machine-readable-interface';

export interface Comparison {
  /** Findings the facts contradict, in words. */
  falseFindings: string[];
  /** Gaps the facts show that no finding names, in words. */
  missedGaps: string[];
  /** Rules saying a Land lacks something that LAND_RULES does not map to the facts. */
  unmappedRules: string[];
}

/** What a fact says exists (status "not found" records that nothing was found). */
const exists = (fact: PlatformFact, statuses: string[] | 'any') =>
  fact.status !== 'not found' && (statuses === 'any' || statuses.includes(fact.status));

/**
 * Whether a fact names an interface with its address, as build-demo.mjs turns into a linked
 * endpoint: a CSW address, a SensorThings root, an "OGC API – Features (https://…)" standard.
 */
export function namesInterface(fact: PlatformFact): boolean {
  return (
    Boolean(fact.cswUrl) ||
    fact.standards.some((s) => /^OGC API – Features \(https:\/\//.test(s)) ||
    (fact.standards.some((s) => /SensorThings/.test(s)) && /\/v1\.[01]\/?$/.test(fact.url ?? ''))
  );
}

/**
 * Compares findings with facts. `ruleIds`: every rule of the active rule set, so that a new
 * "Land ohne …" rule cannot go unchecked.
 */
export function compareWithFacts(
  findings: readonly Finding[],
  facts: readonly PlatformFact[],
  ruleIds: readonly string[],
): Comparison {
  const falseFindings: string[] = [];
  const missedGaps: string[] = [];
  const laender = [...new Set(facts.map((f) => f.landCode))].filter((c) => c !== 'DE').sort();
  for (const [ruleId, { kinds, statuses }] of Object.entries(LAND_RULES)) {
    const flagged = new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.landCode));
    for (const land of laender) {
      const had = facts.filter(
        (f) => f.landCode === land && kinds.includes(f.kind) && exists(f, statuses),
      );
      if (had.length > 0 && flagged.has(land))
        falseFindings.push(
          `${ruleId} ${land}, the facts name: ${had.map((f) => f.name).join('; ')}`,
        );
      if (had.length === 0 && !flagged.has(land))
        missedGaps.push(`${ruleId} ${land}: the facts name none, no finding says so`);
    }
  }
  for (const finding of findings.filter((f) => f.ruleId === MACHINE_READABLE_RULE)) {
    const fact = facts.find(
      (f) => f.landCode === finding.landCode && f.name === finding.evidence['platform'],
    );
    if (fact && namesInterface(fact))
      falseFindings.push(
        `${MACHINE_READABLE_RULE} ${finding.landCode} "${fact.name}", the facts name its interface`,
      );
  }
  const unmappedRules = ruleIds.filter((id) => /^land-without-/.test(id) && !(id in LAND_RULES));
  return { falseFindings, missedGaps, unmappedRules };
}
