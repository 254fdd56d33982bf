/**
 * The OpenLayers map: the 16 Länder as a choropleth, the platforms and twins on top in groups per
 * Land, the figures on the Länder — laid out so that Berlin, Hamburg and Bremen stay visible and
 * clickable at every zoom (map/layout.ts) — a legend, a tooltip kept inside the map, and keyboard
 * stops for every Land and group. No tile layer and no request beyond the outlines the page loaded.
 * One module per layer or part under map/; this file composes them.
 */
import OlMap from 'ol/Map';
import View from 'ol/View';
import Control from 'ol/control/Control';
import { defaults as defaultControls } from 'ol/control/defaults';
import ZoomToExtent from 'ol/control/ZoomToExtent';
import { boundingExtent, buffer, type Extent } from 'ol/extent';
import GeoJSON from 'ol/format/GeoJSON';
import type { ChoroplethScale } from './choropleth';
import type { InventoryItem } from './model';
import { type KeyTarget, orderTargets, targetKey } from './map/keyboard';
import { createKeyStops } from './map/keys';
import { createGroupPanel } from './map/group-panel';
import { createLabelsLayer } from './map/labels-layer';
import { codeOf, createLaenderLayers } from './map/laender-layer';
import { groupPoints, type LabelRequest, placeGroups, placeLabels } from './map/layout';
import { createLegend } from './map/legend';
import { mapTexts } from './map/texts';
import {
  createMarkerLayers,
  type EntryPoint,
  entryPoints,
  type PlacedGroup,
} from './map/markers-layer';
import { createTooltip } from './map/tooltip';
import './map/map.css';

export { KIND_COLORS } from './map/markers-layer';

export interface LaenderMapOptions {
  target: HTMLElement;
  tooltip: HTMLElement;
  /** FeatureCollection in WGS 84 whose features have `properties.code` (e.g. `DE-HH`). */
  geojson: unknown;
  /** Text shown for a Land under the pointer. */
  describeLand: (code: string) => string;
  /** Text shown for entries under the pointer (one or a cluster). */
  describeItems: (items: InventoryItem[]) => string;
  /** A Land was clicked (`undefined`: clicked beside Germany, or Escape on the map). */
  onSelectLand: (code: string | undefined) => void;
  /** An entry was chosen (clicked, or picked from a group's list). */
  onSelectItems: (items: InventoryItem[]) => void;
}

export interface LandFill {
  color: string;
  /** Drawn in the Land (its value), empty for none. */
  label: string;
}

export interface LaenderMap {
  /** The Länder's colours and figures; `scale` (optional) puts its classes and method in the legend. */
  setFills(fills: ReadonlyMap<string, LandFill>, scale?: ChoroplethScale, none?: string): void;
  setItems(items: readonly InventoryItem[]): void;
  select(code: string | undefined): void;
  /** Code and name of every Land in the outlines. */
  laender(): { code: string; name: string }[];
  /** Number of entries on the map. */
  itemCount(): number;
}

const PADDING = [24, 24, 24, 24];
/** Entries closer than this (px) form one group, as OpenLayers' Cluster did. */
const GROUP_DISTANCE = 36;

export function createLaenderMap(options: LaenderMapOptions): LaenderMap {
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  const laender = createLaenderLayers(format, options.geojson);
  const extent = laender.source.getExtent();
  if (!extent || laender.source.getFeatures().length === 0)
    throw new Error('Kartengrundlage enthält keine Länder');
  const germany: Extent = extent;
  const markers = createMarkerLayers();
  const labels = createLabelsLayer();
  const names = new Map(laender.laender().map((land) => [land.code, land.name]));

  options.target.classList.add('dpi-map');
  // Open at first only where it leaves most of the map free.
  const legend = createLegend(options.target.clientWidth >= 800);
  const panel = createGroupPanel((item) => options.onSelectItems([item]));

  const map = new OlMap({
    target: options.target,
    layers: [
      laender.fillLayer,
      markers.areaLayer,
      markers.layer,
      labels.layer,
      laender.outlineLayer,
    ],
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
      new Control({ element: legend.element }),
      new Control({ element: panel.element }),
    ]),
  });
  const viewport = map.getViewport();
  if (!viewport) throw new Error('Karte ohne Viewport');
  const tooltip = createTooltip(options.tooltip, viewport);

  // --- Data and layout -------------------------------------------------------------------------
  let fills: ReadonlyMap<string, LandFill> = new Map();
  let scale: ChoroplethScale | undefined;
  /** What the neutral colour means for the measure shown ("kein Zwilling", "nicht in der Runde"). */
  let noneLabel: string | undefined;
  let points: EntryPoint[] = [];
  let kinds = new Set<string>();
  let groups: PlacedGroup[] = [];
  let layoutResolution: number | undefined;

  /** Groups and labels at the current resolution, in layout pixels (x = X / res, y = −Y / res). */
  const relayout = (): void => {
    const resolution = map.getView().getResolution();
    if (!resolution) return;
    layoutResolution = resolution;
    const obstacles = laender.obstacles(resolution);
    const placed = placeGroups(
      groupPoints(
        points.map((p, index) => ({
          index,
          land: p.land,
          x: p.coordinate[0] / resolution,
          y: -p.coordinate[1] / resolution,
        })),
        GROUP_DISTANCE,
      ),
      obstacles,
    );
    groups = markers.setGroups(placed, points, resolution, obstacles);
    const requests: LabelRequest[] = [];
    for (const [code, fill] of fills) {
      const anchor = laender.anchorOf(code);
      if (fill.label && anchor)
        requests.push({
          land: code,
          text: fill.label,
          anchor: [anchor[0] / resolution, -anchor[1] / resolution],
        });
    }
    labels.setLabels(placeLabels(requests, placed, obstacles), resolution, obstacles);
    keys.setTargets(
      orderTargets(
        laender.laender(),
        groups.map((g) => ({ land: g.land, id: g.id, size: g.items.length })),
      ),
    );
  };
  map.getView().on('change:resolution', relayout);
  map.on('postrender', () => {
    if (layoutResolution !== map.getView().getResolution()) relayout();
    keys.refresh();
  });

  // --- Pointer ---------------------------------------------------------------------------------
  const hit = (pixel: number[]): { land?: string; group?: PlacedGroup } => {
    let land: string | undefined;
    let group: PlacedGroup | undefined;
    map.forEachFeatureAtPixel(
      pixel,
      (feature, layer) => {
        if (layer === markers.layer && !group) group = feature.get('group') as PlacedGroup;
        if (layer === laender.fillLayer && !land) land = codeOf(feature);
        return undefined;
      },
      {
        layerFilter: (l) => l === markers.layer || l === laender.fillLayer,
        hitTolerance: 3,
      },
    );
    return { land, group };
  };

  map.on('pointermove', (event) => {
    if (event.dragging) return;
    const { land, group } = hit(event.pixel);
    options.target.style.cursor = land || group ? 'pointer' : '';
    laender.setHovered(group ? undefined : land);
    const text = group
      ? options.describeItems(group.items)
      : land
        ? options.describeLand(land)
        : '';
    if (text) tooltip.show(text, [event.pixel[0], event.pixel[1]]);
    else tooltip.hide();
  });
  options.target.addEventListener('mouseleave', () => {
    tooltip.hide();
    laender.setHovered(undefined);
  });

  /** A group: zoom to its entries while that splits it, else list them. */
  const openGroup = (group: PlacedGroup, viaKeyboard: HTMLElement | undefined): void => {
    if (group.items.length === 1) {
      options.onSelectItems(group.items);
      return;
    }
    const view = map.getView();
    const spread = boundingExtent(group.coordinates);
    const atSamePlace = spread[0] === spread[2] && spread[1] === spread[3];
    if (!viaKeyboard && !atSamePlace && (view.getZoom() ?? 0) < view.getMaxZoom() - 1) {
      view.fit(buffer(spread, 2000), { padding: PADDING, duration: 250, maxZoom: 12 });
      return;
    }
    panel.open(group.items, names.get(group.land) ?? '', viaKeyboard ?? options.target);
  };

  map.on('click', (event) => {
    const { land, group } = hit(event.pixel);
    if (group) openGroup(group, undefined);
    else options.onSelectLand(land);
  });

  // --- Keyboard --------------------------------------------------------------------------------
  const groupById = (id: string) => groups.find((g) => g.id === id);
  const keys = createKeyStops({
    container: viewport,
    before: map.getOverlayContainer(),
    place: (target: KeyTarget) => {
      if (target.kind === 'land') {
        const anchor = laender.anchorOf(target.code);
        const pixel = anchor && map.getPixelFromCoordinate(anchor);
        return pixel ? { x: pixel[0], y: pixel[1], size: 28 } : undefined;
      }
      const group = groupById(target.id);
      const pixel = group && map.getPixelFromCoordinate(group.center);
      return pixel && group ? { x: pixel[0], y: pixel[1], size: group.radius * 2 + 4 } : undefined;
    },
    describe: (target) => {
      if (target.kind === 'land') return options.describeLand(target.code);
      const group = groupById(target.id);
      return group ? options.describeItems(group.items) : '';
    },
    onFocus: (target, pixel) => {
      laender.setFocused(target?.kind === 'land' ? target.code : undefined);
      if (!target || !pixel) {
        tooltip.hide();
        return;
      }
      const text =
        target.kind === 'land'
          ? options.describeLand(target.code)
          : options.describeItems(groupById(target.id)?.items ?? []);
      tooltip.show(text, [pixel[0], pixel[1] + 20]);
    },
    onActivate: (target, button) => {
      if (target.kind === 'land') options.onSelectLand(target.code);
      else {
        const group = groupById(target.id);
        if (group) openGroup(group, button);
      }
    },
    onClose: () => {
      // Escape: the group's list is closed by the panel itself; here it closes the Land's detail.
      if (laender.selected()) options.onSelectLand(undefined);
    },
  });
  // On the map element itself the arrows pan (OpenLayers); Tab or Enter goes to the stops, where
  // the arrows move from stop to stop.
  options.target.addEventListener('keydown', (event) => {
    if (event.target !== options.target) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      const selected = laender.selected();
      keys.focus(selected ? `land:${selected}` : targetKey(orderTargets(laender.laender(), [])[0]));
    } else if (event.key === 'Escape' && laender.selected()) {
      options.onSelectLand(undefined);
    }
  });

  const fitGermany = (): void => {
    const view = map.getView();
    view.fit(germany, { padding: PADDING });
    const zoom = view.getZoom();
    if (zoom !== undefined) view.setMinZoom(Math.floor(zoom) - 1);
  };
  if (map.getSize()) fitGermany();
  else map.once('change:size', fitGermany);

  // The legend, the list and the zoom buttons' tooltips follow the page's language.
  const zoomTips = () => {
    const texts = mapTexts();
    const tip = (selector: string, text: string) =>
      options.target.querySelector(selector)?.setAttribute('title', text);
    tip('.ol-zoom-in', texts.zoomIn);
    tip('.ol-zoom-out', texts.zoomOut);
    tip('.ol-zoom-extent button', texts.zoomExtent);
  };
  new MutationObserver(() => {
    legend.render(scale, kinds, noneLabel);
    zoomTips();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  legend.render(scale, kinds, noneLabel);
  zoomTips();

  return {
    setFills(next, nextScale, nextNone) {
      fills = next;
      if (nextScale) scale = nextScale;
      noneLabel = nextNone;
      laender.setFills(next);
      legend.render(scale, kinds, noneLabel);
      relayout();
    },
    setItems(items) {
      const entries = entryPoints(items, format, laender.anchorOf);
      points = entries.points;
      kinds = new Set(items.map((item) => item.kind));
      markers.setAreas(entries.areas);
      legend.render(scale, kinds, noneLabel);
      relayout();
    },
    select(code) {
      laender.setSelected(code);
    },
    laender: () => laender.laender(),
    itemCount: () => points.length,
  };
}
