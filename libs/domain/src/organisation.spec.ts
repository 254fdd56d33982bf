import { AdministrativeLevel, Network, OrganisationType } from '@dpi/contracts';
import {
  ADMINISTRATIVE_LEVELS,
  administrativeLevelFromPb,
  administrativeLevelToPb,
  NETWORKS,
  networkFromPb,
  networkToPb,
  ORGANISATION_TYPES,
  organisationTypeFromPb,
  organisationTypeToPb,
} from './organisation';

const contractValues = (e: object) =>
  Object.values(e).filter((v) => typeof v === 'number' && v !== 0);

describe('organisation vocabularies ↔ contract enums', () => {
  it('round-trip and cover every contract value', () => {
    for (const word of ADMINISTRATIVE_LEVELS)
      expect(administrativeLevelFromPb(administrativeLevelToPb(word))).toBe(word);
    for (const word of ORGANISATION_TYPES)
      expect(organisationTypeFromPb(organisationTypeToPb(word))).toBe(word);
    for (const word of NETWORKS) expect(networkFromPb(networkToPb(word))).toBe(word);
    expect(contractValues(AdministrativeLevel)).toHaveLength(ADMINISTRATIVE_LEVELS.length);
    expect(contractValues(OrganisationType)).toHaveLength(ORGANISATION_TYPES.length);
    expect(contractValues(Network)).toHaveLength(NETWORKS.length);
  });

  it('refuses unknown contract values', () => {
    expect(() => networkFromPb(99 as Network)).toThrow('unknown Network 99');
  });
});
