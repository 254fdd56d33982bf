import { matchRoute, resolveRoute, routePath } from './router';

describe('router', () => {
  it('matches static and parameter segments', () => {
    expect(matchRoute('/', '/')).toEqual({});
    expect(matchRoute('/', '')).toEqual({});
    expect(matchRoute('/land/:code', '/land/DE-BE')).toEqual({ code: 'DE-BE' });
    expect(matchRoute('/land/:code', '/land/DE-BE/')).toEqual({ code: 'DE-BE' });
    expect(matchRoute('/land/:code', '/land/Baden%20W')).toEqual({ code: 'Baden W' });
  });

  it('does not match other paths', () => {
    expect(matchRoute('/land/:code', '/land')).toBeNull();
    expect(matchRoute('/land/:code', '/land/DE-BE/x')).toBeNull();
    expect(matchRoute('/methode', '/trends')).toBeNull();
    expect(matchRoute('/', '/methode')).toBeNull();
    expect(matchRoute('/land/:code', '/land/%E0%A4%A')).toBeNull();
  });

  it('resolves the first matching pattern', () => {
    const patterns = ['/', '/land/:code', '/methode'];
    expect(resolveRoute(patterns, '/methode')).toEqual({ pattern: '/methode', params: {} });
    expect(resolveRoute(patterns, '/land/DE-HH')?.params).toEqual({ code: 'DE-HH' });
    expect(resolveRoute(patterns, '/nirgends')).toBeUndefined();
  });

  it('builds paths that match again', () => {
    expect(routePath('/')).toBe('/');
    expect(routePath('/land/:code', { code: 'DE-BE' })).toBe('/land/DE-BE');
    const path = routePath('/land/:code', { code: 'a/b' });
    expect(matchRoute('/land/:code', path)).toEqual({ code: 'a/b' });
  });
});
