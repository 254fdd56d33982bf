import { LAENDER } from '@dpi/domain';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Feature {
  type: string;
  id: string;
  properties: { code: string; name: string };
  geometry: { type: string; coordinates: number[][][] | number[][][][] };
}

describe('build-laender-geojson.mjs', () => {
  let dir: string;
  let collection: { type: string; features: Feature[] };
  let log: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'laender-geojson-'));
    const out = join(dir, 'laender.geojson');
    log = execFileSync(
      process.execPath,
      [join(__dirname, 'build-laender-geojson.mjs'), '--out', out],
      {
        encoding: 'utf8',
      },
    );
    collection = JSON.parse(readFileSync(out, 'utf8'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one feature per Land, with the domain’s codes and names', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(
      collection.features.map((f) => ({ code: f.properties.code, name: f.properties.name })),
    ).toEqual(LAENDER.map(({ code, name }) => ({ code, name })));
    expect(collection.features.every((f) => f.id === f.properties.code)).toBe(true);
  });

  it('keeps valid polygons inside Germany’s bounding box', () => {
    for (const feature of collection.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      const polygons = (
        feature.geometry.type === 'Polygon'
          ? [feature.geometry.coordinates]
          : feature.geometry.coordinates
      ) as number[][][][];
      expect(polygons.length).toBeGreaterThan(0);
      for (const ring of polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lon, lat] of ring) {
          expect(lon).toBeGreaterThan(5.8);
          expect(lon).toBeLessThan(15.1);
          expect(lat).toBeGreaterThan(47.2);
          expect(lat).toBeLessThan(55.1);
        }
      }
    }
  });

  it('keeps Berlin as a hole in Brandenburg', () => {
    const brandenburg = collection.features.find((f) => f.properties.code === 'DE-BB');
    expect(brandenburg?.geometry.type).toBe('Polygon');
    expect(brandenburg?.geometry.coordinates).toHaveLength(2);
  });

  it('simplifies the outlines to well under the source size and says so', () => {
    const match = /(\d+\.\d) KiB → (\d+\.\d) KiB/.exec(log);
    expect(match).not.toBeNull();
    const [before, after] = [Number(match?.[1]), Number(match?.[2])];
    expect(after).toBeLessThan(before / 3);
    expect(after).toBeLessThan(100);
  });
});
