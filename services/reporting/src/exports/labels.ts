/** German labels of the codes the exports show (the API keeps the codes). */
export const KIND_LABELS: Record<string, string> = {
  platform: 'Plattform',
  twin: 'Digitaler Zwilling',
  dataset: 'Datensatz',
  endpoint: 'Schnittstelle',
};

export const STATUS_LABELS: Record<string, string> = {
  planned: 'geplant',
  pilot: 'Pilot',
  production: 'Produktion',
  retired: 'außer Betrieb',
};

export const PLATFORM_TYPE_LABELS: Record<string, string> = {
  geoportal: 'Geoportal',
  sdiCatalogue: 'GDI-Katalog',
  openDataPortal: 'Open-Data-Portal',
  urbanDataPlatform: 'Urbane Datenplattform',
  iotSensorPlatform: 'IoT-/Sensorplattform',
  mobilityDataPlatform: 'Mobilitätsdatenplattform',
  modelSimulationPlatform: 'Modell-/Simulationsplattform',
  dataSpace: 'Datenraum',
  twinViewer: 'Zwillings-Viewer',
};

export const TWIN_USE_CASE_LABELS: Record<string, string> = {
  urbanPlanning: 'Stadtplanung',
  mobility: 'Mobilität',
  climateEnvironment: 'Klima/Umwelt',
  energy: 'Energie',
  infrastructure: 'Infrastruktur',
  disasterProtection: 'Katastrophenschutz',
  participation: 'Beteiligung',
  buildingPermits: 'Bauvorhaben',
  dayCareCapacity: 'Kita-Auslastung',
  other: 'Sonstiges',
};

export const EU_THEME_LABELS: Record<string, string> = {
  AGRI: 'Landwirtschaft',
  ECON: 'Wirtschaft',
  EDUC: 'Bildung',
  ENER: 'Energie',
  ENVI: 'Umwelt',
  GOVE: 'Regierung',
  HEAL: 'Gesundheit',
  INTR: 'Internationales',
  JUST: 'Justiz',
  REGI: 'Regionen/Städte',
  SOCI: 'Bevölkerung',
  TECH: 'Wissenschaft',
  TRAN: 'Verkehr',
};

export const SEVERITY_LABELS: Record<string, string> = {
  high: 'hoch',
  medium: 'mittel',
  low: 'niedrig',
  info: 'Hinweis',
};

export const RATING_LABELS: Record<string, string> = {
  excellent: 'ausgezeichnet',
  good: 'gut',
  sufficient: 'ausreichend',
  bad: 'mangelhaft',
};

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
