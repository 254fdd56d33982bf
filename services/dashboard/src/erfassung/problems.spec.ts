import { fieldOf, mapErrors, parseProblem, translateMessage } from './problems';

describe('registry problems in the entry form', () => {
  it('reads a problem document and ignores malformed errors', () => {
    const problem = parseProblem(400, {
      type: 'urn:dpi:problem:validation-error',
      title: 'Invalid request',
      status: 400,
      detail: 'homepage: …',
      errors: [
        { field: 'homepage', message: 'homepage must be an absolute http(s) URL' },
        { x: 1 },
        'no',
      ],
    });
    expect(problem.errors).toEqual([
      { field: 'homepage', message: 'homepage must be an absolute http(s) URL' },
    ]);
    expect(parseProblem(502, 'Bad Gateway')).toEqual({
      status: 502,
      title: '',
      detail: '',
      type: '',
      errors: [],
    });
  });

  it.each([
    ['keywords[2]', 'keywords'],
    ['distributions[0].accessUrl', 'distributions'],
    ['geometry.coordinates', 'geometry'],
    ['name', 'name'],
  ])('puts %p at the input %p', (path, field) => expect(fieldOf(path)).toBe(field));

  it('translates the registry messages into German', () => {
    expect(translateMessage('name is required', 'de')).toBe('Bitte ausfüllen.');
    expect(translateMessage('name should not be empty', 'de')).toBe('Bitte ausfüllen.');
    expect(translateMessage('homepage must be an absolute http(s) URL', 'de')).toMatch(
      /https:\/\//,
    );
    expect(translateMessage('name must be shorter than or equal to 300 characters', 'de')).toBe(
      'Bitte höchstens 300 Zeichen eingeben.',
    );
    expect(translateMessage('type must be one of: geoportal, dataSpace', 'de')).toBe(
      'Bitte einen Wert aus der Liste wählen.',
    );
    expect(translateMessage('crs must contain CRS identifiers like EPSG:25832', 'de')).toMatch(
      /EPSG:25832/,
    );
    // What no pattern knows keeps the registry's words.
    expect(translateMessage('frobnicate is wrong', 'de')).toBe(
      'Ungültige Angabe (frobnicate is wrong).',
    );
    expect(translateMessage('name should not be empty', 'en')).toBe('Name should not be empty.');
  });

  it('sorts errors onto the form fields in form order; unknown fields go to the summary', () => {
    const mapped = mapErrors(
      [
        { field: 'status', message: 'status must be one of: planned' },
        { field: 'name', message: 'name is required' },
        { field: 'name', message: 'name should not be empty' },
        { field: 'landCode', message: 'landCode must be one of the 16 Länder codes' },
      ],
      ['name', 'type', 'status'],
      'de',
    );
    expect([...mapped.byField.entries()]).toEqual([
      ['name', ['Bitte ausfüllen.']],
      ['status', ['Bitte einen Wert aus der Liste wählen.']],
    ]);
    expect(mapped.other).toEqual([
      { field: 'landCode', message: 'Bitte einen Wert aus der Liste wählen.' },
    ]);
  });
});
