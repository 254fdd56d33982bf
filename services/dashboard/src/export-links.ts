/**
 * The export links of the current view. The reporting service produces the files; the links carry
 * the filters, so "CSV" means the list the user is looking at.
 */
import { API } from './api';
import { t } from './i18n';
import type { ExportLink } from './view';
import { effectiveKinds, itemsQuery, type Language, type ViewState } from './url-state';

export function exportLinks(state: ViewState, lang: Language): ExportLink[] {
  const kinds = effectiveKinds(state);
  const items = itemsQuery(state, kinds.length === 1 ? kinds[0] : undefined).toString();
  const findings = new URLSearchParams();
  if (state.land) findings.set('landCode', state.land);
  const query = (params: string) => (params ? `?${params}` : '');
  return [
    {
      href: `${API}/exports/items.csv${query(items)}`,
      text: t(lang, 'exportItemsCsv'),
      format: 'CSV',
    },
    {
      href: `${API}/exports/findings.csv${query(findings.toString())}`,
      text: t(lang, 'exportFindingsCsv'),
      format: 'CSV',
    },
    { href: `${API}/exports/report.pdf`, text: t(lang, 'exportPdf'), format: 'PDF' },
    { href: `${API}/dcat/catalog.ttl`, text: t(lang, 'exportDcat'), format: 'Turtle' },
    { href: '/api/docs', text: t(lang, 'exportApi'), format: 'API' },
  ];
}
