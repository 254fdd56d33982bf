/**
 * The 16 Länder. Domain reference data the services validate against at run time; the unit test
 * checks it against ../shared/reference/laender.json, the project's source of these facts.
 */
export interface Land {
  /** ISO 3166-2 code: the `landCode` used throughout the API and events. */
  code: string;
  /** Two-digit Länderschlüssel (AGS prefix). */
  key: string;
  abbr: string;
  name: string;
  capital: string;
}

export const LAENDER: readonly Land[] = [
  { code: 'DE-SH', key: '01', abbr: 'SH', name: 'Schleswig-Holstein', capital: 'Kiel' },
  { code: 'DE-HH', key: '02', abbr: 'HH', name: 'Hamburg', capital: 'Hamburg' },
  { code: 'DE-NI', key: '03', abbr: 'NI', name: 'Niedersachsen', capital: 'Hannover' },
  { code: 'DE-HB', key: '04', abbr: 'HB', name: 'Bremen', capital: 'Bremen' },
  { code: 'DE-NW', key: '05', abbr: 'NW', name: 'Nordrhein-Westfalen', capital: 'Düsseldorf' },
  { code: 'DE-HE', key: '06', abbr: 'HE', name: 'Hessen', capital: 'Wiesbaden' },
  { code: 'DE-RP', key: '07', abbr: 'RP', name: 'Rheinland-Pfalz', capital: 'Mainz' },
  { code: 'DE-BW', key: '08', abbr: 'BW', name: 'Baden-Württemberg', capital: 'Stuttgart' },
  { code: 'DE-BY', key: '09', abbr: 'BY', name: 'Bayern', capital: 'München' },
  { code: 'DE-SL', key: '10', abbr: 'SL', name: 'Saarland', capital: 'Saarbrücken' },
  { code: 'DE-BE', key: '11', abbr: 'BE', name: 'Berlin', capital: 'Berlin' },
  { code: 'DE-BB', key: '12', abbr: 'BB', name: 'Brandenburg', capital: 'Potsdam' },
  { code: 'DE-MV', key: '13', abbr: 'MV', name: 'Mecklenburg-Vorpommern', capital: 'Schwerin' },
  { code: 'DE-SN', key: '14', abbr: 'SN', name: 'Sachsen', capital: 'Dresden' },
  { code: 'DE-ST', key: '15', abbr: 'ST', name: 'Sachsen-Anhalt', capital: 'Magdeburg' },
  { code: 'DE-TH', key: '16', abbr: 'TH', name: 'Thüringen', capital: 'Erfurt' },
];

export const LAND_CODES: readonly string[] = LAENDER.map((land) => land.code);

/** DCAT-AP.de political geocoding URI of a Land, e.g. `…/stateKey/02` for Hamburg. */
export function stateKeyUri(land: Land): string {
  return `http://dcat-ap.de/def/politicalGeocoding/stateKey/${land.key}`;
}

export function findLand(code: string): Land | undefined {
  return LAENDER.find((land) => land.code === code);
}
