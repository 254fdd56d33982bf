/**
 * The entries on the map: each becomes a point (its own, the interior point of its area, or its
 * Land's anchor when it has no location); points are grouped per Land and placed by layout.ts
 * (never on a city-state); areas are drawn as dashed outlines from zoom 7.
 */
import Feature, { type FeatureLike } from 'ol/Feature';
import type GeoJSON from 'ol/format/GeoJSON';
import type Geometry from 'ol/geom/Geometry';
import LineString from 'ol/geom/LineString';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import type { InventoryItem } from '../model';
import { edgeTowards, type Group, type Obstacle } from './layout';

/** Marker colours: dark enough for white text (≥ 4.5:1) and apart from the blue choropleth. */
export const KIND_COLORS: Record<string, string> = {
  platform: '#7a2e8e',
  twin: '#a33b00',
  dataset: '#1e6b35',
  endpoint: '#5a5a5a',
};
export const MIXED_COLOR = '#1b1b1b';
export const FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const AREA_STROKE = new Stroke({ color: 'rgba(122, 46, 142, 0.8)', width: 1.5, lineDash: [4, 3] });
const LEADER = new Style({ stroke: new Stroke({ color: '#1b1b1b', width: 1.5 }), zIndex: 0 });

export interface EntryPoint {
  item: InventoryItem;
  land: string;
  /** Map coordinates (EPSG:3857). */
  coordinate: [number, number];
}

/** A placed group, as the click handler and the keyboard need it. */
export interface PlacedGroup {
  id: string;
  land: string;
  items: InventoryItem[];
  /** Map coordinates of the members (to zoom to them). */
  coordinates: [number, number][];
  /** Where the group is drawn (map coordinates) and its radius in pixels. */
  center: [number, number];
  radius: number;
}

export function entryPoints(
  items: readonly InventoryItem[],
  format: GeoJSON,
  anchorOf: (land: string) => [number, number] | undefined,
): { points: EntryPoint[]; areas: Feature<Geometry>[] } {
  const points: EntryPoint[] = [];
  const areas: Feature<Geometry>[] = [];
  for (const item of items) {
    const geometry = item.geometry
      ? (format.readGeometry(item.geometry) as Geometry | undefined)
      : undefined;
    let coordinate: number[] | undefined;
    if (geometry instanceof Point) coordinate = geometry.getCoordinates();
    else if (geometry instanceof Polygon) coordinate = geometry.getInteriorPoint().getCoordinates();
    else if (geometry instanceof MultiPolygon)
      coordinate = geometry.getInteriorPoints().getPoints()[0]?.getCoordinates();
    else if (geometry) {
      const e = geometry.getExtent();
      coordinate = [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2];
    }
    if (!coordinate && item.landCode) coordinate = anchorOf(item.landCode);
    if (!coordinate) continue;
    points.push({ item, land: item.landCode ?? '', coordinate: [coordinate[0], coordinate[1]] });
    if (geometry instanceof Polygon || geometry instanceof MultiPolygon)
      areas.push(new Feature({ geometry, item }));
  }
  return { points, areas };
}

export function createMarkerLayers() {
  const source = new VectorSource<Feature<Geometry>>();
  const areas = new VectorSource<Feature<Geometry>>();
  const styles = new Map<string, Style>();
  const layer = new VectorLayer({
    source,
    zIndex: 10,
    style: (feature: FeatureLike) => {
      if (feature.get('leader')) return LEADER;
      const group = feature.get('group') as PlacedGroup | undefined;
      if (!group) return undefined;
      const kinds = new Set(group.items.map((item) => item.kind));
      const color = kinds.size === 1 ? (KIND_COLORS[[...kinds][0]] ?? MIXED_COLOR) : MIXED_COLOR;
      const size = group.items.length;
      const key = `${color}|${size}|${group.radius}`;
      let style = styles.get(key);
      if (!style) {
        style = new Style({
          zIndex: 1,
          image: new Circle({
            radius: group.radius,
            fill: new Fill({ color }),
            stroke: new Stroke({ color: '#ffffff', width: 2 }),
          }),
          text:
            size > 1
              ? new Text({ text: String(size), font: FONT, fill: new Fill({ color: '#ffffff' }) })
              : undefined,
        });
        styles.set(key, style);
      }
      return style;
    },
  });
  const areaLayer = new VectorLayer({
    source: areas,
    zIndex: 5,
    minZoom: 7,
    style: new Style({ stroke: AREA_STROKE }),
  });

  return {
    layer,
    areaLayer,
    setAreas(features: Feature<Geometry>[]) {
      areas.clear(true);
      areas.addFeatures(features);
    },
    /** Draws the groups placed at `resolution` (layout pixels: x = X / res, y = −Y / res). */
    setGroups(
      groups: readonly Group[],
      points: readonly EntryPoint[],
      resolution: number,
      obstacles: readonly Obstacle[],
    ): PlacedGroup[] {
      const toMap = (x: number, y: number): [number, number] => [x * resolution, -y * resolution];
      const placed: PlacedGroup[] = [];
      const features: Feature<Geometry>[] = [];
      for (const group of groups) {
        const members = group.members.map((i) => points[i]);
        const entry: PlacedGroup = {
          id: `${group.land}|${members[0].item.kind}:${members[0].item.id}`,
          land: group.land,
          items: members.map((m) => m.item),
          coordinates: members.map((m) => m.coordinate),
          center: toMap(group.x, group.y),
          radius: group.r,
        };
        placed.push(entry);
        features.push(new Feature({ geometry: new Point(entry.center), group: entry }));
        if (group.displaced) {
          // From the group's edge to its place: the city-state's edge, or the members' mean.
          const own = obstacles.find((o) => o.land === group.land);
          const target = own ? edgeTowards(own, [group.x, group.y]) : group.anchor;
          const from = edgeTowards(group, target);
          features.push(
            new Feature({
              geometry: new LineString([toMap(from[0], from[1]), toMap(target[0], target[1])]),
              leader: true,
            }),
          );
        }
      }
      source.clear(true);
      source.addFeatures(features);
      return placed;
    },
  };
}

export type MarkerLayers = ReturnType<typeof createMarkerLayers>;
