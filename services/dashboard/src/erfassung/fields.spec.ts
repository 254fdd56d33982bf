import { choicesOf, createBody, FORMS, formValues, splitList } from './fields';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing in the fixture');
  return value;
}

describe('entry form fields', () => {
  it('offers vocabulary codes as choices', () => {
    const type = must(FORMS.platform.find((f) => f.name === 'type'));
    expect(choicesOf(type)).toContain('geoportal');
    const maturity = must(FORMS.twin.find((f) => f.name === 'maturityLevel'));
    expect(choicesOf(maturity)).toEqual(['1', '2', '3', '4']);
  });

  it('takes only the form fields of a record, normalised', () => {
    const values = formValues('endpoint', {
      id: 'e1',
      version: 2,
      name: 'WFS',
      serviceType: 'wfs',
      url: 'https://example.org/wfs',
      serviceVersion: '',
      capabilitiesUrl: null,
      authentication: 'none',
      crs: ['EPSG:25832'],
    });
    expect(values).toEqual({
      name: 'WFS',
      serviceType: 'wfs',
      url: 'https://example.org/wfs',
      serviceVersion: null,
      capabilitiesUrl: null,
      authentication: 'none',
      crs: ['EPSG:25832'],
    });
  });

  it("builds a new record's body: the editor's Land, no empty fields, numbers as numbers", () => {
    expect(
      createBody(
        'twin',
        {
          name: 'Zwilling',
          scope: 'municipality',
          kind: 'urban',
          maturityLevel: '2',
          homepage: '',
          useCases: [],
        },
        'DE-HH',
      ),
    ).toEqual({
      landCode: 'DE-HH',
      name: 'Zwilling',
      scope: 'municipality',
      kind: 'urban',
      maturityLevel: 2,
      realTime: false,
      simulation: false,
    });
  });

  it('splits comma lists', () => {
    expect(splitList(' Verkehr, ,Umwelt ,')).toEqual(['Verkehr', 'Umwelt']);
  });
});
