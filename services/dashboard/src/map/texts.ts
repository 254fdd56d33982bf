/**
 * The map's own words (legend, entry list, keyboard hint) in German and English. The language is
 * the page's (`<html lang>`), which the dashboard sets; everything about the data comes from the
 * dashboard's describe functions.
 */
export type MapLanguage = 'de' | 'en';

const TEXTS = {
  de: {
    legend: 'Legende der Karte',
    legendSummary: 'Legende',
    platform: 'Plattform',
    twin: 'Digitaler Zwilling',
    dataset: 'Datensatz',
    endpoint: 'Schnittstelle',
    mixed: 'Gruppe verschiedener Arten',
    group: 'Gruppe: Zahl der Einträge; Klick zoomt hinein oder listet sie',
    area: 'Gebiet einer Plattform (ab Zoomstufe 7)',
    cityState: 'Stadtstaat, in kleiner Ansicht als Kreis gezeigt',
    leader: 'Linie: Gruppe oder Zahl neben ihren Ort gerückt',
    selected: 'ausgewähltes Land',
    noData: 'noch keine Angaben',
    entries: (n: number, land: string) =>
      `${n === 1 ? '1 Eintrag' : `${n.toLocaleString('de-DE')} Einträge`}${land ? ` – ${land}` : ''}`,
    close: 'Schließen',
    keysHint:
      'Pfeiltasten: nächstes Land oder nächste Gruppe; Eingabe: auswählen; Escape: schließen.',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    zoomExtent: 'Ganz Deutschland anzeigen',
  },
  en: {
    legend: 'Map legend',
    legendSummary: 'Legend',
    platform: 'Platform',
    twin: 'Digital twin',
    dataset: 'Dataset',
    endpoint: 'Service endpoint',
    mixed: 'Group of different kinds',
    group: 'Group: number of entries; a click zooms in or lists them',
    area: 'Area of a platform (from zoom level 7)',
    cityState: 'City-state, shown as a circle when small',
    leader: 'Line: group or number moved beside its place',
    selected: 'selected Land',
    noData: 'no figures yet',
    entries: (n: number, land: string) =>
      `${n === 1 ? '1 entry' : `${n.toLocaleString('en-GB')} entries`}${land ? ` – ${land}` : ''}`,
    close: 'Close',
    keysHint: 'Arrow keys: next Land or group; Enter: select; Escape: close.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomExtent: 'Show all of Germany',
  },
} as const;

export type MapTexts = (typeof TEXTS)[MapLanguage];

export function pageLanguage(): MapLanguage {
  return document.documentElement.lang.startsWith('en') ? 'en' : 'de';
}

export function mapTexts(lang: MapLanguage = pageLanguage()): MapTexts {
  return TEXTS[lang];
}
