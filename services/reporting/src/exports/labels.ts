/**
 * German labels of the codes the exports show (the API keeps the codes). Taken from the one labels
 * entry point in @dpi/domain (issue 18, issue 21 part 8), which the dashboard uses too, so an export
 * never names a code differently from the page. These maps keep the exporters' look-ups short.
 */
import { labelMap } from '@dpi/domain';

export const KIND_LABELS: Record<string, string> = labelMap('de', 'kind');
export const STATUS_LABELS: Record<string, string> = labelMap('de', 'status');
export const PLATFORM_TYPE_LABELS: Record<string, string> = labelMap('de', 'platformType');
export const TWIN_USE_CASE_LABELS: Record<string, string> = labelMap('de', 'twinUseCase');
export const EU_THEME_LABELS: Record<string, string> = labelMap('de', 'euTheme');
export const SEVERITY_LABELS: Record<string, string> = labelMap('de', 'severity');
export const RATING_LABELS: Record<string, string> = labelMap('de', 'qualityRating');

export const label = (labels: Record<string, string>, code: string | null | undefined): string =>
  code ? (labels[code] ?? code) : '';

/** The coverage dimensions' column labels. */
export const COVERAGE_LABELS: Record<string, Record<string, string>> = {
  platformType: PLATFORM_TYPE_LABELS,
  twinUseCase: TWIN_USE_CASE_LABELS,
  euTheme: EU_THEME_LABELS,
};

/** "23.11.2025" in German time. */
export const germanDate = (date: Date): string =>
  date.toLocaleDateString('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
