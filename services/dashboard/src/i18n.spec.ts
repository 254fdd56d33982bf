import {
  EU_THEMES,
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  TWIN_KINDS,
  TWIN_USE_CASES,
} from '@dpi/domain';
import { codes, label, t } from './i18n';

describe('i18n', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('de', 'itemsCount', { shown: 3, total: 10 })).toBe('3 von 10 Einträgen');
    expect(t('en', 'itemsCount', { shown: 3 })).toBe('3 of {total} entries');
  });

  it('labels codes and shows unknown codes as they are', () => {
    expect(label('de', 'platformType', 'urbanDataPlatform')).toBe('Urbane Datenplattform');
    expect(label('en', 'status', 'production')).toBe('production');
    expect(label('de', 'platformType', 'quantumPortal')).toBe('quantumPortal');
    expect(label('de', 'platformType', 'toString')).toBe('toString');
    expect(label('de', 'status', null)).toBe('–');
  });

  // The dashboard bundle does not load @dpi/domain (it would pull in the protobuf runtime), so its
  // labels are checked against the domain's vocabularies here.
  it.each([
    ['platformType', PLATFORM_TYPES],
    ['status', PLATFORM_STATUSES],
    ['twinKind', TWIN_KINDS],
    ['twinUseCase', TWIN_USE_CASES],
    ['euTheme', EU_THEMES],
  ] as const)('has a label for every %s of the domain', (vocabulary, domain) => {
    expect(codes(vocabulary)).toEqual([...domain]);
  });
});
