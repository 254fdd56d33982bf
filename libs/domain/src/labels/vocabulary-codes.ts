import {
  ACCESS_RIGHTS,
  EU_THEMES,
  FREQUENCIES,
  GEOCODING_LEVELS,
  HIERARCHY_LEVELS,
  OPEN_LICENCE_IDS,
} from '../dcat';
import { FUNDING_SOURCES, REUSABILITY_LEVELS } from '../platform-profile';
import { STANDARDS } from '../standards';
import { ENDPOINT_AUTHENTICATIONS, SERVICE_TYPES } from '../vocabularies/endpoint';
import { ADMINISTRATIVE_LEVELS, NETWORKS, ORGANISATION_TYPES } from '../vocabularies/organisation';
import { PLATFORM_STATUSES, PLATFORM_TYPES, RECORD_SOURCES } from '../vocabularies/platform';
import {
  DIGIZ_DE_RELATIONS,
  THREE_D_FORMATS,
  TWIN_CAPABILITIES,
  TWIN_DATA_BASES,
  TWIN_KINDS,
  TWIN_SCOPES,
  TWIN_USE_CASES,
} from '../vocabularies/twin';

/** `[de, en]` per code. */
export type Labels = Readonly<Record<string, readonly [de: string, en: string]>>;

/** Kinds of records the inventory holds. */
export const RECORD_KINDS = ['platform', 'twin', 'dataset', 'endpoint', 'organisation'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Severities of Handlungsbedarfe (reporting's rules). */
export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
/** MQA rating classes of the metadata quality (reporting's quality method). */
export const QUALITY_RATINGS = ['excellent', 'good', 'sufficient', 'bad'] as const;
/** States of a harvest job (the harvester's JobState). */
export const JOB_STATES = [
  'queued',
  'running',
  'succeeded',
  'partiallySucceeded',
  'failed',
  'cancelled',
] as const;

/** States of a survey round (Erhebungsrunde, issue 22; the contract's SurveyRoundState). */
export const SURVEY_ROUND_STATES = ['open', 'closed'] as const;
/** What a Land did with a record in a survey round (the contract's RoundRecordStatus). */
export const ROUND_RECORD_STATUSES = ['open', 'confirmed', 'updated', 'withdrawn'] as const;

/** The codes of every vocabulary that has labels, by vocabulary name. */
export const VOCABULARY_CODES = {
  kind: RECORD_KINDS,
  platformType: PLATFORM_TYPES,
  status: PLATFORM_STATUSES,
  recordSource: RECORD_SOURCES,
  twinScope: TWIN_SCOPES,
  twinKind: TWIN_KINDS,
  twinCapability: TWIN_CAPABILITIES,
  twinUseCase: TWIN_USE_CASES,
  twinDataBasis: TWIN_DATA_BASES,
  threeDFormat: THREE_D_FORMATS,
  digizDeRelation: DIGIZ_DE_RELATIONS,
  serviceType: SERVICE_TYPES,
  endpointAuthentication: ENDPOINT_AUTHENTICATIONS,
  administrativeLevel: ADMINISTRATIVE_LEVELS,
  organisationType: ORGANISATION_TYPES,
  network: NETWORKS,
  euTheme: EU_THEMES,
  accessRight: ACCESS_RIGHTS,
  frequency: FREQUENCIES,
  geocodingLevel: GEOCODING_LEVELS,
  hierarchyLevel: HIERARCHY_LEVELS,
  reusability: REUSABILITY_LEVELS,
  fundingSource: FUNDING_SOURCES,
  standard: STANDARDS.map((s) => s.code),
  licence: OPEN_LICENCE_IDS,
  severity: SEVERITIES,
  qualityRating: QUALITY_RATINGS,
  jobState: JOB_STATES,
  surveyRoundState: SURVEY_ROUND_STATES,
  roundRecordStatus: ROUND_RECORD_STATUSES,
} as const satisfies Record<string, readonly string[]>;

export type VocabularyName = keyof typeof VOCABULARY_CODES;
