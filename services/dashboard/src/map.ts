/**
 * The OpenLayers map: the 16 Länder as a choropleth, and the platforms and twins on top, clustered.
 * No tile layer and no request beyond the outlines the page already loaded.
 */
import Feature, { type FeatureLike } from 'ol/Feature';
import OlMap from 'ol/Map';
import Overlay from 'ol/Overlay';
import View from 'ol/View';
import { defaults as defaultControls } from 'ol/control/defaults';
import ZoomToExtent from 'ol/control/ZoomToExtent';
import { boundingExtent, buffer, type Extent } from 'ol/extent';
import GeoJSON from 'ol/format/GeoJSON';
import type Geometry from 'ol/geom/Geometry';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
import VectorLayer from 'ol/layer/Vector';
import Cluster from 'ol/source/Cluster';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import { textColorFor } from './choropleth';
import type { InventoryItem } from './model';

export interface LaenderMapOptions {
  target: HTMLElement;
  tooltip: HTMLElement;
  /** FeatureCollection in WGS 84 whose features have `properties.code` (e.g. `DE-HH`). */
  geojson: unknown;
  /** Text shown for a Land under the pointer. */
  describeLand: (code: string) => string;
  /** Text shown for entries under the pointer (one or a cluster). */
  describeItems: (items: InventoryItem[]) => string;
  /** A Land was clicked (`undefined`: clicked beside Germany). */
  onSelectLand: (code: string | undefined) => void;
  /** An entry was clicked, or a group that zooming cannot split (same place, or zoomed in fully). */
  onSelectItems: (items: InventoryItem[]) => void;
}

export interface LandFill {
  color: string;
  /** Drawn in the Land (its value), empty for none. */
  label: string;
}

export interface LaenderMap {
  setFills(fills: ReadonlyMap<string, LandFill>): void;
  setItems(items: readonly InventoryItem[]): void;
  select(code: string | undefined): void;
  /** Code and name of every Land in the outlines. */
  laender(): { code: string; name: string }[];
  /** Number of entries on the map. */
  itemCount(): number;
}

const PADDING = [24, 24, 24, 24];
const BORDER = new Stroke({ color: '#ffffff', width: 1 });
const HOVER_BORDER = new Stroke({ color: '#1b1b1b', width: 2 });
const SELECTED_BORDER = new Stroke({ color: '#000000', width: 3 });
const FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const NO_DATA = { color: '#d9d9d9', label: '' };
/** Marker colours: dark enough for white text (≥ 4.5:1) and apart from the blue choropleth. */
export const KIND_COLORS: Record<string, string> = {
  platform: '#7a2e8e',
  twin: '#a33b00',
  dataset: '#1e6b35',
  endpoint: '#5a5a5a',
};
const MIXED_COLOR = '#1b1b1b';
const AREA_STROKE = new Stroke({ color: 'rgba(122, 46, 142, 0.8)', width: 1.5, lineDash: [4, 3] });

export function createLaenderMap(options: LaenderMapOptions): LaenderMap {
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  const source = new VectorSource({
    features: format.readFeatures(options.geojson),
    attributions: 'Grenzen: Natural Earth (gemeinfrei)',
  });
  const extent = source.getExtent();
  if (!extent || source.getFeatures().length === 0)
    throw new Error('Kartengrundlage enthält keine Länder');
  const germany: Extent = extent;

  let fills: ReadonlyMap<string, LandFill> = new Map();
  let hovered: string | undefined;
  let selected: string | undefined;
  const styles = new Map<string, Style[]>();
  const labelPoints = new Map<string, Point>();

  /** One label per Land, inside its largest polygon (not one per North Sea island). */
  const labelPointOf = (code: string): Point | undefined => {
    let point = labelPoints.get(code);
    if (!point) {
      const feature = source.getFeatures().find((f) => codeOf(f) === code);
      const geometry = feature?.getGeometry();
      const polygons =
        geometry instanceof MultiPolygon
          ? geometry.getPolygons()
          : geometry instanceof Polygon
            ? [geometry]
            : [];
      const largest = polygons.reduce<Polygon | undefined>(
        (best, polygon) => (!best || polygon.getArea() > best.getArea() ? polygon : best),
        undefined,
      );
      if (!largest) return undefined;
      point = largest.getInteriorPoint();
      labelPoints.set(code, point);
    }
    return point;
  };

  const landStyle = (feature: FeatureLike): Style[] => {
    const code = codeOf(feature);
    const fill = fills.get(code) ?? NO_DATA;
    const state = code === selected ? 'selected' : code === hovered ? 'hovered' : 'normal';
    const key = `${fill.color}|${state}|${fill.label}`;
    let cached = styles.get(key);
    if (!cached) {
      cached = [
        new Style({
          fill: new Fill({ color: fill.color }),
          stroke:
            state === 'selected' ? SELECTED_BORDER : state === 'hovered' ? HOVER_BORDER : BORDER,
          zIndex: state === 'normal' ? 0 : state === 'hovered' ? 1 : 2,
        }),
      ];
      if (fill.label) {
        cached.push(
          new Style({
            geometry: (f) => labelPointOf(codeOf(f)),
            zIndex: 3,
            text: new Text({
              text: fill.label,
              font: FONT,
              // Below the Land's centre, so a marker there does not hide it.
              offsetY: 16,
              fill: new Fill({ color: textColorFor(fill.color) }),
              stroke: new Stroke({ color: fill.color, width: 3 }),
              overflow: true,
            }),
          }),
        );
      }
      styles.set(key, cached);
    }
    return cached;
  };

  const laenderLayer = new VectorLayer({ source, style: landStyle, declutter: 'laender' });

  // Entries: every platform or twin becomes a point (its point, the interior point of its area,
  // or its Land's label point when it has no geometry); areas are also drawn as outlines.
  const points = new VectorSource<Feature<Point>>();
  const areas = new VectorSource<Feature<Geometry>>();
  const clusters = new Cluster({ distance: 36, minDistance: 12, source: points });
  const clusterStyles = new Map<string, Style>();
  const clusterLayer = new VectorLayer({
    source: clusters,
    zIndex: 10,
    style: (feature) => {
      const members = itemsOf(feature);
      const kinds = new Set(members.map((item) => item.kind));
      const color = kinds.size === 1 ? (KIND_COLORS[[...kinds][0]] ?? MIXED_COLOR) : MIXED_COLOR;
      const size = members.length;
      const key = `${color}|${size}`;
      let style = clusterStyles.get(key);
      if (!style) {
        const radius = size === 1 ? 7 : Math.min(20, 10 + Math.log2(size) * 2.5);
        style = new Style({
          image: new Circle({
            radius,
            fill: new Fill({ color }),
            stroke: new Stroke({ color: '#ffffff', width: 2 }),
          }),
          text:
            size > 1
              ? new Text({ text: String(size), font: FONT, fill: new Fill({ color: '#ffffff' }) })
              : undefined,
        });
        clusterStyles.set(key, style);
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

  const tooltip = new Overlay({
    element: options.tooltip,
    offset: [14, 0],
    positioning: 'center-left',
    stopEvent: false,
  });

  const map = new OlMap({
    target: options.target,
    layers: [laenderLayer, areaLayer, clusterLayer],
    overlays: [tooltip],
    keyboardEventTarget: options.target,
    view: new View({
      projection: 'EPSG:3857',
      enableRotation: false,
      // Keep Germany in reach: the centre may not leave the country plus ~300 km.
      extent: buffer(germany, 300_000),
      constrainOnlyCenter: true,
      maxZoom: 16,
    }),
    controls: defaultControls({
      rotate: false,
      zoomOptions: { zoomInTipLabel: 'Vergrößern', zoomOutTipLabel: 'Verkleinern' },
      attributionOptions: { collapsible: false },
    }).extend([
      new ZoomToExtent({ extent: germany, label: '⌂', tipLabel: 'Ganz Deutschland anzeigen' }),
    ]),
  });

  const fitGermany = (): void => {
    const view = map.getView();
    view.fit(germany, { padding: PADDING });
    const zoom = view.getZoom();
    if (zoom !== undefined) view.setMinZoom(Math.floor(zoom) - 1);
  };
  if (map.getSize()) fitGermany();
  else map.once('change:size', fitGermany);

  const hit = (pixel: number[]): { land?: string; cluster?: FeatureLike } => {
    let land: string | undefined;
    let cluster: FeatureLike | undefined;
    map.forEachFeatureAtPixel(
      pixel,
      (feature, layer) => {
        if (layer === clusterLayer && !cluster) cluster = feature;
        if (layer === laenderLayer && !land) land = codeOf(feature);
        return undefined;
      },
      { layerFilter: (l) => l === clusterLayer || l === laenderLayer, hitTolerance: 3 },
    );
    return { land, cluster };
  };

  const hideTooltip = (): void => {
    options.tooltip.hidden = true;
    tooltip.setPosition(undefined);
  };

  map.on('pointermove', (event) => {
    if (event.dragging) return;
    const { land, cluster } = hit(event.pixel);
    options.target.style.cursor = land || cluster ? 'pointer' : '';
    if (land !== hovered) {
      hovered = land;
      laenderLayer.changed();
    }
    const text = cluster
      ? options.describeItems(itemsOf(cluster))
      : land
        ? options.describeLand(land)
        : '';
    if (text) {
      options.tooltip.textContent = text;
      options.tooltip.hidden = false;
      tooltip.setPosition(event.coordinate);
    } else {
      hideTooltip();
    }
  });
  options.target.addEventListener('mouseleave', () => {
    hideTooltip();
    if (hovered) {
      hovered = undefined;
      laenderLayer.changed();
    }
  });
  map.on('click', (event) => {
    const { land, cluster } = hit(event.pixel);
    if (cluster) {
      const members = itemsOf(cluster);
      const view = map.getView();
      const coordinates = (cluster.get('features') as Feature<Point>[]).flatMap((f) => {
        const geometry = f.getGeometry();
        return geometry ? [geometry.getCoordinates()] : [];
      });
      const spread = boundingExtent(coordinates);
      const atSamePlace = spread[0] === spread[2] && spread[1] === spread[3];
      if (members.length === 1 || atSamePlace || (view.getZoom() ?? 0) >= view.getMaxZoom() - 1) {
        options.onSelectItems(members);
      } else {
        view.fit(buffer(spread, 2000), { padding: PADDING, duration: 250, maxZoom: 12 });
      }
      return;
    }
    options.onSelectLand(land);
  });

  let count = 0;
  return {
    setFills(next) {
      fills = next;
      laenderLayer.changed();
    },
    setItems(items) {
      const pointFeatures: Feature<Point>[] = [];
      const areaFeatures: Feature<Geometry>[] = [];
      for (const item of items) {
        const geometry = item.geometry
          ? (format.readGeometry(item.geometry) as Geometry | undefined)
          : undefined;
        let point: Point | undefined;
        if (geometry instanceof Point) point = geometry;
        else if (geometry instanceof Polygon) point = geometry.getInteriorPoint();
        else if (geometry instanceof MultiPolygon) {
          const [first] = geometry.getInteriorPoints().getPoints();
          point = first;
        } else if (geometry) {
          const e = geometry.getExtent();
          point = new Point([(e[0] + e[2]) / 2, (e[1] + e[3]) / 2]);
        }
        if (!point && item.landCode) {
          const landPoint = labelPointOf(item.landCode);
          if (landPoint) point = landPoint.clone();
        }
        if (!point) continue;
        // Interior points of polygons are XYM; clusters only need XY.
        const [x, y] = point.getCoordinates();
        pointFeatures.push(new Feature({ geometry: new Point([x, y]), item }));
        if (geometry instanceof Polygon || geometry instanceof MultiPolygon)
          areaFeatures.push(new Feature({ geometry, item }));
      }
      points.clear(true);
      points.addFeatures(pointFeatures);
      areas.clear(true);
      areas.addFeatures(areaFeatures);
      count = pointFeatures.length;
    },
    select(code) {
      if (code === selected) return;
      selected = code;
      laenderLayer.changed();
    },
    laender() {
      return source
        .getFeatures()
        .map((feature) => ({ code: codeOf(feature), name: String(feature.get('name') ?? '') }));
    },
    itemCount: () => count,
  };
}

function codeOf(feature: FeatureLike): string {
  return String(feature.get('code') ?? '');
}

function itemsOf(cluster: FeatureLike): InventoryItem[] {
  const members = (cluster.get('features') as FeatureLike[] | undefined) ?? [];
  return members.map((member) => member.get('item') as InventoryItem);
}
