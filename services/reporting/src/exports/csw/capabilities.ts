import { NS } from '@dpi/csw';
import {
  CSW_OUTPUT_SCHEMA,
  ISO_OUTPUT_SCHEMA,
  MAX_RECORDS,
  OUTPUT_FORMATS,
  TYPE_NAMES,
} from './csw-request';
import { QUERYABLES } from './filter';
import { document, el, type XmlContent } from './xml';

export const CSW_PATH = '/api/v1/csw';

/** Namespaces declared on every response root. */
export const RESPONSE_NAMESPACES = {
  'xmlns:csw': NS.csw,
  'xmlns:dc': NS.dc,
  'xmlns:dct': NS.dct,
  'xmlns:ows': NS.ows,
  'xmlns:ogc': NS.ogc,
  'xmlns:gmd': NS.gmd,
  'xmlns:gco': NS.gco,
  'xmlns:srv': NS.srv,
  'xmlns:gml': NS.gml,
  'xmlns:xlink': NS.xlink,
  'xmlns:xsi': NS.xsi,
};

const values = (name: string, list: readonly string[]) =>
  el(
    'ows:Parameter',
    { name },
    list.map((v) => el('ows:Value', null, v)),
  );

function operation(name: string, url: string, ...parameters: XmlContent[]) {
  return el(
    'ows:Operation',
    { name },
    el(
      'ows:DCP',
      null,
      el(
        'ows:HTTP',
        null,
        el('ows:Get', { 'xlink:href': url }),
        el('ows:Post', { 'xlink:href': url }),
      ),
    ),
    parameters,
  );
}

/** GetCapabilities: what OWSLib and pycsw's harvester read to choose typeNames and outputSchema. */
export function capabilitiesXml(base: string): string {
  const url = `${base}${CSW_PATH}`;
  const schemas = [CSW_OUTPUT_SCHEMA, ISO_OUTPUT_SCHEMA];
  return document(
    el(
      'csw:Capabilities',
      {
        ...RESPONSE_NAMESPACES,
        version: '2.0.2',
        'xsi:schemaLocation':
          'http://www.opengis.net/cat/csw/2.0.2 http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd',
      },
      el(
        'ows:ServiceIdentification',
        null,
        el('ows:Title', null, 'Datenplattform-Inventar – CSW'),
        el(
          'ows:Abstract',
          null,
          'Plattformen, digitale Zwillinge, Datensätze und Schnittstellen der 16 Länder, ' +
            'erfasst von der AG Integrierte Datenplattformen. Die ISO-19139-Dokumente werden aus ' +
            'dem Inventar erzeugt (auch die geharvesteter Datensätze).',
        ),
        el(
          'ows:Keywords',
          null,
          ['Datenplattform', 'Digitaler Zwilling', 'Geodaten', 'Länder'].map((k) =>
            el('ows:Keyword', null, k),
          ),
          el('ows:Type', null, 'theme'),
        ),
        el('ows:ServiceType', null, 'CSW'),
        el('ows:ServiceTypeVersion', null, '2.0.2'),
        el('ows:Fees', null, 'keine'),
        el('ows:AccessConstraints', null, 'keine'),
      ),
      el(
        'ows:ServiceProvider',
        null,
        el('ows:ProviderName', null, 'AG Integrierte Datenplattformen'),
        el('ows:ProviderSite', { 'xlink:href': base }),
        el(
          'ows:ServiceContact',
          null,
          el('ows:IndividualName', null, 'Datenplattform-Inventar'),
          el('ows:ContactInfo', null, el('ows:OnlineResource', { 'xlink:href': base })),
          el('ows:Role', null, 'pointOfContact'),
        ),
      ),
      el(
        'ows:OperationsMetadata',
        null,
        operation(
          'GetCapabilities',
          url,
          values('sections', [
            'ServiceIdentification',
            'ServiceProvider',
            'OperationsMetadata',
            'Filter_Capabilities',
          ]),
        ),
        operation(
          'DescribeRecord',
          url,
          values('typeName', TYPE_NAMES),
          values('outputFormat', OUTPUT_FORMATS),
          values('schemaLanguage', ['http://www.w3.org/XML/Schema']),
        ),
        operation(
          'GetRecords',
          url,
          values('typeNames', TYPE_NAMES),
          values('outputFormat', OUTPUT_FORMATS),
          values('outputSchema', schemas),
          values('resultType', ['hits', 'results']),
          values('ElementSetName', ['brief', 'summary', 'full']),
          values('CONSTRAINTLANGUAGE', ['FILTER', 'CQL_TEXT']),
          el(
            'ows:Constraint',
            { name: 'SupportedDublinCoreQueryables' },
            [
              'csw:AnyText',
              'dc:title',
              'dct:abstract',
              'dc:subject',
              'dct:modified',
              'dc:identifier',
              'dc:type',
              'ows:BoundingBox',
            ].map((q) => el('ows:Value', null, q)),
          ),
          el(
            'ows:Constraint',
            { name: 'SupportedISOQueryables' },
            QUERYABLES.map((q) => el('ows:Value', null, `apiso:${q}`)),
          ),
        ),
        operation(
          'GetRecordById',
          url,
          values('outputFormat', OUTPUT_FORMATS),
          values('outputSchema', schemas),
          values('ElementSetName', ['brief', 'summary', 'full']),
        ),
        values('service', ['CSW']),
        values('version', ['2.0.2']),
        el(
          'ows:Constraint',
          { name: 'MaxRecordDefault' },
          el('ows:Value', null, String(MAX_RECORDS)),
        ),
      ),
      el(
        'ogc:Filter_Capabilities',
        null,
        el(
          'ogc:Spatial_Capabilities',
          null,
          el('ogc:GeometryOperands', null, el('ogc:GeometryOperand', null, 'gml:Envelope')),
          el('ogc:SpatialOperators', null, el('ogc:SpatialOperator', { name: 'BBOX' })),
        ),
        el(
          'ogc:Scalar_Capabilities',
          null,
          el('ogc:LogicalOperators'),
          el(
            'ogc:ComparisonOperators',
            null,
            [
              'EqualTo',
              'NotEqualTo',
              'LessThan',
              'LessThanEqualTo',
              'GreaterThan',
              'GreaterThanEqualTo',
              'Like',
            ].map((op) => el('ogc:ComparisonOperator', null, op)),
          ),
        ),
        el('ogc:Id_Capabilities', null, el('ogc:EID'), el('ogc:FID')),
      ),
    ),
  );
}

const SCHEMAS: Record<string, { namespace: string; location: string }> = {
  Record: { namespace: NS.csw, location: 'http://schemas.opengis.net/csw/2.0.2/record.xsd' },
  MD_Metadata: {
    namespace: NS.gmd,
    location: 'http://schemas.opengis.net/iso/19139/20060504/gmd/gmd.xsd',
  },
};

/** DescribeRecord: the record schemas, by reference to their published XSDs. */
export function describeRecordXml(typeNames: string[]): string {
  const locals = typeNames.length
    ? typeNames.map((t) => t.replace(/^.*:/, ''))
    : Object.keys(SCHEMAS);
  return document(
    el(
      'csw:DescribeRecordResponse',
      { ...RESPONSE_NAMESPACES, 'xmlns:xs': 'http://www.w3.org/2001/XMLSchema' },
      [...new Set(locals)].map((local) =>
        el(
          'csw:SchemaComponent',
          {
            targetNamespace: SCHEMAS[local].namespace,
            schemaLanguage: 'http://www.w3.org/XML/Schema',
          },
          el(
            'xs:schema',
            { targetNamespace: SCHEMAS[local].namespace, elementFormDefault: 'qualified' },
            el('xs:include', { schemaLocation: SCHEMAS[local].location }),
          ),
        ),
      ),
    ),
  );
}
