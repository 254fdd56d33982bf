import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnexpectedDocumentError } from '../errors';
import { parseCapabilities } from './capabilities';

const FIXTURES = join(__dirname, '../../../../../shared/fixtures/csw');

describe('parseCapabilities', () => {
  it('reads the Geodatenkatalog (GDK, GeoNetwork) capabilities', async () => {
    const caps = await parseCapabilities(
      readFileSync(join(FIXTURES, 'ingrid-harvester-gdk/GetCapabilities.xml')),
    );
    expect(caps.version).toBe('2.0.2');
    expect(caps.title).toBe('Geodatenkatalog');
    expect(caps.provider).toBe('Bundesamt für Kartographie und Geodäsie');
    expect(caps.operations.map((o) => o.name)).toEqual([
      'GetCapabilities',
      'DescribeRecord',
      'GetDomain',
      'GetRecords',
      'GetRecordById',
      'Transaction',
      'Harvest',
    ]);
    const gr = caps.operations.find((o) => o.name === 'GetRecords');
    expect(gr?.getUrls).toEqual(['https://gdk.gdi-de.org/gdi-de/srv/ger/csw']);
    expect(gr?.postUrls).toEqual(['https://gdk.gdi-de.org/gdi-de/srv/ger/csw']);
    expect(gr?.constraints['PostEncoding']).toEqual(['XML', 'SOAP']);
    expect(caps.getRecords).toMatchObject({
      supported: true,
      get: true,
      post: true,
      isoOutputSchema: true,
      outputSchemas: [
        'http://www.opengis.net/cat/csw/2.0.2',
        'http://www.isotc211.org/2005/gfc',
        'http://www.w3.org/ns/dcat#',
        'http://www.isotc211.org/2005/gmd',
        'http://standards.iso.org/iso/19115/-3/mdb/2.0',
      ],
      typeNames: [
        'csw:Record',
        'gfc:FC_FeatureCatalogue',
        'dcat',
        'gmd:MD_Metadata',
        'mdb:MD_Metadata',
      ],
      constraintLanguages: ['FILTER', 'CQL_TEXT'],
      resultTypes: ['hits', 'results', 'validate'],
      // CSW 2.0.2 capabilities cannot say; GeoNetwork's do not.
      sortBy: null,
    });
    expect(caps.getRecords.queryables).toEqual(
      expect.arrayContaining(['Identifier', 'Modified', 'OperatesOn', 'ResourceIdentifier']),
    );
    expect(caps.filter.comparisonOperators).toContain('GreaterThanEqualTo');
    expect(caps.filter.spatialOperators).toEqual([
      'BBOX',
      'Equals',
      'Overlaps',
      'Disjoint',
      'Intersects',
      'Touches',
      'Crosses',
      'Within',
      'Contains',
    ]);
  });

  it('says SortBy is supported when the capabilities name it', async () => {
    const caps = await parseCapabilities(
      '<csw:Capabilities xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ows="http://www.opengis.net/ows" version="2.0.2">' +
        '<ows:OperationsMetadata><ows:Operation name="GetRecords">' +
        '<ows:Constraint name="SupportedSortBy"><ows:Value>Identifier</ows:Value></ows:Constraint>' +
        '</ows:Operation></ows:OperationsMetadata></csw:Capabilities>',
    );
    expect(caps.getRecords.sortBy).toBe(true);
    expect(caps.getRecords.sortByReason).toBe('GetRecords SupportedSortBy: Identifier');
    expect(caps.getRecords.get).toBe(false);
  });

  it('refuses capabilities of another service', async () => {
    await expect(
      parseCapabilities('<WMS_Capabilities xmlns="http://www.opengis.net/wms"/>'),
    ).rejects.toBeInstanceOf(UnexpectedDocumentError);
  });
});
