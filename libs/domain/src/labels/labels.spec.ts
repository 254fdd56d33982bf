import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COUNTED_NOUNS,
  countLabel,
  label,
  labelMap,
  missingLabels,
  VOCABULARY_CODES,
  VOCABULARY_LABELS,
} from './index';

describe('labels entry point', () => {
  it('has a German and an English label for every code of every vocabulary', () => {
    expect(missingLabels(VOCABULARY_CODES, VOCABULARY_LABELS)).toEqual([]);
  });

  it('names what is missing when a code has no German or no English label (negative control)', () => {
    const labels = {
      ...VOCABULARY_LABELS,
      threeDFormat: {
        ...VOCABULARY_LABELS.threeDFormat,
        'citygml-2': ['CityGML 2.0', ''] as const,
      },
      euTheme: Object.fromEntries(
        Object.entries(VOCABULARY_LABELS.euTheme).filter(([code]) => code !== 'ENER'),
      ),
    };
    expect(missingLabels(VOCABULARY_CODES, labels)).toEqual([
      'threeDFormat.citygml-2 (en)',
      'euTheme.ENER (de)',
      'euTheme.ENER (en)',
    ]);
  });

  it('labels no code that its vocabulary does not have (a stale label is a renamed code)', () => {
    for (const [vocabulary, codes] of Object.entries(VOCABULARY_CODES)) {
      expect([
        vocabulary,
        Object.keys(VOCABULARY_LABELS[vocabulary as keyof typeof VOCABULARY_CODES]),
      ]).toEqual([vocabulary, [...codes]]);
    }
  });

  it('gives no two codes of a vocabulary the same label (no "Energie" twice in one list)', () => {
    for (const [vocabulary, labels] of Object.entries(VOCABULARY_LABELS)) {
      for (const lang of [0, 1]) {
        const texts = Object.entries(labels)
          // GeoNutzV's id is spelt two ways in the wild; both are the same licence.
          .filter(([code]) => !(vocabulary === 'licence' && code === 'geoNutz/20130319'))
          .map(([, pair]) => pair[lang]);
        expect([vocabulary, lang, texts.length]).toEqual([vocabulary, lang, new Set(texts).size]);
      }
    }
  });

  it('keeps the theme filter free of doubles: twin use cases and EU themes read differently', () => {
    for (const lang of ['de', 'en'] as const) {
      const useCases = Object.values(labelMap(lang, 'twinUseCase'));
      const themes = Object.values(labelMap(lang, 'euTheme'));
      expect(useCases.filter((text) => themes.includes(text))).toEqual([]);
    }
  });

  it('looks a code up per language, shows unknown codes as they are and no value as a dash', () => {
    expect(label('de', 'threeDFormat', '3d-tiles')).toBe('3D Tiles');
    expect(label('de', 'kind', 'twin')).toBe('Digitaler Zwilling');
    expect(label('en', 'kind', 'twin')).toBe('Digital twin');
    expect(label('de', 'euTheme', 'ENER')).toBe('Energie');
    expect(label('de', 'platformType', 'somethingNew')).toBe('somethingNew');
    expect(label('de', 'status', null)).toBe('–');
    expect(label('de', 'kind', 'toString')).toBe('toString');
  });

  it('imports no protobuf and no Node API, so the dashboard can bundle it', () => {
    const files = ['index.ts', 'labels.ts', 'plural.ts', 'vocabulary-codes.ts'].map((f) =>
      join(__dirname, f),
    );
    const imported = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from '([^']+)';/gm)].map(
        (m) => m[1],
      ),
    );
    const reached = new Set(imported.filter((i) => i.startsWith('..')));
    for (const dep of reached) {
      const text = readFileSync(join(__dirname, `${dep}.ts`), 'utf8');
      expect([dep, /^(?:import|export)\b[^;]*?from '(?!\.)/m.test(text)]).toEqual([dep, false]);
    }
    expect(imported.filter((i) => !i.startsWith('.'))).toEqual([]);
  });
});

describe('countLabel (German and English plurals)', () => {
  it.each([
    ['de', 0, 'twin', '0 Zwillinge'],
    ['de', 1, 'twin', '1 Zwilling'],
    ['de', 2, 'twin', '2 Zwillinge'],
    ['de', 1, 'finding', '1 Handlungsbedarf'],
    ['de', 117, 'finding', '117 Handlungsbedarfe'],
    ['de', 1234, 'entry', '1.234 Einträge'],
    ['de', 1, 'land', '1 Land'],
    ['de', 16, 'land', '16 Länder'],
    ['en', 1, 'twin', '1 twin'],
    ['en', 2, 'dataset', '2 datasets'],
    ['en', 1234, 'entry', '1,234 entries'],
  ] as const)('%s %d %s → %s', (lang, count, noun, text) => {
    expect(countLabel(lang, count, noun)).toBe(text);
  });

  it('has both forms in both languages for every noun', () => {
    for (const forms of Object.values(COUNTED_NOUNS))
      for (const lang of ['de', 'en'] as const) {
        expect(forms[lang].one).not.toBe('');
        expect(forms[lang].other).not.toBe(forms[lang].one);
      }
  });

  it('takes the forms of a noun the list does not hold', () => {
    expect(countLabel('de', 1, { one: 'Quelle', other: 'Quellen' })).toBe('1 Quelle');
    expect(countLabel('de', 3, { one: 'Quelle', other: 'Quellen' })).toBe('3 Quellen');
  });
});
