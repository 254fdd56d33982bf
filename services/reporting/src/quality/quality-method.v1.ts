import type { QualityDimension } from './quality-method';

/**
 * Version 1 of the metadata quality method: points per indicator and the format lists the view
 * `dataset_quality` (migration 1763900000010) was built from. Frozen: the migration pins these
 * values, so editing them would change the score on fresh databases only. A changed method is a
 * new file (quality-method.v2.ts), a migration recreating the view from it, and
 * quality-method.ts pointing at it with a new QUALITY_METHOD_VERSION.
 */

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
