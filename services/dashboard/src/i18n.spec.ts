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
    expect(t('de', 'itemsCount', { shown: 1, total: 1 })).toBe('1 von 1 Eintrag');
    expect(t('en', 'itemsCount', { shown: 3 })).toBe('3 of {total} {total:entry|entries}');
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

  it('uses the German and English plural forms', () => {
    expect(t('de', 'twinsOf', { n: 1 })).toBe('1 Zwilling');
    expect(t('de', 'twinsOf', { n: 2 })).toBe('2 Zwillinge');
    expect(t('de', 'twinsOf', { n: 0 })).toBe('0 Zwillinge');
    expect(t('de', 'findingsOf', { n: '1' })).toBe('1 Handlungsbedarf');
    expect(t('de', 'findingsOf', { n: '1.234' })).toBe('1.234 Handlungsbedarfe');
    expect(t('de', 'findingsCount', { shown: 1, total: 1 })).toBe('1 von 1 Handlungsbedarf');
    expect(t('en', 'cluster', { n: 1 })).toBe('1 entry');
    expect(t('en', 'filtersActive', { n: 2 })).toBe('2 filters active');
    // A plural without its value stays visible as written (a missing value is a bug to see).
    expect(t('de', 'twinsOf')).toBe('{n} {n:Zwilling|Zwillinge}');
  });
});
