import { linkedIds, withoutLinksTo } from './overview.service';

const A = '6f1c1d4e-0d5b-4a57-9a39-0d4c0e9f1a01';
const SECRET = '6f1c1d4e-0d5b-4a57-9a39-0d4c0e9f1a02';
const ORG = '6f1c1d4e-0d5b-4a57-9a39-0d4c0e9f1a03';

describe('item links for the public (issue 17)', () => {
  const links = { datasetIds: [A, SECRET], endpointIds: [], operatorOrganisationId: ORG };

  it('finds the record ids an item links, whatever the field', () => {
    expect(linkedIds({ ...links, harvestSourceId: 'gdi-de', other: { id: A } })).toEqual([
      A,
      SECRET,
      ORG,
    ]);
  });

  it('drops hidden ids from arrays and single id fields', () => {
    expect(withoutLinksTo(links, new Set([SECRET]))).toEqual({
      datasetIds: [A],
      endpointIds: [],
      operatorOrganisationId: ORG,
    });
    expect(withoutLinksTo(links, new Set([ORG]))).toMatchObject({ operatorOrganisationId: null });
    expect(withoutLinksTo(links, new Set())).toBe(links);
  });
});
