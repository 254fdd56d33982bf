/**
 * The labels entry point (issue 18, issue 21 part 8): German and English labels of every vocabulary
 * code, a label look-up and German/English plurals. It imports no protobuf and no Node API, so the
 * dashboard's Vite build can import it as well as reporting's exports:
 *
 *   import { label, countLabel } from '@dpi/domain/src/labels';   // dashboard (bundler resolution)
 *   import { label, countLabel } from '@dpi/domain';              // services
 */
import * as L from './labels';
import { Labels, VocabularyName } from './vocabulary-codes';

export * from './plural';
export * from './vocabulary-codes';
export {
  THREE_D_FORMAT_ALIASES,
  THREE_D_FORMAT_STANDARD,
  canonicalThreeDFormat,
} from '../vocabularies/twin';

export type LabelLanguage = 'de' | 'en';

/** Every vocabulary's labels, by vocabulary name. */
export const VOCABULARY_LABELS: Readonly<Record<VocabularyName, Labels>> = {
  kind: L.RECORD_KIND_LABELS,
  platformType: L.PLATFORM_TYPE_LABELS,
  status: L.PLATFORM_STATUS_LABELS,
  recordSource: L.RECORD_SOURCE_LABELS,
  twinScope: L.TWIN_SCOPE_LABELS,
  twinKind: L.TWIN_KIND_LABELS,
  twinCapability: L.TWIN_CAPABILITY_LABELS,
  twinUseCase: L.TWIN_USE_CASE_LABELS,
  twinDataBasis: L.TWIN_DATA_BASIS_LABELS,
  threeDFormat: L.THREE_D_FORMAT_LABELS,
  digizDeRelation: L.DIGIZ_DE_RELATION_LABELS,
  serviceType: L.SERVICE_TYPE_LABELS,
  endpointAuthentication: L.ENDPOINT_AUTHENTICATION_LABELS,
  administrativeLevel: L.ADMINISTRATIVE_LEVEL_LABELS,
  organisationType: L.ORGANISATION_TYPE_LABELS,
  network: L.NETWORK_LABELS,
  euTheme: L.EU_THEME_LABELS,
  accessRight: L.ACCESS_RIGHT_LABELS,
  frequency: L.FREQUENCY_LABELS,
  geocodingLevel: L.GEOCODING_LEVEL_LABELS,
  hierarchyLevel: L.HIERARCHY_LEVEL_LABELS,
  reusability: L.REUSABILITY_LABELS,
  fundingSource: L.FUNDING_SOURCE_LABELS,
  standard: L.STANDARD_LABELS,
  licence: L.LICENCE_LABELS,
  severity: L.SEVERITY_LABELS,
  qualityRating: L.QUALITY_RATING_LABELS,
  jobState: L.JOB_STATE_LABELS,
  surveyRoundState: L.SURVEY_ROUND_STATE_LABELS,
  roundRecordStatus: L.ROUND_RECORD_STATUS_LABELS,
};

/**
 * The label of a code in a language; '–' for no value, the code itself when it is unknown (a
 * vocabulary that grows on the server never breaks a page or an export — labels.spec.ts makes sure
 * no known code lacks a label).
 */
export function label(
  lang: LabelLanguage,
  vocabulary: VocabularyName,
  code: string | null | undefined,
): string {
  if (code === null || code === undefined || code === '') return '–';
  const labels = VOCABULARY_LABELS[vocabulary];
  const entry = Object.hasOwn(labels, code) ? labels[code] : undefined;
  return entry ? entry[lang === 'de' ? 0 : 1] : code;
}

/** One language's labels of a vocabulary as a plain map (code → label). */
export function labelMap(lang: LabelLanguage, vocabulary: VocabularyName): Record<string, string> {
  return Object.fromEntries(
    Object.entries(VOCABULARY_LABELS[vocabulary]).map(([code, pair]) => [
      code,
      pair[lang === 'de' ? 0 : 1],
    ]),
  );
}

/** Codes of `codes` that lack a German or an English label (empty when every code has both). */
export function missingLabels(
  codes: Readonly<Record<string, readonly string[]>>,
  labels: Readonly<Record<string, Labels>>,
): string[] {
  const missing: string[] = [];
  for (const [vocabulary, list] of Object.entries(codes)) {
    const table = labels[vocabulary] ?? {};
    for (const code of list) {
      const pair = Object.hasOwn(table, code) ? table[code] : undefined;
      if (!pair?.[0]?.trim()) missing.push(`${vocabulary}.${code} (de)`);
      if (!pair?.[1]?.trim()) missing.push(`${vocabulary}.${code} (en)`);
    }
  }
  return missing;
}
