/**
 * The metadata quality score, in the spirit of the EU data portal's Metadata Quality Assessment
 * (MQA, data.europa.eu): points per dataset in five dimensions, summed per Land. What the MQA
 * measures by probing URLs or SHACL validation is replaced by what the read model knows (see
 * services/reporting/README.md, "Metadata quality"). Changing the method means a new migration
 * recreating the view `dataset_quality` and a new METHOD_VERSION.
 */
export const QUALITY_METHOD_VERSION = 1;

export const QUALITY_DIMENSIONS = [
  'findability',
  'accessibility',
  'interoperability',
  'reusability',
  'contextuality',
] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

/** Points per indicator; the sum per dimension is that dimension's maximum. */
export const QUALITY_POINTS = {
  findability: { keywords: 30, themes: 30, spatial: 20, temporal: 20 },
  accessibility: { accessUrl: 50, downloadUrl: 50 },
  interoperability: {
    format: 20,
    mediaType: 10,
    knownFormat: 10,
    nonProprietary: 20,
    machineReadable: 20,
    serviceInterface: 30,
  },
  reusability: {
    licence: 20,
    licenceVocabulary: 10,
    accessRights: 15,
    contactPoint: 20,
    publisher: 10,
  },
  contextuality: { description: 5, accrualPeriodicity: 5, issued: 5, modified: 5 },
} as const satisfies Record<QualityDimension, Record<string, number>>;

export const dimensionMax = (dimension: QualityDimension): number =>
  Object.values(QUALITY_POINTS[dimension]).reduce((sum: number, p: number) => sum + p, 0);

export const QUALITY_MAX = QUALITY_DIMENSIONS.reduce((sum, d) => sum + dimensionMax(d), 0);

/** File formats (upper case, as DCAT distributions name them) a machine can read. */
export const MACHINE_READABLE_FORMATS = [
  'CSV',
  'JSON',
  'GEOJSON',
  'XML',
  'GML',
  'RDF',
  'RDF/XML',
  'TTL',
  'TURTLE',
  'JSON-LD',
  'JSONLD',
  'XLSX',
  'XLS',
  'ODS',
  'SHP',
  'GPKG',
  'GEOPACKAGE',
  'KML',
  'KMZ',
  'NETCDF',
  'PARQUET',
  'WFS',
  'OGC API FEATURES',
  'OGCAPI-FEATURES',
  'SENSORTHINGS',
  'CITYGML',
  'CITYJSON',
  'LAS',
  'LAZ',
  'GEOTIFF',
  'ATOM',
  'CSW',
] as const;

/** Formats with an open specification that no single vendor controls. */
export const NON_PROPRIETARY_FORMATS = [
  'CSV',
  'JSON',
  'GEOJSON',
  'XML',
  'GML',
  'RDF',
  'RDF/XML',
  'TTL',
  'TURTLE',
  'JSON-LD',
  'JSONLD',
  'ODS',
  'GPKG',
  'GEOPACKAGE',
  'KML',
  'NETCDF',
  'PARQUET',
  'WMS',
  'WMTS',
  'WFS',
  'WCS',
  'OGC API FEATURES',
  'OGCAPI-FEATURES',
  'SENSORTHINGS',
  'CITYGML',
  'CITYJSON',
  'LAS',
  'LAZ',
  'GEOTIFF',
  'TIFF',
  'PNG',
  'JPEG',
  'PDF',
  'HTML',
  'ATOM',
  'CSW',
  'ZIP',
  '3D TILES',
  'GLTF',
] as const;

/** Formats of the EU file-type vocabulary the MQA accepts (those German catalogues use). */
export const KNOWN_FORMATS = [
  ...new Set<string>([
    ...MACHINE_READABLE_FORMATS,
    ...NON_PROPRIETARY_FORMATS,
    'DOCX',
    'DOC',
    'XLS',
    'SHP',
    'ESRI SHAPEFILE',
    'DXF',
    'DWG',
  ]),
];

/** MQA ratings, scaled from its 405-point bands (351 / 221 / 121) to a percentage. */
export type QualityRating = 'excellent' | 'good' | 'sufficient' | 'bad';

export function qualityRating(percent: number): QualityRating {
  if (percent >= (351 / 405) * 100) return 'excellent';
  if (percent >= (221 / 405) * 100) return 'good';
  if (percent >= (121 / 405) * 100) return 'sufficient';
  return 'bad';
}
