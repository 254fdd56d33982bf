import { FindingView } from '../../handlungsbedarfe/dto/views';
import {
  HarvestSourceView,
  InventoryItemView,
  LandOverview,
  LandQuality,
} from '../../overview/dto/views';
import {
  EU_THEME_LABELS,
  KIND_LABELS,
  label,
  PLATFORM_TYPE_LABELS,
  RATING_LABELS,
  STATUS_LABELS,
  TWIN_USE_CASE_LABELS,
} from '../labels';
import { CsvColumn } from './csv';

/** A time the CSV writes in German local time. */
const time = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

const themeLabels = (item: InventoryItemView) =>
  item.themes.map((t) => label(item.kind === 'twin' ? TWIN_USE_CASE_LABELS : EU_THEME_LABELS, t));

export const ITEM_COLUMNS: readonly CsvColumn<InventoryItemView>[] = [
  { header: 'Art', value: (i) => label(KIND_LABELS, i.kind) },
  { header: 'ID', value: (i) => i.id },
  { header: 'Land (ISO 3166-2)', value: (i) => i.landCode },
  { header: 'Land', value: (i) => i.landName ?? (i.landCode ? null : 'Bund') },
  { header: 'Titel', value: (i) => i.title },
  { header: 'Beschreibung', value: (i) => i.description },
  {
    header: 'Typ',
    value: (i) => (i.kind === 'platform' ? label(PLATFORM_TYPE_LABELS, i.type) : i.type),
  },
  { header: 'Status', value: (i) => label(STATUS_LABELS, i.status) },
  { header: 'Themen / Anwendungsfälle', value: themeLabels },
  { header: 'Reifegrad (DIN SPEC 91607)', value: (i) => i.maturityLevel },
  { header: 'Offene Daten', value: (i) => i.openData },
  { header: 'URL', value: (i) => i.url },
  { header: 'West', value: (i) => i.bbox?.[0] },
  { header: 'Süd', value: (i) => i.bbox?.[1] },
  { header: 'Ost', value: (i) => i.bbox?.[2] },
  { header: 'Nord', value: (i) => i.bbox?.[3] },
  { header: 'Herkunft', value: (i) => (i.source === 'harvested' ? 'geharvestet' : 'erfasst') },
  { header: 'Zuletzt geändert (Ortszeit)', value: (i) => time(i.updatedAt) },
];

/** Handlungsbedarfe in words: the entry, one sentence with the evidence, local times. */
export const FINDING_COLUMNS: readonly CsvColumn<FindingView & { landName: string | null }>[] = [
  { header: 'ID', value: (f) => f.id },
  { header: 'Regel', value: (f) => f.ruleId },
  { header: 'Handlungsbedarf', value: (f) => f.title },
  { header: 'Schweregrad', value: (f) => f.severityLabel.de },
  { header: 'Begründung', value: (f) => f.rationale },
  { header: 'Land (ISO 3166-2)', value: (f) => f.landCode },
  { header: 'Land', value: (f) => f.landName ?? (f.landCode ? null : 'Bund') },
  { header: 'Betrifft', value: (f) => f.entry.title },
  { header: 'Befund', value: (f) => f.explanation.de },
  { header: 'Was der Schweregrad bedeutet', value: (f) => f.severityMeaning.de },
  { header: 'Art der betroffenen Einträge', value: (f) => label(RECORD_KIND_LABELS, f.recordKind) },
  { header: 'Anzahl betroffener Einträge', value: (f) => f.recordIds.length },
  { header: 'Betroffene Einträge (IDs)', value: (f) => f.recordIds },
  { header: 'Erstmals festgestellt (Ortszeit)', value: (f) => time(f.firstSeenAt) },
  { header: 'Zuletzt geändert (Ortszeit)', value: (f) => time(f.updatedAt) },
];

const RECORD_KIND_LABELS: Record<string, string> = {
  ...KIND_LABELS,
  land: 'Land',
  harvestSource: 'Harvesting-Quelle',
};

export const LAND_COLUMNS: readonly CsvColumn<LandOverview>[] = [
  { header: 'Land (ISO 3166-2)', value: (l) => l.code },
  { header: 'Länderschlüssel', value: (l) => l.key },
  { header: 'Kürzel', value: (l) => l.abbr },
  { header: 'Land', value: (l) => l.name },
  { header: 'Plattformen', value: (l) => l.platforms },
  { header: 'Digitale Zwillinge', value: (l) => l.twins },
  { header: 'Datensätze', value: (l) => l.datasets },
  { header: 'Offene Datensätze', value: (l) => l.openDatasets },
  { header: 'Anteil offener Daten (%)', value: (l) => percent(l.openDataShare) },
  { header: 'Schnittstellen', value: (l) => l.endpoints },
  { header: 'Organisationen', value: (l) => l.organisations },
  { header: 'Höchster Reifegrad', value: (l) => l.maxMaturity },
  { header: 'Handlungsbedarfe hoch', value: (l) => l.findings.high },
  { header: 'Handlungsbedarfe mittel', value: (l) => l.findings.medium },
  { header: 'Handlungsbedarfe niedrig', value: (l) => l.findings.low },
  { header: 'Hinweise', value: (l) => l.findings.info },
  { header: 'Metadatenqualität (%)', value: (l) => l.quality.score },
  { header: 'MQA-Bewertung', value: (l) => label(RATING_LABELS, l.quality.rating) },
];

export const QUALITY_COLUMNS: readonly CsvColumn<LandQuality>[] = [
  { header: 'Land (ISO 3166-2)', value: (q) => q.landCode },
  { header: 'Land', value: (q) => q.landName },
  { header: 'Bewertete Datensätze', value: (q) => q.datasets },
  { header: 'Punktzahl (%)', value: (q) => q.score },
  { header: 'MQA-Bewertung', value: (q) => label(RATING_LABELS, q.rating) },
  { header: 'Auffindbarkeit (%)', value: (q) => q.dimensions.findability },
  { header: 'Zugänglichkeit (%)', value: (q) => q.dimensions.accessibility },
  { header: 'Interoperabilität (%)', value: (q) => q.dimensions.interoperability },
  { header: 'Wiederverwendbarkeit (%)', value: (q) => q.dimensions.reusability },
  { header: 'Kontext (%)', value: (q) => q.dimensions.contextuality },
];

export const HARVEST_COLUMNS: readonly CsvColumn<HarvestSourceView>[] = [
  { header: 'Quelle (ID)', value: (s) => s.sourceId },
  { header: 'Quelle', value: (s) => s.sourceName },
  { header: 'Land (ISO 3166-2)', value: (s) => s.landCode },
  { header: 'Letzter Auftrag (ID)', value: (s) => s.latestJobId },
  { header: 'Letzter Auftrag: Zustand', value: (s) => s.latestState },
  { header: 'Letzter Auftrag: Modus', value: (s) => s.latestMode },
  { header: 'Letzter Auftrag: Treffer', value: (s) => s.latestMatched },
  { header: 'Letzter Auftrag: empfangen', value: (s) => s.latestReceived },
  { header: 'Letzter Abschluss: Zustand', value: (s) => s.lastFinishedState },
  { header: 'Letzter Abschluss: Zeitpunkt', value: (s) => time(s.lastFinishedAt) },
  { header: 'Letzte Meldung', value: (s) => s.lastMessage },
  { header: 'Letzter Erfolg', value: (s) => time(s.lastSuccessAt) },
  { header: 'Zeitplan (cron)', value: (s) => s.schedule },
  { header: 'Nächster Lauf fällig', value: (s) => time(s.nextDueAt) },
  { header: 'Aufträge', value: (s) => s.jobs },
  { header: 'Erfolgreich', value: (s) => s.succeeded },
  { header: 'Fehlgeschlagen', value: (s) => s.failed },
  { header: 'Erfolgsquote (%)', value: (s) => percent(s.successRate) },
  { header: 'Veraltet', value: (s) => s.stale },
];

/** One row of the coverage matrix: Land, then one count per column, then the covered count. */
export interface CoverageCsvRow {
  landCode: string;
  landName: string;
  cells: number[];
  covered: number;
}

export function coverageColumns(
  columns: readonly string[],
  labels: Record<string, string>,
): CsvColumn<CoverageCsvRow>[] {
  return [
    { header: 'Land (ISO 3166-2)', value: (r) => r.landCode },
    { header: 'Land', value: (r) => r.landName },
    ...columns.map((c, i) => ({
      header: label(labels, c),
      value: (r: CoverageCsvRow) => r.cells[i],
    })),
    { header: 'Abgedeckte Spalten', value: (r) => r.covered },
  ];
}
