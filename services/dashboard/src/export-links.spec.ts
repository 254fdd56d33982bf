import { exportLinks } from './export-links';
import { DEFAULT_STATE } from './url-state';

describe('exportLinks', () => {
  it('carries the current filters into the CSV links', () => {
    const links = exportLinks({ ...DEFAULT_STATE, land: 'DE-HH', kind: 'platform' }, 'de');
    expect(links.map((l) => l.href)).toEqual([
      '/api/v1/exports/items.csv?landCode=DE-HH&kind=platform',
      '/api/v1/exports/findings.csv?landCode=DE-HH',
      '/api/v1/exports/report.pdf',
      '/api/v1/dcat/catalog.ttl',
      '/api/docs',
    ]);
  });

  it('exports everything the filters match when no single kind is chosen', () => {
    const [items, findings] = exportLinks(DEFAULT_STATE, 'en');
    expect(items).toEqual({
      href: '/api/v1/exports/items.csv',
      text: 'Entries as CSV (with the current filters)',
      format: 'CSV',
    });
    expect(findings.href).toBe('/api/v1/exports/findings.csv');
  });
});
