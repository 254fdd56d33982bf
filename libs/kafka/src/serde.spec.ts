import { create } from '@bufbuild/protobuf';
import {
  ChangeKind,
  PlatformChangedSchema,
  PlatformSchema,
  PlatformStatus,
  PlatformType,
} from '@dpi/contracts';
import { decodeMessage, encodeMessage } from './serde';

describe('protobuf serde', () => {
  const message = create(PlatformChangedSchema, {
    kind: ChangeKind.CREATED,
    platform: create(PlatformSchema, {
      id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      landCode: 'DE-HH',
      name: 'Urban Data Platform Hamburg',
      type: PlatformType.URBAN_DATA_PLATFORM,
      status: PlatformStatus.PRODUCTION,
      version: 1n,
    }),
  });

  it('round-trips a PlatformChanged', () => {
    const decoded = decodeMessage(
      PlatformChangedSchema,
      encodeMessage(PlatformChangedSchema, message),
    );
    expect(decoded.platform?.name).toBe('Urban Data Platform Hamburg');
    expect(decoded.platform?.version).toBe(1n);
    expect(decoded.kind).toBe(ChangeKind.CREATED);
  });

  it('refuses a value whose schema header names another message', () => {
    expect(() =>
      decodeMessage(
        PlatformChangedSchema,
        encodeMessage(PlatformChangedSchema, message),
        'dpi.registry.v1.Other',
      ),
    ).toThrow('expected schema dpi.registry.v1.PlatformChanged, got dpi.registry.v1.Other');
  });

  it('rejects bytes that are not a protobuf message', () => {
    expect(() => decodeMessage(PlatformChangedSchema, Buffer.from([0xff, 0xff, 0xff]))).toThrow();
  });
});
