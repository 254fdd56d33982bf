/**
 * The Länder: a choropleth layer (fill, hover border, a minimum-size circle for a city-state too
 * small to see) and, above the markers, an outline layer for the selected and the keyboard-focused
 * Land — so a selected Berlin's outline is never hidden under a marker group.
 */
import type Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import type { Extent } from 'ol/extent';
import { getCenter } from 'ol/extent';
import type GeoJSON from 'ol/format/GeoJSON';
import type Geometry from 'ol/geom/Geometry';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import { type Avoid, landAnchor } from './anchor';
import type { Obstacle } from './layout';

export const CITY_STATES: ReadonlySet<string> = new Set(['DE-BE', 'DE-HB', 'DE-HH']);
/** Länder small enough to vanish under a group on a phone: kept free like a city-state when small. */
const SMALL_LAENDER: ReadonlySet<string> = new Set(['DE-SL']);
/** Below this radius (px) a small Land is kept free of groups and labels. */
const SMALL_RADIUS = 24;
/** A city-state is drawn at least this large (px radius), so it can be seen and clicked. */
export const MIN_CITY_RADIUS = 8;

const BORDER = new Stroke({ color: '#ffffff', width: 1 });
const HOVER_BORDER = new Stroke({ color: '#1b1b1b', width: 2 });
const CITY_BORDER = new Stroke({ color: '#1b1b1b', width: 1.5 });
const SELECTED = [
  new Style({ stroke: new Stroke({ color: '#ffffff', width: 6 }), zIndex: 0 }),
  new Style({ stroke: new Stroke({ color: '#000000', width: 3 }), zIndex: 1 }),
];
const FOCUSED = [
  new Style({ stroke: new Stroke({ color: '#ffffff', width: 7 }), zIndex: 0 }),
  new Style({
    stroke: new Stroke({ color: '#0b4fd6', width: 4, lineDash: [6, 4] }),
    zIndex: 1,
  }),
];
const NO_DATA = '#d9d9d9';

export interface LandFillColor {
  color: string;
}

export interface LaenderLayers {
  source: VectorSource<Feature<Geometry>>;
  fillLayer: VectorLayer<VectorSource<Feature<Geometry>>>;
  outlineLayer: VectorLayer<VectorSource<Feature<Geometry>>>;
  setFills(fills: ReadonlyMap<string, LandFillColor>): void;
  setHovered(code: string | undefined): void;
  setSelected(code: string | undefined): void;
  setFocused(code: string | undefined): void;
  selected(): string | undefined;
  /** Where a Land's label and its entries without a location go (map coordinates). */
  anchorOf(code: string): [number, number] | undefined;
  /** The city-states' polygons as circles in pixels at `resolution` (for the layout). */
  obstacles(resolution: number): Obstacle[];
  laender(): { code: string; name: string }[];
  extentOf(code: string): Extent | undefined;
}

export function createLaenderLayers(format: GeoJSON, geojson: unknown): LaenderLayers {
  const source = new VectorSource<Feature<Geometry>>({
    features: format.readFeatures(geojson) as Feature<Geometry>[],
    attributions: 'Grenzen: Natural Earth (gemeinfrei)',
  });
  let fills: ReadonlyMap<string, LandFillColor> = new Map();
  let hovered: string | undefined;
  let selected: string | undefined;
  let focused: string | undefined;
  const styles = new Map<string, Style[]>();

  const byCode = new Map(source.getFeatures().map((f) => [codeOf(f), f]));
  const polygonsOf = (code: string): Polygon[] => {
    const geometry = byCode.get(code)?.getGeometry();
    const polygons =
      geometry instanceof MultiPolygon
        ? geometry.getPolygons()
        : geometry instanceof Polygon
          ? [geometry]
          : [];
    return polygons.sort((a, b) => b.getArea() - a.getArea());
  };
  // City-state areas in map units: centre and half the larger side of each polygon's extent.
  const cityAreas = [...CITY_STATES, ...SMALL_LAENDER].flatMap((land) =>
    polygonsOf(land).map((polygon) => {
      const extent = polygon.getExtent();
      const [x, y] = getCenter(extent);
      return { land, x, y, r: Math.max(extent[2] - extent[0], extent[3] - extent[1]) / 2 };
    }),
  );
  const anchors = new Map<string, [number, number] | undefined>();
  const anchorOf = (code: string) => {
    if (!anchors.has(code)) {
      const [largest] = polygonsOf(code);
      let anchor: [number, number] | undefined;
      if (largest) {
        // The surrounding Länder keep their anchor ~25 km beyond a city-state they touch.
        const avoid: Avoid[] = CITY_STATES.has(code)
          ? []
          : cityAreas
              .filter((c) => CITY_STATES.has(c.land))
              .map((c) => ({ x: c.x, y: c.y, r: c.r + 25_000 }));
        anchor = landAnchor(largest.getCoordinates(), avoid);
      }
      anchors.set(code, anchor);
    }
    return anchors.get(code);
  };

  const fillStyle = (feature: FeatureLike, resolution: number): Style[] => {
    const code = codeOf(feature);
    const color = fills.get(code)?.color ?? NO_DATA;
    const hover = code === hovered;
    const city = CITY_STATES.has(code) ? cityAreas.find((c) => c.land === code) : undefined;
    const small = city !== undefined && city.r / resolution < MIN_CITY_RADIUS;
    const key = `${color}|${hover}|${small ? code : ''}`;
    let cached = styles.get(key);
    if (!cached) {
      cached = [
        new Style({
          fill: new Fill({ color }),
          stroke: hover || city ? (hover ? HOVER_BORDER : CITY_BORDER) : BORDER,
          zIndex: hover ? 2 : city ? 1 : 0,
        }),
      ];
      if (small && city) {
        cached.push(
          new Style({
            geometry: new Point([city.x, city.y]),
            image: new Circle({
              radius: MIN_CITY_RADIUS,
              fill: new Fill({ color }),
              stroke: hover ? HOVER_BORDER : CITY_BORDER,
            }),
            zIndex: 3,
          }),
        );
      }
      styles.set(key, cached);
    }
    return cached;
  };

  const fillLayer = new VectorLayer({ source, style: fillStyle });
  const outlineLayer = new VectorLayer({
    source,
    zIndex: 20,
    style: (feature, resolution) => {
      const code = codeOf(feature);
      const base = code === focused ? FOCUSED : code === selected ? SELECTED : undefined;
      if (!base) return undefined;
      const city = CITY_STATES.has(code) ? cityAreas.find((c) => c.land === code) : undefined;
      // A city-state drawn as a circle gets its outline around the circle.
      if (city && city.r / resolution < MIN_CITY_RADIUS)
        return base.map(
          (style) =>
            new Style({
              geometry: new Point([city.x, city.y]),
              image: new Circle({
                radius: MIN_CITY_RADIUS + 1,
                stroke: style.getStroke() ?? undefined,
              }),
              zIndex: style.getZIndex(),
            }),
        );
      return base;
    },
  });

  return {
    source,
    fillLayer,
    outlineLayer,
    setFills(next) {
      fills = next;
      fillLayer.changed();
    },
    setHovered(code) {
      if (code === hovered) return;
      hovered = code;
      fillLayer.changed();
    },
    setSelected(code) {
      if (code === selected) return;
      selected = code;
      outlineLayer.changed();
    },
    setFocused(code) {
      if (code === focused) return;
      focused = code;
      outlineLayer.changed();
    },
    selected: () => selected,
    anchorOf,
    obstacles(resolution) {
      return cityAreas
        .filter((c) => CITY_STATES.has(c.land) || c.r / resolution < SMALL_RADIUS)
        .map((c) => ({
          land: c.land,
          x: c.x / resolution,
          y: -c.y / resolution,
          r: Math.max(c.r / resolution, MIN_CITY_RADIUS) + 2,
        }));
    },
    laender() {
      return source
        .getFeatures()
        .map((feature) => ({ code: codeOf(feature), name: String(feature.get('name') ?? '') }));
    },
    extentOf(code) {
      return byCode.get(code)?.getGeometry()?.getExtent();
    },
  };
}

export function codeOf(feature: FeatureLike): string {
  return String(feature.get('code') ?? '');
}
