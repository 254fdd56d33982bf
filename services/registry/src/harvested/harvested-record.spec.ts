import { create } from '@bufbuild/protobuf';
import { HarvestedRecordSchema } from '@dpi/contracts';
import { harvestedFields, latestPerRecord } from './harvested-record';

const SOURCE = '6f1c1a52-3b7e-4d0f-9a51-6a2d1f3c9e10';

describe('harvested records → dataset fields', () => {
  it('keeps what the model accepts and drops the rest', () => {
    const fields = harvestedFields(
      create(HarvestedRecordSchema, {
        sourceId: SOURCE,
        fileIdentifier: 'de.dwd.geoserver.fach.RADOLAN-W4',
        landCode: 'DE-XX',
        checksum: 'abc',
        jobId: 'not-a-uuid',
        title: '  Radar\u0000 ',
        themes: ['ENVI', 'NOPE', 'ENVI'],
        keywords: ['a', ' a ', ''],
        licenceUri: 'https://example.org/licence',
        licenceText: 'Nutzung frei',
        accessRights: 'SOMETIMES',
        hierarchyLevel: 'featureType',
        bboxes: [
          { west: 5, south: 47, east: 15, north: 55 },
          { west: 20, south: 10, east: 10, north: 5 },
          { west: 6, south: 50, east: 7, north: 51 },
        ],
        distributions: [
          { url: 'https://maps.dwd.de/wms', format: 'WMS', function: 'information' },
          { url: 'ftp://old', format: 'download' },
        ],
      }),
    );
    expect(fields).toMatchObject({
      landCode: null,
      title: 'Radar',
      themes: ['ENVI'],
      keywords: ['a'],
      licence: null,
      licenceText: 'Nutzung frei',
      accessRights: 'PUBLIC',
      hierarchyLevel: 'other',
      bbox: [5, 47, 15, 55],
      harvestJobId: null,
      harvestChecksum: 'abc',
      source: 'harvested',
    });
    expect(fields.geometry?.type).toBe('MultiPolygon');
    expect(fields.distributions).toEqual([
      expect.objectContaining({
        format: 'WMS',
        accessUrl: 'https://maps.dwd.de/wms',
        downloadUrl: null,
      }),
    ]);
  });

  it('falls back to the file identifier as title', () => {
    const fields = harvestedFields(
      create(HarvestedRecordSchema, { sourceId: SOURCE, fileIdentifier: 'x-1', title: '' }),
    );
    expect(fields.title).toBe('x-1');
    expect(fields.geometry).toBeNull();
  });

  it('keeps the last change per record, in batch order', () => {
    const change = (file: string, n: number) => ({
      sourceId: SOURCE,
      fileIdentifier: file,
      record: null,
      eventId: String(n),
    });
    expect(
      latestPerRecord([change('a', 1), change('b', 2), change('a', 3)]).map((c) => c.eventId),
    ).toEqual(['2', '3']);
  });
});
