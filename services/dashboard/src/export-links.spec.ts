import { exportLinks } from './export-links';
import { DEFAULT_STATE } from './url-state';

describe('exportLinks', () => {
  it('carries every active filter into the CSV links, and the Land into the PDF (Länderbericht)', () => {
    const links = exportLinks(
      { ...DEFAULT_STATE, land: 'DE-HH', kind: 'platform', theme: 'ENER', lang: 'en' },
      'en',
    );
    expect(links.map((l) => l.href)).toEqual([
      '/api/v1/exports/items.csv?landCode=DE-HH&theme=ENER&kind=platform',
      '/api/v1/exports/findings.csv?landCode=DE-HH&kind=platform&theme=ENER',
      '/api/v1/exports/report.pdf?land=DE-HH',
      '/api/v1/dcat/catalog.ttl',
      '/api/docs',
    ]);
  });

  it('exports the kinds the view shows (platforms and twins by default)', () => {
    const [items, findings, report] = exportLinks({ ...DEFAULT_STATE, lang: 'en' }, 'en');
    expect(items).toEqual({
      href: '/api/v1/exports/items.csv?kind=platform%2Ctwin',
      text: 'Entries as CSV (with the current filters)',
      format: 'CSV',
    });
    expect(findings.href).toBe('/api/v1/exports/findings.csv?kind=platform%2Ctwin');
    expect(report.href).toBe('/api/v1/exports/report.pdf');
  });

  it("writes German Excel's dialect in German", () => {
    const [items, findings] = exportLinks(DEFAULT_STATE, 'de');
    expect(new URL(items.href, 'http://x').searchParams.get('delimiter')).toBe('semicolon');
    expect(new URL(findings.href, 'http://x').searchParams.get('delimiter')).toBe('semicolon');
  });
});
