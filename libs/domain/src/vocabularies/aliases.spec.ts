import { canonicalStandardCode, STANDARDS } from '../standards';
import { SERVICE_TYPE_STANDARD, SERVICE_TYPES, serviceTypeOfProtocol } from './endpoint';
import {
  canonicalThreeDFormat,
  THREE_D_FORMAT_ALIASES,
  THREE_D_FORMAT_STANDARD,
  THREE_D_FORMATS,
} from './twin';

describe('one vocabulary of standards (issue 21, part 8)', () => {
  const codes = STANDARDS.map((s) => s.code);

  it('codes every 3D format as a standard of the list', () => {
    for (const format of THREE_D_FORMATS) expect(codes).toContain(THREE_D_FORMAT_STANDARD[format]);
  });

  it('maps the earlier 3D format words onto the canonical codes', () => {
    expect(canonicalThreeDFormat('cityGml2')).toBe('citygml-2');
    expect(canonicalThreeDFormat('cityGml3')).toBe('citygml-3');
    expect(canonicalThreeDFormat('cityJson')).toBe('cityjson');
    expect(canonicalThreeDFormat('3dTiles')).toBe('3d-tiles');
    for (const format of THREE_D_FORMATS) expect(canonicalThreeDFormat(format)).toBe(format);
    for (const target of Object.values(THREE_D_FORMAT_ALIASES))
      expect(THREE_D_FORMATS).toContain(target);
  });

  it('knows no 3D format it cannot name', () => {
    expect(canonicalThreeDFormat('CityGML')).toBeUndefined(); // which version? the client must say
    expect(canonicalThreeDFormat('toString')).toBeUndefined();
    expect(canonicalThreeDFormat('obj')).toBeUndefined();
  });

  it.each([
    ['citygml', 'citygml'],
    ['CityGML', 'citygml'],
    ['cityGml2', 'citygml'],
    ['cityGml3', 'citygml'],
    ['OGC CityGML', 'citygml'],
    ['3dTiles', '3d-tiles'],
    ['3D Tiles', '3d-tiles'],
    ['cityJson', 'cityjson'],
    ['csw', 'ogc-csw'],
    ['OGC CSW', 'ogc-csw'],
    ['WMS', 'ogc-wms'],
    ['wfs', 'ogc-wfs'],
    ['sensorThings', 'ogc-sensorthings'],
    ['ogcApiFeatures', 'ogcapi-features'],
    ['OGC API – Features', 'ogcapi-features'],
    ['DCAT-AP.de', 'dcat-ap-de'],
    ['ISO 19139', 'iso-19139'],
    ['iso19115', 'iso-19115'],
    ['I3S', 'i3s'],
    ['glTF', 'gltf'],
  ])('reads "%s" as %s', (word, code) => {
    expect(canonicalStandardCode(word)).toBe(code);
  });

  it('maps every canonical code onto itself and unknown words onto nothing', () => {
    for (const code of codes) expect(canonicalStandardCode(code)).toBe(code);
    expect(canonicalStandardCode('ISO 19119')).toBeUndefined(); // another standard, not on the list
    expect(canonicalStandardCode('DCAT-AP')).toBeUndefined(); // the EU profile is not DCAT-AP.de
    expect(canonicalStandardCode('constructor')).toBeUndefined();
    expect(canonicalStandardCode('')).toBeUndefined();
  });
});

describe('service types and the standards they implement', () => {
  const codes = STANDARDS.map((s) => s.code);

  it('relates every service type to a standard of the list or to none', () => {
    expect(Object.keys(SERVICE_TYPE_STANDARD)).toEqual([...SERVICE_TYPES]);
    for (const standard of Object.values(SERVICE_TYPE_STANDARD))
      if (standard !== null) expect(codes).toContain(standard);
    expect(SERVICE_TYPE_STANDARD['3dTiles']).toBe('3d-tiles');
  });

  it('maps the protocols @dpi/csw normalises onto service types', () => {
    expect(serviceTypeOfProtocol('WMS')).toBe('wms');
    expect(serviceTypeOfProtocol('OGC API Features')).toBe('ogcApiFeatures');
    expect(serviceTypeOfProtocol('ATOM')).toBe('atomFeed');
    expect(serviceTypeOfProtocol('CSW')).toBe('csw');
    expect(serviceTypeOfProtocol('download')).toBeUndefined();
    expect(serviceTypeOfProtocol('website')).toBeUndefined();
    expect(serviceTypeOfProtocol('toString')).toBeUndefined();
  });
});
