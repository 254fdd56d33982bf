/**
 * German and English labels of every vocabulary code the API, the dashboard and the exports show
 * (issue 21, part 8; issue 18: one labels entry point without protobuf). A data table: one entry
 * per code, `[de, en]`. labels.spec.ts fails when a code of a vocabulary has no label in a language.
 */
import type { Labels } from './vocabulary-codes';

export const RECORD_KIND_LABELS: Labels = {
  platform: ['Plattform', 'Platform'],
  twin: ['Digitaler Zwilling', 'Digital twin'],
  dataset: ['Datensatz', 'Dataset'],
  endpoint: ['Schnittstelle', 'Endpoint'],
  organisation: ['Organisation', 'Organisation'],
};

export const PLATFORM_TYPE_LABELS: Labels = {
  geoportal: ['Geoportal', 'Geoportal'],
  sdiCatalogue: ['GDI-Katalog', 'SDI catalogue'],
  openDataPortal: ['Open-Data-Portal', 'Open data portal'],
  urbanDataPlatform: ['Urbane Datenplattform', 'Urban data platform'],
  iotSensorPlatform: ['IoT-/Sensorplattform', 'IoT / sensor platform'],
  mobilityDataPlatform: ['Mobilitätsdatenplattform', 'Mobility data platform'],
  modelSimulationPlatform: ['Modell- und Simulationsplattform', 'Model and simulation platform'],
  dataSpace: ['Datenraum', 'Data space'],
  twinViewer: ['Zwillings-Viewer', 'Twin viewer'],
};

export const PLATFORM_STATUS_LABELS: Labels = {
  planned: ['geplant', 'planned'],
  pilot: ['Pilot', 'pilot'],
  production: ['Produktion', 'production'],
  retired: ['außer Betrieb', 'retired'],
};

export const RECORD_SOURCE_LABELS: Labels = {
  manual: ['gemeldet', 'registered'],
  harvested: ['geerntet (aus einem Katalog)', 'harvested (from a catalogue)'],
};

export const TWIN_SCOPE_LABELS: Labels = {
  state: ['Land', 'State'],
  region: ['Region', 'Region'],
  municipality: ['Kommune', 'Municipality'],
  quarter: ['Quartier', 'Quarter'],
  thematic: ['Thematisch', 'Thematic'],
};

export const TWIN_KIND_LABELS: Labels = {
  geobasis: ['Geobasis-Zwilling', 'Base geodata twin'],
  urban: ['Urbaner Zwilling', 'Urban twin'],
  thematic: ['Thematischer Zwilling', 'Thematic twin'],
};

export const TWIN_CAPABILITY_LABELS: Labels = {
  integration: ['Datenintegration', 'Data integration'],
  knowledge: ['Wissensgenerierung', 'Knowledge generation'],
  decision: ['Entscheidungsunterstützung', 'Decision support'],
  actuation: ['Steuerung', 'Actuation'],
};

/** Use cases of twins: what a twin is for (the EU themes below say what data is about). */
export const TWIN_USE_CASE_LABELS: Labels = {
  urbanPlanning: ['Stadtplanung', 'Urban planning'],
  mobility: ['Mobilität', 'Mobility'],
  climateEnvironment: ['Klima und Umwelt', 'Climate and environment'],
  energy: ['Energieplanung', 'Energy planning'],
  infrastructure: ['Infrastruktur', 'Infrastructure'],
  disasterProtection: ['Katastrophenschutz', 'Disaster protection'],
  participation: ['Beteiligung', 'Participation'],
  buildingPermits: ['Baugenehmigung', 'Building permits'],
  dayCareCapacity: ['Kita-Kapazitäten', 'Day-care capacity'],
  other: ['Sonstiger Anwendungsfall', 'Other use case'],
};

export const TWIN_DATA_BASIS_LABELS: Labels = {
  lod1: ['3D-Gebäudemodell LoD1', '3D building model LoD1'],
  lod2: ['3D-Gebäudemodell LoD2', '3D building model LoD2'],
  lod3: ['3D-Gebäudemodell LoD3', '3D building model LoD3'],
  terrainModel: ['Digitales Geländemodell', 'Digital terrain model'],
  surfaceModel: ['Digitales Oberflächenmodell', 'Digital surface model'],
  pointCloud: ['Punktwolke', 'Point cloud'],
  orthophoto: ['Orthofoto', 'Orthophoto'],
  bim: ['BIM', 'BIM'],
  realtimeIot: ['Echtzeit-/IoT-Daten', 'Real-time / IoT data'],
  statistics: ['Statistik', 'Statistics'],
};

export const THREE_D_FORMAT_LABELS: Labels = {
  'citygml-2': ['CityGML 2.0', 'CityGML 2.0'],
  'citygml-3': ['CityGML 3.0', 'CityGML 3.0'],
  cityjson: ['CityJSON', 'CityJSON'],
  '3d-tiles': ['3D Tiles', '3D Tiles'],
  i3s: ['I3S', 'I3S'],
  gltf: ['glTF', 'glTF'],
};

export const DIGIZ_DE_RELATION_LABELS: Labels = {
  none: ['keine', 'none'],
  pilot: ['Pilot', 'pilot'],
  dataSupplier: ['Datenlieferant', 'data supplier'],
  planned: ['geplant', 'planned'],
};

export const SERVICE_TYPE_LABELS: Labels = {
  csw: ['Katalogdienst (OGC CSW)', 'Catalogue service (OGC CSW)'],
  wms: ['Darstellungsdienst (OGC WMS)', 'View service (OGC WMS)'],
  wmts: ['Kacheldienst (OGC WMTS)', 'Tile service (OGC WMTS)'],
  wfs: ['Downloaddienst (OGC WFS)', 'Download service (OGC WFS)'],
  wcs: ['Rasterdienst (OGC WCS)', 'Coverage service (OGC WCS)'],
  atomFeed: ['Download per ATOM-Feed', 'ATOM feed download'],
  ogcApiFeatures: ['OGC API – Features', 'OGC API – Features'],
  ogcApiRecords: ['OGC API – Records', 'OGC API – Records'],
  ogcApiProcesses: ['OGC API – Processes', 'OGC API – Processes'],
  ogcApiTiles: ['OGC API – Tiles', 'OGC API – Tiles'],
  sensorThings: ['OGC SensorThings API', 'OGC SensorThings API'],
  '3dTiles': ['3D-Tiles-Dienst', '3D Tiles service'],
  i3s: ['I3S-Dienst', 'I3S service'],
  dcatRdf: ['DCAT-Katalog (RDF)', 'DCAT catalogue (RDF)'],
  ckanApi: ['CKAN-API', 'CKAN API'],
  mqtt: ['MQTT-Nachrichten', 'MQTT messaging'],
  otherRest: ['Sonstige REST-Schnittstelle', 'Other REST API'],
};

export const ENDPOINT_AUTHENTICATION_LABELS: Labels = {
  none: ['ohne Anmeldung', 'no sign-in'],
  apiKey: ['mit API-Schlüssel', 'API key'],
  oauth2: ['mit OAuth 2.0', 'OAuth 2.0'],
  closed: ['geschlossen', 'closed'],
};

export const ADMINISTRATIVE_LEVEL_LABELS: Labels = {
  federal: ['Bund', 'Federal'],
  state: ['Land', 'State'],
  administrativeDistrict: ['Kreis', 'District'],
  municipality: ['Kommune', 'Municipality'],
};

export const ORGANISATION_TYPE_LABELS: Labels = {
  ministry: ['Ministerium', 'Ministry'],
  stateAgency: ['Landesbehörde', 'State agency'],
  surveyingAuthority: ['Vermessungsverwaltung', 'Surveying authority'],
  municipalAdministration: ['Kommunalverwaltung', 'Municipal administration'],
  publicCompany: ['Öffentliches Unternehmen', 'Public company'],
  researchInstitution: ['Forschungseinrichtung', 'Research institution'],
  association: ['Verband / Verein', 'Association'],
  other: ['Sonstige', 'Other'],
};

export const NETWORK_LABELS: Labels = {
  gdiDe: ['GDI-DE', 'GDI-DE'],
  adv: ['AdV', 'AdV'],
  mpsc: ['Modellprojekte Smart Cities', 'Smart Cities model projects'],
  openDataForum: ['Open-Data-Forum', 'Open Data Forum'],
  itPlanungsrat: ['IT-Planungsrat', 'IT Planning Council'],
  digizDe: ['DigiZ-DE', 'DigiZ-DE'],
};

/** The EU data themes as the EU authority table names them. */
export const EU_THEME_LABELS: Labels = {
  AGRI: [
    'Landwirtschaft, Fischerei, Forstwirtschaft und Nahrungsmittel',
    'Agriculture, fisheries, forestry and food',
  ],
  ECON: ['Wirtschaft und Finanzen', 'Economy and finance'],
  EDUC: ['Bildung, Kultur und Sport', 'Education, culture and sport'],
  ENER: ['Energie', 'Energy'],
  ENVI: ['Umwelt', 'Environment'],
  GOVE: ['Regierung und öffentlicher Sektor', 'Government and public sector'],
  HEAL: ['Gesundheit', 'Health'],
  INTR: ['Internationale Themen', 'International issues'],
  JUST: [
    'Justiz, Rechtssystem und öffentliche Sicherheit',
    'Justice, legal system and public safety',
  ],
  REGI: ['Regionen und Städte', 'Regions and cities'],
  SOCI: ['Bevölkerung und Gesellschaft', 'Population and society'],
  TECH: ['Wissenschaft und Technologie', 'Science and technology'],
  TRAN: ['Verkehr', 'Transport'],
};

export const ACCESS_RIGHT_LABELS: Labels = {
  PUBLIC: ['öffentlich', 'public'],
  RESTRICTED: ['eingeschränkt', 'restricted'],
  NON_PUBLIC: ['nicht öffentlich', 'non-public'],
};

export const FREQUENCY_LABELS: Labels = {
  CONT: ['laufend', 'continuous'],
  DAILY: ['täglich', 'daily'],
  WEEKLY: ['wöchentlich', 'weekly'],
  MONTHLY: ['monatlich', 'monthly'],
  QUARTERLY: ['vierteljährlich', 'quarterly'],
  BIANNUAL: ['halbjährlich', 'twice a year'],
  ANNUAL: ['jährlich', 'annual'],
  BIENNIAL: ['alle zwei Jahre', 'every two years'],
  IRREG: ['unregelmäßig', 'irregular'],
  NEVER: ['nie', 'never'],
  UNKNOWN: ['unbekannt', 'unknown'],
};

export const GEOCODING_LEVEL_LABELS: Labels = {
  international: ['international', 'international'],
  european: ['europäisch', 'European'],
  federal: ['Bund', 'federal'],
  state: ['Land', 'state'],
  administrativeDistrict: ['Kreis', 'district'],
  municipality: ['Kommune', 'municipality'],
};

/** ISO 19115 scope codes: what a harvested record describes. */
export const HIERARCHY_LEVEL_LABELS: Labels = {
  dataset: ['Datensatz', 'Dataset'],
  series: ['Datensatzreihe', 'Dataset series'],
  service: ['Dienst', 'Service'],
  application: ['Anwendung', 'Application'],
  nonGeographicDataset: ['Datensatz ohne Raumbezug', 'Non-geographic dataset'],
  tile: ['Kachel', 'Tile'],
  model: ['Modell', 'Model'],
  other: ['Sonstiges', 'Other'],
};

export const REUSABILITY_LABELS: Labels = {
  none: ['nicht zur Nachnutzung', 'not for reuse'],
  documented: ['dokumentiert nachnutzbar', 'documented for reuse'],
  offered: ['zur Nachnutzung angeboten', 'offered for reuse'],
};

export const FUNDING_SOURCE_LABELS: Labels = {
  land: ['Land', 'State'],
  federalMpsc: ['Bund (u. a. Modellprojekte Smart Cities)', 'Federal (incl. Smart Cities)'],
  eu: ['EU', 'EU'],
  municipal: ['Kommune', 'Municipal'],
  other: ['Sonstige', 'Other'],
};

/** Standards by their code (GET /api/v1/standards), named as officials know them. */
export const STANDARD_LABELS: Labels = {
  'dcat-ap-de': ['DCAT-AP.de', 'DCAT-AP.de'],
  'iso-19115': ['ISO 19115 (Metadaten)', 'ISO 19115 (metadata)'],
  'iso-19139': ['ISO 19139 (Metadaten in XML)', 'ISO 19139 (metadata in XML)'],
  'ogc-csw': ['OGC CSW (Katalogdienst)', 'OGC CSW (catalogue service)'],
  'ogcapi-records': ['OGC API – Records', 'OGC API – Records'],
  'ogcapi-features': ['OGC API – Features', 'OGC API – Features'],
  'ogc-sensorthings': ['OGC SensorThings API', 'OGC SensorThings API'],
  'ogc-wms': ['OGC WMS (Darstellungsdienst)', 'OGC WMS (view service)'],
  'ogc-wfs': ['OGC WFS (Downloaddienst)', 'OGC WFS (download service)'],
  'ogc-wmts': ['OGC WMTS (Kacheldienst)', 'OGC WMTS (tile service)'],
  citygml: ['CityGML', 'CityGML'],
  cityjson: ['CityJSON', 'CityJSON'],
  '3d-tiles': ['3D Tiles', '3D Tiles'],
  i3s: ['I3S', 'I3S'],
  gltf: ['glTF', 'glTF'],
  inspire: ['INSPIRE', 'INSPIRE'],
  'din-spec-91357': [
    'DIN SPEC 91357 (Offene Urbane Plattform)',
    'DIN SPEC 91357 (Open Urban Platform)',
  ],
  'din-spec-91607': ['DIN SPEC 91607 (Digitale Zwillinge)', 'DIN SPEC 91607 (digital twins)'],
};

/** Licences by their dcat-ap.de id (the part after http://dcat-ap.de/def/licenses/). */
export const LICENCE_LABELS: Labels = {
  'dl-zero-de/2.0': ['Datenlizenz Deutschland – Zero – 2.0', 'Data licence Germany – Zero – 2.0'],
  'dl-by-de/2.0': [
    'Datenlizenz Deutschland – Namensnennung – 2.0',
    'Data licence Germany – attribution – 2.0',
  ],
  'dl-by-nc-de/1.0': [
    'Datenlizenz Deutschland – Namensnennung – nicht kommerziell – 1.0',
    'Data licence Germany – attribution – non-commercial – 1.0',
  ],
  'dl-by-de/1.0': [
    'Datenlizenz Deutschland – Namensnennung – 1.0',
    'Data licence Germany – attribution – 1.0',
  ],
  'cc-zero': ['Creative Commons CC0 1.0', 'Creative Commons CC0 1.0'],
  'cc-by/4.0': ['Creative Commons Namensnennung 4.0', 'Creative Commons Attribution 4.0'],
  'cc-by-sa/4.0': [
    'Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0',
    'Creative Commons Attribution-ShareAlike 4.0',
  ],
  'cc-by': ['Creative Commons Namensnennung', 'Creative Commons Attribution'],
  'cc-by-sa': [
    'Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen',
    'Creative Commons Attribution-ShareAlike',
  ],
  odbl: ['Open Database License (ODbL)', 'Open Database License (ODbL)'],
  'odc-by': ['Open Data Commons Attribution License', 'Open Data Commons Attribution License'],
  'odc-pddl': [
    'Open Data Commons Public Domain Dedication and License',
    'Open Data Commons Public Domain Dedication and License',
  ],
  'geonutz/20130319': ['GeoNutzV (Nutzungsbestimmungen des Bundes)', 'GeoNutzV (federal terms)'],
  'geoNutz/20130319': ['GeoNutzV (Nutzungsbestimmungen des Bundes)', 'GeoNutzV (federal terms)'],
  officialWork: ['Amtliches Werk (§ 5 UrhG)', 'Official work (§ 5 UrhG)'],
};

export const SEVERITY_LABELS: Labels = {
  high: ['hoch', 'high'],
  medium: ['mittel', 'medium'],
  low: ['niedrig', 'low'],
  info: ['Hinweis', 'info'],
};

/** The MQA rating classes of the metadata quality. */
export const QUALITY_RATING_LABELS: Labels = {
  excellent: ['ausgezeichnet', 'excellent'],
  good: ['gut', 'good'],
  sufficient: ['ausreichend', 'sufficient'],
  bad: ['mangelhaft', 'bad'],
};

export const JOB_STATE_LABELS: Labels = {
  queued: ['wartet', 'queued'],
  running: ['läuft', 'running'],
  succeeded: ['erfolgreich', 'succeeded'],
  partiallySucceeded: ['teilweise erfolgreich', 'partially succeeded'],
  failed: ['fehlgeschlagen', 'failed'],
  cancelled: ['abgebrochen', 'cancelled'],
};

export const SURVEY_ROUND_STATE_LABELS: Labels = {
  open: ['offen', 'open'],
  closed: ['abgeschlossen', 'closed'],
};

export const ROUND_RECORD_STATUS_LABELS: Labels = {
  open: ['noch nicht bearbeitet', 'not yet reviewed'],
  confirmed: ['unverändert bestätigt', 'confirmed unchanged'],
  updated: ['aktualisiert', 'updated'],
  withdrawn: ['zurückgezogen', 'withdrawn'],
};
