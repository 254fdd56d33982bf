import { normaliseProtocol } from './protocol';

describe('normaliseProtocol', () => {
  it.each([
    // Strings as they occur in GDI-DE, INSPIRE and GeoNetwork catalogues.
    ['OGC:WMS-1.3.0-http-get-capabilities', 'WMS'],
    ['OGC:WMS-1.1.1-http-get-map', 'WMS'],
    ['OGC:WMS', 'WMS'],
    ['OGC Web Map Service', 'WMS'],
    ['WMS', 'WMS'],
    ['OGC:WMTS-1.0.0-http-get-capabilities', 'WMTS'],
    ['OGC Web Map Tile Service', 'WMTS'],
    ['OGC:WFS-1.1.0-http-get-feature', 'WFS'],
    ['OGC:WFS', 'WFS'],
    ['OGC Web Feature Service', 'WFS'],
    ['OGC:WCS-2.0.1-http-get-capabilities', 'WCS'],
    ['OGC Web Coverage Service', 'WCS'],
    ['OGC:CSW', 'CSW'],
    ['OGC:API-Features', 'OGC API Features'],
    ['OGC API - Features', 'OGC API Features'],
    ['OGC:OAPIF', 'OGC API Features'],
    ['OGC API - Records', 'OGC API Records'],
    ['INSPIRE Atom', 'ATOM'],
    ['https://tools.ietf.org/html/rfc4287', 'ATOM'],
    ['WWW:DOWNLOAD-1.0-http--download', 'download'],
    ['WWW:DOWNLOAD-1.0-ftp--download', 'download'],
    ['WWW:LINK-1.0-http--link', 'website'],
    ['WWW:LINK-1.0-http--related', 'website'],
    ['http', 'website'],
    ['GLG:KML-2.0-http-get-map', 'other'],
    ['ESRI:REST', 'other'],
  ])('%s → %s', (protocol, expected) => {
    expect(normaliseProtocol({ protocol })).toBe(expected);
  });

  it('uses the Anchor href when the text says nothing', () => {
    expect(
      normaliseProtocol({
        protocol: 'Dienst',
        protocolHref: 'http://www.opengis.net/def/serviceType/ogc/wfs',
      }),
    ).toBe('WFS');
  });

  it('without a protocol: SERVICE= in the URL, then application profile, then the function code', () => {
    expect(normaliseProtocol({ url: 'https://x.de/ows?REQUEST=GetCapabilities&SERVICE=WMS' })).toBe(
      'WMS',
    );
    expect(normaliseProtocol({ url: 'https://x.de/a', applicationProfile: 'WFS-URL' })).toBe('WFS');
    expect(normaliseProtocol({ url: 'https://x.de/a.zip', function: 'download' })).toBe('download');
    expect(normaliseProtocol({ url: 'https://x.de/', function: 'information' })).toBe('website');
    expect(normaliseProtocol({ url: 'https://x.de/' })).toBe('other');
  });
});
