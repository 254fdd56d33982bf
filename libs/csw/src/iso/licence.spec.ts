import { licenceUri, parseLicenceJson } from './licence';

describe('GDI-DE licence JSON', () => {
  it('maps the id to the dcat-ap.de licence URI and keeps name, url and quelle', () => {
    expect(
      parseLicenceJson(
        '{"id":"dl-by-de/2.0","name":"Datenlizenz Deutschland Namensnennung 2.0","url":"https://www.govdata.de/dl-de/by-2-0","quelle":"© GDI-DE"}',
      ),
    ).toEqual({
      kind: 'licence',
      licence: {
        id: 'dl-by-de/2.0',
        uri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
        name: 'Datenlizenz Deutschland Namensnennung 2.0',
        url: 'https://www.govdata.de/dl-de/by-2-0',
        source: '© GDI-DE',
      },
    });
  });

  it('tells free text, broken JSON and JSON without id apart', () => {
    expect(parseLicenceJson('Datenlizenz Deutschland')).toEqual({ kind: 'none' });
    expect(parseLicenceJson('{"id":')).toMatchObject({ kind: 'invalid' });
    expect(parseLicenceJson('{"name":"x"}')).toEqual({ kind: 'invalid', reason: 'no "id" member' });
    expect(parseLicenceJson('{"id":"cc-by/4.0","quelle":""}')).toMatchObject({
      licence: { source: null },
    });
  });

  it('keeps an id that already is a dcat-ap.de URI', () => {
    expect(licenceUri('https://dcat-ap.de/def/licenses/cc-zero')).toBe(
      'http://dcat-ap.de/def/licenses/cc-zero',
    );
  });
});
