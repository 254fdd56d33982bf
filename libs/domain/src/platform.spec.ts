import { PlatformType as PlatformTypePb } from '@dpi/contracts';
import {
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  platformStatusFromPb,
  platformStatusToPb,
  platformTypeFromPb,
  platformTypeToPb,
} from './platform';

describe('platform vocabulary ↔ contract enums', () => {
  it('round-trips every type and status', () => {
    for (const type of PLATFORM_TYPES)
      expect(platformTypeFromPb(platformTypeToPb(type))).toBe(type);
    for (const status of PLATFORM_STATUSES) {
      expect(platformStatusFromPb(platformStatusToPb(status))).toBe(status);
    }
  });

  it('covers every contract value except UNSPECIFIED', () => {
    const contractValues = Object.values(PlatformTypePb).filter(
      (v) => typeof v === 'number' && v !== 0,
    );
    expect(contractValues).toHaveLength(PLATFORM_TYPES.length);
    expect(() => platformTypeFromPb(PlatformTypePb.UNSPECIFIED)).toThrow('unknown PlatformType 0');
  });
});
