/**
 * The OpenLayers map: the 16 Länder as one vector layer, coloured by platform count. No tile layer
 * and no request beyond the outlines the page already loaded.
 */
import type { FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import OlMap from 'ol/Map';
import Overlay from 'ol/Overlay';
import View from 'ol/View';
import { defaults as defaultControls } from 'ol/control/defaults';
import ZoomToExtent from 'ol/control/ZoomToExtent';
import { buffer, type Extent } from 'ol/extent';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style, Text } from 'ol/style';
import { buildScale, type ChoroplethScale, colorFor, textColorFor } from './choropleth';
import { formatCount } from './summary';

export interface LaenderMapOptions {
  target: HTMLElement;
  tooltip: HTMLElement;
  /** FeatureCollection in WGS 84 whose features have `properties.code` (e.g. `DE-HH`). */
  geojson: unknown;
  /** Text shown for a Land under the pointer. */
  describe: (code: string) => string;
  /** A Land was clicked (`undefined`: clicked beside Germany). */
  onSelect: (code: string | undefined) => void;
}

export interface LaenderMap {
  setCounts(counts: ReadonlyMap<string, number>, scale: ChoroplethScale): void;
  select(code: string | undefined): void;
  /** Code and name of every Land in the outlines. */
  laender(): { code: string; name: string }[];
}

const PADDING = [24, 24, 24, 24];
const BORDER = new Stroke({ color: '#ffffff', width: 1 });
const HOVER_BORDER = new Stroke({ color: '#1b1b1b', width: 2 });
const SELECTED_BORDER = new Stroke({ color: '#000000', width: 3 });
const LABEL_FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function createLaenderMap(options: LaenderMapOptions): LaenderMap {
  const source = new VectorSource({
    features: new GeoJSON().readFeatures(options.geojson, {
      dataProjection: 'EPSG:4326',
      featureProjection: 'EPSG:3857',
    }),
    attributions: 'Grenzen: Natural Earth (gemeinfrei)',
  });
  const extent = source.getExtent();
  if (!extent || source.getFeatures().length === 0)
    throw new Error('Kartengrundlage enthält keine Länder');
  const germany: Extent = extent;

  let counts: ReadonlyMap<string, number> | undefined;
  let scale = buildScale([]);
  let hovered: string | undefined;
  let selected: string | undefined;
  const styles = new Map<string, Style[]>();
  const labelPoints = new Map<string, Point>();

  /** One label per Land, inside its largest polygon (not one per North Sea island). */
  const labelPoint = (feature: FeatureLike): Point | undefined => {
    const code = codeOf(feature);
    let point = labelPoints.get(code);
    if (!point) {
      const geometry = feature.getGeometry();
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

  const style = (feature: FeatureLike): Style[] => {
    const code = codeOf(feature);
    const count = counts?.get(code);
    const fill = colorFor(scale, count);
    const state = code === selected ? 'selected' : code === hovered ? 'hovered' : 'normal';
    const label = count === undefined ? '' : formatCount(count);
    const key = `${fill}|${state}|${label}`;
    let cached = styles.get(key);
    if (!cached) {
      cached = [
        new Style({
          fill: new Fill({ color: fill }),
          stroke:
            state === 'selected' ? SELECTED_BORDER : state === 'hovered' ? HOVER_BORDER : BORDER,
          zIndex: state === 'normal' ? 0 : state === 'hovered' ? 1 : 2,
        }),
      ];
      if (label) {
        cached.push(
          new Style({
            geometry: labelPoint,
            zIndex: 3,
            text: new Text({
              text: label,
              font: LABEL_FONT,
              fill: new Fill({ color: textColorFor(fill) }),
              stroke: new Stroke({ color: fill, width: 3 }),
              overflow: true,
            }),
          }),
        );
      }
      styles.set(key, cached);
    }
    return cached;
  };

  const layer = new VectorLayer({ source, style, declutter: true });
  const tooltip = new Overlay({
    element: options.tooltip,
    offset: [14, 0],
    positioning: 'center-left',
    stopEvent: false,
  });

  const map = new OlMap({
    target: options.target,
    layers: [layer],
    overlays: [tooltip],
    keyboardEventTarget: options.target,
    view: new View({
      projection: 'EPSG:3857',
      enableRotation: false,
      // Keep Germany in reach: the centre may not leave the country plus ~300 km.
      extent: buffer(germany, 300_000),
      constrainOnlyCenter: true,
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

  const featureAt = (pixel: number[]): FeatureLike | undefined =>
    map.forEachFeatureAtPixel(pixel, (feature) => feature, { layerFilter: (l) => l === layer });

  const hideTooltip = (): void => {
    options.tooltip.hidden = true;
    tooltip.setPosition(undefined);
  };

  map.on('pointermove', (event) => {
    if (event.dragging) return;
    const feature = featureAt(event.pixel);
    const code = feature ? codeOf(feature) : undefined;
    options.target.style.cursor = code ? 'pointer' : '';
    if (code !== hovered) {
      hovered = code;
      layer.changed();
    }
    if (code) {
      options.tooltip.textContent = options.describe(code);
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
      layer.changed();
    }
  });
  map.on('click', (event) => {
    const feature = featureAt(event.pixel);
    options.onSelect(feature ? codeOf(feature) : undefined);
  });

  return {
    setCounts(next, nextScale) {
      counts = next;
      scale = nextScale;
      layer.changed();
    },
    select(code) {
      if (code === selected) return;
      selected = code;
      layer.changed();
    },
    laender() {
      return source
        .getFeatures()
        .map((feature) => ({ code: codeOf(feature), name: String(feature.get('name') ?? '') }));
    },
  };
}

function codeOf(feature: FeatureLike): string {
  return String(feature.get('code') ?? '');
}
