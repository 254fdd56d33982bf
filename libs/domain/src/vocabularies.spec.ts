import {
  DigizDeRelation,
  EndpointAuthentication,
  JobState,
  RoundRecordStatus,
  SurveyRoundState,
  ServiceType,
  ThreeDFormat,
  TwinCapability,
  TwinDataBasis,
  TwinKind,
  TwinScope,
  TwinUseCase,
} from '@dpi/contracts';
import {
  DIGIZ_DE_RELATIONS,
  digizDeRelationCodec,
  THREE_D_FORMATS,
  threeDFormatCodec,
  TWIN_CAPABILITIES,
  TWIN_DATA_BASES,
  TWIN_KINDS,
  TWIN_SCOPES,
  TWIN_USE_CASES,
  twinCapabilityCodec,
  twinDataBasisCodec,
  twinKindCodec,
  twinScopeCodec,
  twinUseCaseCodec,
} from './digital-twin';
import {
  ENDPOINT_AUTHENTICATIONS,
  endpointAuthenticationCodec,
  SERVICE_TYPES,
  serviceTypeCodec,
} from './endpoint';
import { EnumCodec } from './enum-codec';
import { JOB_STATES, ROUND_RECORD_STATUSES, SURVEY_ROUND_STATES } from './labels';

const contractValues = (e: object) =>
  Object.values(e).filter((v) => typeof v === 'number' && v !== 0);

describe('digital twin and endpoint vocabularies ↔ contract enums', () => {
  it.each([
    ['scope', TWIN_SCOPES, twinScopeCodec, TwinScope],
    ['kind', TWIN_KINDS, twinKindCodec, TwinKind],
    ['capability', TWIN_CAPABILITIES, twinCapabilityCodec, TwinCapability],
    ['use case', TWIN_USE_CASES, twinUseCaseCodec, TwinUseCase],
    ['data basis', TWIN_DATA_BASES, twinDataBasisCodec, TwinDataBasis],
    ['3D format', THREE_D_FORMATS, threeDFormatCodec, ThreeDFormat],
    ['DigiZ-DE relation', DIGIZ_DE_RELATIONS, digizDeRelationCodec, DigizDeRelation],
    ['service type', SERVICE_TYPES, serviceTypeCodec, ServiceType],
    [
      'authentication',
      ENDPOINT_AUTHENTICATIONS,
      endpointAuthenticationCodec,
      EndpointAuthentication,
    ],
  ] as [string, readonly string[], EnumCodec<string, number>, object][])(
    '%s round-trips and covers the contract',
    (_name, words, codec, pb) => {
      for (const word of words) expect(codec.fromPb(codec.toPb(word))).toBe(word);
      expect(contractValues(pb)).toHaveLength(words.length);
    },
  );
});

describe('labelled state vocabularies ↔ contract enums', () => {
  it.each([
    ['harvest job state', JOB_STATES, JobState, 'PARTIALLY_SUCCEEDED'],
    ['survey round state', SURVEY_ROUND_STATES, SurveyRoundState, 'CLOSED'],
    ['round record status', ROUND_RECORD_STATUSES, RoundRecordStatus, 'WITHDRAWN'],
  ] as [string, readonly string[], Record<string, number | string>, string][])(
    '%s has a word for every value of the contract',
    (_name, words, pb, member) => {
      expect(contractValues(pb)).toHaveLength(words.length);
      expect(typeof pb[member]).toBe('number');
      const camel = member.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      expect(words).toContain(camel);
    },
  );
});
