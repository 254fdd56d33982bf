import {
  DigizDeRelation,
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
import { EnumCodec } from './enum-codec';

const contractValues = (e: object) =>
  Object.values(e).filter((v) => typeof v === 'number' && v !== 0);

describe('digital twin vocabularies ↔ contract enums', () => {
  it.each([
    ['scope', TWIN_SCOPES, twinScopeCodec, TwinScope],
    ['kind', TWIN_KINDS, twinKindCodec, TwinKind],
    ['capability', TWIN_CAPABILITIES, twinCapabilityCodec, TwinCapability],
    ['use case', TWIN_USE_CASES, twinUseCaseCodec, TwinUseCase],
    ['data basis', TWIN_DATA_BASES, twinDataBasisCodec, TwinDataBasis],
    ['3D format', THREE_D_FORMATS, threeDFormatCodec, ThreeDFormat],
    ['DigiZ-DE relation', DIGIZ_DE_RELATIONS, digizDeRelationCodec, DigizDeRelation],
  ] as [string, readonly string[], EnumCodec<string, number>, object][])(
    '%s round-trips and covers the contract',
    (_name, words, codec, pb) => {
      for (const word of words) expect(codec.fromPb(codec.toPb(word))).toBe(word);
      expect(contractValues(pb)).toHaveLength(words.length);
    },
  );
});
