import { ReportingUnderTest, startReporting } from './reporting.test-helper';

// What read-models.int-spec.ts and read-models-edge-cases.int-spec.ts share: the API's shapes, a
// reporting service tuned for them and its two list queries.

export interface Item {
  kind: string;
  id: string;
  landCode: string | null;
  landName: string | null;
  title: string;
  type: string;
  links: Record<string, unknown>;
  geometry: { type: string } | null;
  bbox: number[] | null;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}
export interface Finding {
  id: string;
  ruleId: string;
  landCode: string | null;
  recordIds: string[];
  evidence: Record<string, unknown>;
  title: string;
  severity: string;
}

/** A reporting service (own schema and topics, label `label`) with findings that follow at once. */
export function startReadModels(label: string): Promise<ReportingUnderTest> {
  // Findings follow each change within the debounce, not after 19 times the last evaluation's
  // duration (over 10 s on a busy machine), so the tests' waits need no room for the throttle.
  return startReporting(label, {
    FINDINGS_DEBOUNCE_MS: '50',
    FINDINGS_GAP_PER_RUN_TIME: '0',
  });
}

/** GET /api/v1/items and /api/v1/findings (up to 500) of the service `r()` returns. */
export function listQueries(r: () => ReportingUnderTest): {
  items(query: string): Promise<Page<Item>>;
  findings(query: string): Promise<Page<Finding>>;
} {
  return {
    items: (query) => r().get<Page<Item>>(`/api/v1/items?${query}`),
    findings: (query) => r().get<Page<Finding>>(`/api/v1/findings?limit=500&${query}`),
  };
}
