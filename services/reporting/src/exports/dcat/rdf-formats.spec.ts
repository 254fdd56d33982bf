import { negotiateRdf } from './rdf-formats';

const pick = (accept: string | undefined) => negotiateRdf(accept)?.mediaType ?? null;

describe('negotiateRdf', () => {
  it('serves Turtle when anything goes', () => {
    expect(pick(undefined)).toBe('text/turtle');
    expect(pick('')).toBe('text/turtle');
    expect(pick('*/*')).toBe('text/turtle');
    expect(pick('text/*')).toBe('text/turtle');
  });

  it('serves each offered type asked for by name', () => {
    expect(pick('application/rdf+xml')).toBe('application/rdf+xml');
    expect(pick('application/n-triples')).toBe('application/n-triples');
    expect(pick('application/ld+json')).toBe('application/ld+json');
    expect(pick('application/json')).toBe('application/ld+json');
    expect(pick('TEXT/Turtle; charset=utf-8')).toBe('text/turtle');
  });

  it('follows q-values, the most specific range deciding', () => {
    // What ckanext-dcat's harvester sends, RDF/XML ranked above Turtle.
    expect(pick('application/rdf+xml, text/turtle;q=0.9, */*;q=0.1')).toBe('application/rdf+xml');
    expect(pick('text/turtle;q=0.5, application/ld+json')).toBe('application/ld+json');
    expect(pick('*/*;q=0.8, text/turtle;q=0')).toBe('application/ld+json');
    expect(pick('application/*;q=0.3, text/turtle;q=0.2')).toBe('application/ld+json');
  });

  it('offers nothing when nothing offered is acceptable', () => {
    expect(pick('text/html')).toBeNull();
    expect(pick('application/xml')).toBeNull();
    expect(pick('text/turtle;q=0')).toBeNull();
    expect(pick('image/*')).toBeNull();
  });
});
