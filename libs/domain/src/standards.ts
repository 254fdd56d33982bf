/** Category of a standard in the reference list. */
export const STANDARD_CATEGORIES = [
  'metadata',
  'catalogue',
  'service',
  'api',
  'sensor',
  '3d',
  'architecture',
  'digitalTwin',
  'regulation',
] as const;
export type StandardCategory = (typeof STANDARD_CATEGORIES)[number];

export interface StandardFact {
  code: string;
  title: string;
  body: string;
  version: string;
  category: StandardCategory;
  /** Official page, null where no stable public URL is known. */
  url: string | null;
}

/** The reference list of standards (../shared/reference/README.md), seeded into the registry. */
export const STANDARDS: readonly StandardFact[] = [
  {
    code: 'dcat-ap-de',
    title: 'DCAT-AP.de',
    body: 'IT-Planungsrat / GovData',
    version: '3.0',
    category: 'metadata',
    url: 'https://www.dcat-ap.de/',
  },
  {
    code: 'iso-19115',
    title: 'ISO 19115 Geographic information – Metadata',
    body: 'ISO',
    version: '2003',
    category: 'metadata',
    url: 'https://www.iso.org/standard/26020.html',
  },
  {
    code: 'iso-19139',
    title: 'ISO 19139 Metadata – XML schema implementation',
    body: 'ISO',
    version: '2007',
    category: 'metadata',
    url: 'https://www.iso.org/standard/32557.html',
  },
  {
    code: 'ogc-csw',
    title: 'OGC Catalogue Services for the Web (CSW)',
    body: 'OGC',
    version: '2.0.2',
    category: 'catalogue',
    url: 'https://www.ogc.org/standard/cat/',
  },
  {
    code: 'ogcapi-records',
    title: 'OGC API – Records – Part 1: Core',
    body: 'OGC',
    version: '1.0',
    category: 'catalogue',
    url: 'https://www.ogc.org/standard/ogcapi-records/',
  },
  {
    code: 'ogcapi-features',
    title: 'OGC API – Features',
    body: 'OGC',
    version: '1.0',
    category: 'api',
    url: 'https://www.ogc.org/standard/ogcapi-features/',
  },
  {
    code: 'ogc-sensorthings',
    title: 'OGC SensorThings API',
    body: 'OGC',
    version: '1.1',
    category: 'sensor',
    url: 'https://www.ogc.org/standard/sensorthings/',
  },
  {
    code: 'ogc-wms',
    title: 'OGC Web Map Service (WMS)',
    body: 'OGC',
    version: '1.3.0',
    category: 'service',
    url: 'https://www.ogc.org/standard/wms/',
  },
  {
    code: 'ogc-wfs',
    title: 'OGC Web Feature Service (WFS)',
    body: 'OGC',
    version: '2.0',
    category: 'service',
    url: 'https://www.ogc.org/standard/wfs/',
  },
  {
    code: 'ogc-wmts',
    title: 'OGC Web Map Tile Service (WMTS)',
    body: 'OGC',
    version: '1.0.0',
    category: 'service',
    url: 'https://www.ogc.org/standard/wmts/',
  },
  {
    code: 'citygml',
    title: 'OGC CityGML',
    body: 'OGC',
    version: '3.0',
    category: '3d',
    url: 'https://www.ogc.org/standard/citygml/',
  },
  {
    code: 'cityjson',
    title: 'CityJSON',
    body: 'OGC',
    version: '2.0',
    category: '3d',
    url: 'https://www.cityjson.org/',
  },
  {
    code: '3d-tiles',
    title: 'OGC 3D Tiles',
    body: 'OGC',
    version: '1.1',
    category: '3d',
    url: 'https://www.ogc.org/standard/3dtiles/',
  },
  {
    code: 'i3s',
    title: 'OGC Indexed 3D Scene Layer (I3S)',
    body: 'OGC',
    version: '1.3',
    category: '3d',
    url: 'https://www.ogc.org/standard/i3s/',
  },
  {
    code: 'gltf',
    title: 'glTF (GL Transmission Format)',
    body: 'Khronos Group',
    version: '2.0',
    category: '3d',
    url: 'https://www.khronos.org/gltf/',
  },
  {
    code: 'inspire',
    title: 'INSPIRE (Directive 2007/2/EC)',
    body: 'EU',
    version: '2007',
    category: 'regulation',
    url: 'https://inspire.ec.europa.eu/',
  },
  {
    code: 'din-spec-91357',
    title: 'DIN SPEC 91357 Reference Architecture Model Open Urban Platform',
    body: 'DIN',
    version: '2017',
    category: 'architecture',
    url: null,
  },
  {
    code: 'din-spec-91607',
    title: 'DIN SPEC 91607 Digital twins for cities and municipalities',
    body: 'DIN',
    version: '2024',
    category: 'digitalTwin',
    url: null,
  },
];

export const STANDARD_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Other spellings of standards seen in registrations, harvested ISO records and earlier API words
 * (the 3D formats, the service types), keyed like `aliasKey` folds them. Spellings that only differ
 * from a code in case and punctuation ("CityGML", "3dTiles", "ogcApiFeatures") need no entry.
 */
const STANDARD_ALIASES: Readonly<Record<string, string>> = {
  citygml2: 'citygml',
  citygml3: 'citygml',
  csw: 'ogc-csw',
  wms: 'ogc-wms',
  wfs: 'ogc-wfs',
  wmts: 'ogc-wmts',
  sensorthings: 'ogc-sensorthings',
  sensorthingsapi: 'ogc-sensorthings',
  ogcsta: 'ogc-sensorthings',
  ogccitygml: 'citygml',
  ogc3dtiles: '3d-tiles',
  ogci3s: 'i3s',
  indexed3dscenelayer: 'i3s',
};

/** Case, spaces, dots, hyphens and underscores do not tell standards apart. */
const aliasKey = (word: string): string => word.toLowerCase().replace(/[\s._\-–/]+/g, '');

const CANONICAL_BY_KEY: ReadonlyMap<string, string> = new Map([
  ...Object.entries(STANDARD_ALIASES),
  ...STANDARDS.map((s) => [aliasKey(s.code), s.code] as [string, string]),
]);

/**
 * The canonical code (of STANDARDS) a spelling of a standard stands for, undefined when it names
 * none. The registry stores what this returns; input it cannot map is rejected as before.
 */
export function canonicalStandardCode(word: string): string | undefined {
  return CANONICAL_BY_KEY.get(aliasKey(word));
}
