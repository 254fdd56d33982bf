import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLand, LAENDER, stateKeyUri } from './laender';

interface ReferenceLand {
  iso: string;
  key: string;
  abbr: string;
  name: string;
  capital: string;
}

const referencePath = join(__dirname, '../../../../shared/reference/laender.json');

describe('LAENDER', () => {
  it('equals the shared reference facts, in order', () => {
    const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as ReferenceLand[];
    expect(
      LAENDER.map(({ code, key, abbr, name, capital }) => ({
        iso: code,
        key,
        abbr,
        name,
        capital,
      })),
    ).toEqual(reference);
  });

  it('builds the DCAT-AP.de stateKey URI', () => {
    const hamburg = findLand('DE-HH');
    expect(hamburg && stateKeyUri(hamburg)).toBe(
      'http://dcat-ap.de/def/politicalGeocoding/stateKey/02',
    );
    expect(findLand('DE-XX')).toBeUndefined();
  });
});
