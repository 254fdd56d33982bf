import type { LocalizedText } from './explain';
import { ROUND_RULE_TEXTS } from './handlungsbedarfe.rounds.v1';

/**
 * What each rule checks, why it matters and how to resolve a finding, in German and English:
 * the Methode page and the English titles. The German title and rationale stay in the rule set
 * (they are the rule's own); a spec fails when an active rule has no texts here.
 */
export interface RuleTexts {
  title: LocalizedText;
  checks: LocalizedText;
  fix: LocalizedText;
  /** The rule's rationale in English (the German one is the rule's own). */
  whyEn: string;
}

export const RULE_TEXTS: Record<string, RuleTexts> = {
  ...ROUND_RULE_TEXTS,
  'land-without-open-data-portal': {
    whyEn:
      'Without an open data portal (in pilot or production) the Land lacks the central access to its open data; GovData and the European data portal cannot take its data over.',
    title: { de: 'Land ohne Open-Data-Portal', en: 'Land without an open data portal' },
    checks: {
      de: 'Ob für das Land mindestens ein Open-Data-Portal im Pilot- oder Produktivbetrieb erfasst ist. Geplante Portale zählen nicht, werden aber genannt.',
      en: 'Whether at least one open data portal in pilot or production is recorded for the Land. Planned portals do not count but are named.',
    },
    fix: {
      de: 'Das Portal des Landes mit Status „Pilot“ oder „Produktion“ erfassen; gibt es keins, den Aufbau planen oder sich einem Portal anschließen (z. B. über GovData).',
      en: 'Record the Land’s portal with status pilot or production; if there is none, plan one or join an existing portal (e.g. through GovData).',
    },
  },
  'land-without-urban-data-platform': {
    whyEn:
      "Urban data platforms (DIN SPEC 91357) connect the municipalities' sensor, geo and domain data; without them the basis for digital twins and for reuse across Länder borders is missing.",
    title: { de: 'Land ohne urbane Datenplattform', en: 'Land without an urban data platform' },
    checks: {
      de: 'Ob für das Land mindestens eine urbane Datenplattform im Pilot- oder Produktivbetrieb erfasst ist.',
      en: 'Whether at least one urban data platform in pilot or production is recorded for the Land.',
    },
    fix: {
      de: 'Urbane Datenplattformen der Kommunen des Landes erfassen oder deren Aufbau unterstützen.',
      en: 'Record the urban data platforms of the Land’s municipalities or support building one.',
    },
  },
  'land-without-digital-twin': {
    whyEn:
      'The conference of digital ministers expects every Land to build a digital twin (geospatial base, urban or thematic) or to take part in one; none is recorded for this Land.',
    title: { de: 'Land ohne digitalen Zwilling', en: 'Land without a digital twin' },
    checks: {
      de: 'Ob für das Land irgendein digitaler Zwilling erfasst ist (Geobasis-, urbaner oder thematischer Zwilling).',
      en: 'Whether any digital twin (geospatial base, urban or thematic) is recorded for the Land.',
    },
    fix: {
      de: 'Vorhandene Zwillinge des Landes oder seiner Kommunen erfassen, oder die Beteiligung an einem gemeinsamen Zwilling planen.',
      en: 'Record existing twins of the Land or its municipalities, or plan to take part in a shared twin.',
    },
  },
  'platform-without-machine-readable-interface': {
    whyEn:
      "Without a machine-readable interface, other platforms, twins and catalogues cannot use the platform's data automatically.",
    title: {
      de: 'Plattform ohne maschinenlesbare Schnittstelle',
      en: 'Platform without a machine-readable interface',
    },
    checks: {
      de: 'Ob eine Plattform im Pilot- oder Produktivbetrieb mit einem Endpunkt vom Typ OGC API Features, WFS, SensorThings API, CSW, OGC API Records, DCAT oder CKAN-API verknüpft ist oder DCAT-AP.de erklärt. Kartendienste (WMS, WMTS) und Downloads zählen nicht.',
      en: 'Whether a platform in pilot or production is linked to an endpoint of type OGC API Features, WFS, SensorThings API, CSW, OGC API Records, DCAT or CKAN API, or declares DCAT-AP.de. Map services (WMS, WMTS) and downloads do not count.',
    },
    fix: {
      de: 'Den Katalog- oder Datendienst der Plattform als Endpunkt erfassen und mit ihr verknüpfen; fehlt er, eine standardisierte Schnittstelle bereitstellen.',
      en: 'Record the platform’s catalogue or data service as an endpoint and link it; if there is none, provide a standard interface.',
    },
  },
  'twin-without-open-3d-format': {
    whyEn:
      'Open formats are the precondition for exchange with the Digital Twin Germany and between Länder.',
    title: {
      de: 'Digitaler Zwilling ohne offenes 3D-Format',
      en: 'Digital twin without an open 3D format',
    },
    checks: {
      de: 'Ob für einen digitalen Zwilling ein offenes 3D-Format (CityGML, CityJSON, 3D Tiles, I3S, glTF) erfasst ist.',
      en: 'Whether an open 3D format (CityGML, CityJSON, 3D Tiles, I3S, glTF) is recorded for a digital twin.',
    },
    fix: {
      de: 'Die offenen Formate ergänzen, in denen der Zwilling seine Daten abgibt, oder eine Ausgabe in CityGML/CityJSON oder 3D Tiles einrichten.',
      en: 'Add the open formats the twin delivers, or set up an export to CityGML/CityJSON or 3D Tiles.',
    },
  },
  'dataset-without-open-licence': {
    whyEn:
      'Public datasets without an open licence cannot be reused with legal certainty; GovData recommends DL-DE 2.0 or CC BY 4.0.',
    title: {
      de: 'Öffentliche Datensätze ohne offene Lizenz',
      en: 'Public datasets without an open licence',
    },
    checks: {
      de: 'Wie viele öffentlich zugängliche Datensätze je Land keine offene Lizenz der dcat-ap.de-Liste tragen (z. B. DL-DE BY 2.0, CC BY 4.0).',
      en: 'How many publicly accessible datasets per Land carry no open licence of the dcat-ap.de list (e.g. DL-DE BY 2.0, CC BY 4.0).',
    },
    fix: {
      de: 'Jedem öffentlichen Datensatz eine offene Lizenz als dcat-ap.de-URI geben, bevorzugt Datenlizenz Deutschland 2.0 oder CC BY 4.0.',
      en: 'Give every public dataset an open licence as a dcat-ap.de URI, preferably Datenlizenz Deutschland 2.0 or CC BY 4.0.',
    },
  },
  'dataset-without-bbox': {
    whyEn:
      "Geodatasets without a bounding box cannot be found in map and spatial searches (GDI-DE, OGC API Records, the dashboard's map).",
    title: { de: 'Datensätze ohne räumliche Ausdehnung', en: 'Datasets without a spatial extent' },
    checks: {
      de: 'Wie viele Geodatensätze (Datensatz, Serie, Kachel) je Land keine Bounding Box haben.',
      en: 'How many geodatasets (dataset, series, tile) per Land have no bounding box.',
    },
    fix: {
      de: 'Die räumliche Ausdehnung in den Metadaten ergänzen (im Quellkatalog; der nächste Harvest übernimmt sie).',
      en: 'Add the spatial extent to the metadata (in the source catalogue; the next harvest takes it over).',
    },
  },
  'dataset-without-contact': {
    whyEn:
      'Without a contact point users cannot report questions and errors; DCAT-AP.de recommends one for every dataset.',
    title: { de: 'Datensätze ohne Ansprechpartner', en: 'Datasets without a contact point' },
    checks: {
      de: 'Wie viele Datensätze je Land weder Name noch E-Mail noch Webadresse eines Ansprechpartners nennen.',
      en: 'How many datasets per Land name neither the name nor the e-mail nor the web address of a contact.',
    },
    fix: {
      de: 'Einen Ansprechpartner (mindestens eine Funktionsadresse) in den Metadaten angeben.',
      en: 'Give a contact point (at least a functional e-mail address) in the metadata.',
    },
  },
  'endpoint-registered-by-several-laender': {
    whyEn:
      'The same service recorded by several Länder points to a shared service: a chance to coordinate operation and maintenance and to clean up duplicate records.',
    title: {
      de: 'Endpunkt von mehreren Ländern erfasst (Chance zur gemeinsamen Nutzung)',
      en: 'Endpoint recorded by several Länder (a chance to share it)',
    },
    checks: {
      de: 'Ob derselbe Dienst (gleicher Host und Pfad) von mehr als einem Land erfasst ist.',
      en: 'Whether the same service (same host and path) is recorded by more than one Land.',
    },
    fix: {
      de: 'Mit den anderen Ländern klären, wer den Dienst betreibt und pflegt; Doppelerfassungen zusammenführen.',
      en: 'Agree with the other Länder who operates and maintains the service; merge duplicate records.',
    },
  },
  'harvest-source-stale': {
    whyEn: "The inventory's metadata from this source may be out of date.",
    title: { de: 'Harvesting-Quelle veraltet', en: 'Harvest source out of date' },
    checks: {
      de: 'Ob der letzte erfolgreiche Lauf einer Harvesting-Quelle mehr als eine Stunde hinter ihrem Zeitplan liegt.',
      en: 'Whether the last successful run of a harvest source is more than an hour behind its schedule.',
    },
    fix: {
      de: 'Prüfen, ob der Katalog erreichbar ist und der Zeitplan stimmt; den Lauf neu starten.',
      en: 'Check that the catalogue is reachable and the schedule right; start the run again.',
    },
  },
  'harvest-source-failing': {
    whyEn: 'New and changed datasets of the catalogue do not reach the inventory.',
    title: { de: 'Harvesting-Quelle schlägt fehl', en: 'Harvest source failing' },
    checks: {
      de: 'Ob der letzte abgeschlossene Lauf einer Harvesting-Quelle fehlgeschlagen ist.',
      en: 'Whether the last finished run of a harvest source failed.',
    },
    fix: {
      de: 'Die Fehlermeldung des Laufs lesen (Adresse, Zertifikat, Antwort des Katalogs), die Ursache beheben und den Lauf wiederholen.',
      en: 'Read the run’s error message (address, certificate, the catalogue’s answer), fix the cause and run it again.',
    },
  },
  'land-metadata-quality-low': {
    whyEn:
      "Metadata below the MQA band \u201cgood\u201d make the Land's data harder to find, understand and reuse; the datasets with the lowest scores are linked.",
    title: {
      de: 'Metadatenqualität des Landes unter „gut“',
      en: 'Metadata quality of the Land below “good”',
    },
    checks: {
      de: 'Ob der durchschnittliche Metadaten-Qualitätswert der Datensätze eines Landes unter der Stufe „gut“ des MQA liegt.',
      en: 'Whether the average metadata quality score of a Land’s datasets is below the MQA band “good”.',
    },
    fix: {
      de: 'Bei den verlinkten Datensätzen mit den niedrigsten Werten beginnen: Schlagwörter, Themen, Lizenz, Ansprechpartner und Formate ergänzen (siehe Qualitätswert).',
      en: 'Start with the linked datasets with the lowest scores: add keywords, themes, licence, contact and formats (see the quality score).',
    },
  },
};
