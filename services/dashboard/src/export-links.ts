/**
 * The export links of the current view. The reporting service produces the files; the links carry
 * every active filter, so "CSV" means the list the user is looking at. In German the CSVs come in
 * German Excel's dialect (semicolons, decimal commas, local times), which opens by double-click.
 */
import { API } from './api';
import { t } from './i18n';
import type { ExportLink } from './view-panels';
import { effectiveKinds, itemsQuery, KINDS, type Language, type ViewState } from './url-state';

export function exportLinks(state: ViewState, lang: Language): ExportLink[] {
  const kinds = effectiveKinds(state);
  // Every kind shown, as one comma list; none when the view shows all kinds.
  const kindList = kinds.length < KINDS.length ? kinds.join(',') : undefined;
  const items = itemsQuery(state, undefined);
  if (kindList) items.set('kind', kindList);
  const findings = new URLSearchParams();
  if (state.land) findings.set('landCode', state.land);
  if (kindList) findings.set('kind', kindList);
  if (state.theme) findings.set('theme', state.theme);
  for (const params of [items, findings]) if (lang === 'de') params.set('delimiter', 'semicolon');
  const report = new URLSearchParams();
  if (state.land) report.set('land', state.land);
  const query = (params: URLSearchParams) => (params.size ? `?${params.toString()}` : '');
  return [
    {
      href: `${API}/exports/items.csv${query(items)}`,
      text: t(lang, 'exportItemsCsv'),
      format: 'CSV',
    },
    {
      href: `${API}/exports/findings.csv${query(findings)}`,
      text: t(lang, 'exportFindingsCsv'),
      format: 'CSV',
    },
    {
      href: `${API}/exports/report.pdf${query(report)}`,
      text: t(lang, 'exportPdf'),
      format: 'PDF',
    },
    { href: `${API}/dcat/catalog.ttl`, text: t(lang, 'exportDcat'), format: 'Turtle' },
    { href: '/api/docs', text: t(lang, 'exportApi'), format: 'API' },
  ];
}
