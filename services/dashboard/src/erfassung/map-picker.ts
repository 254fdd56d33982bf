/**
 * Picks a record's geometry on an OpenLayers map of the Länder outlines (no tile server): a point
 * or a drawn polygon (`geometry`), a dragged rectangle (`bbox`, [west, south, east, north]). The
 * same value is written as coordinates in a text field below the map, which can also be typed —
 * the keyboard's way to set it.
 */
import laenderUrl from '@generated/laender.geojson?url';
import OlMap from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import { fromExtent } from 'ol/geom/Polygon';
import Draw, { createBox } from 'ol/interaction/Draw';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat, transformExtent } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style, Circle as CircleStyle } from 'ol/style';
import type { Language } from '../url-state';
import { button, h } from './dom';
import { coordinatesText, parseCoordinates, roundGeometry } from './geometry-text';
import { tx } from './texts';

export interface MapPicker {
  element: HTMLElement;
  /** The text field of the coordinates (aria-invalid goes here). */
  control: HTMLInputElement;
  focusId: string;
  value(): object | null;
  destroy(): void;
}

const GERMANY: [number, number, number, number] = [5.5, 47.2, 15.2, 55.1];

export function createMapPicker(options: {
  id: string;
  mode: 'geometry' | 'bbox';
  value: object | null;
  lang: Language;
  describedBy?: string;
  /** The editor's Land: the map starts on it when nothing is set yet. */
  landCode?: string;
}): MapPicker {
  const { id, mode, lang } = options;
  let current: object | null = options.value;
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  const drawn = new VectorSource();
  const outlines = new VectorSource();
  const target = h('div', {
    class: 'erfassung-map',
    id: `${id}-karte`,
    role: 'img',
    'aria-label': tx(lang, 'mapLabel'),
  });
  const coordinatesId = id;
  const control = h('input', {
    class: 'kern-form-input__input',
    id: coordinatesId,
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    'aria-describedby': options.describedBy,
  });
  const summary = h('p', { class: 'kern-hint', id: `${id}-stand`, 'aria-live': 'polite' });

  const map = new OlMap({
    target,
    layers: [
      new VectorLayer({
        source: outlines,
        style: new Style({
          fill: new Fill({ color: '#f1f3f5' }),
          stroke: new Stroke({ color: '#6b6f75', width: 1 }),
        }),
      }),
      new VectorLayer({
        source: drawn,
        style: new Style({
          fill: new Fill({ color: 'rgba(0, 75, 118, 0.2)' }),
          stroke: new Stroke({ color: '#004b76', width: 2 }),
          image: new CircleStyle({
            radius: 7,
            fill: new Fill({ color: '#004b76' }),
            stroke: new Stroke({ color: '#ffffff', width: 2 }),
          }),
        }),
      }),
    ],
    view: new View({ center: fromLonLat([10.4, 51.2]), zoom: 5 }),
    controls: [],
  });
  /** Shows what is set, else the editor's Land, else Germany (once the map has its size). */
  const frame = () => {
    map.updateSize();
    const land = outlines.getFeatures().find((f) => f.get('code') === options.landCode);
    const extent =
      (drawn.isEmpty() ? null : drawn.getExtent()) ??
      land?.getGeometry()?.getExtent() ??
      transformExtent(GERMANY, 'EPSG:4326', 'EPSG:3857');
    map.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom: 11 });
  };
  void fetch(laenderUrl)
    .then((r) => r.json())
    .then((json: unknown) => {
      outlines.addFeatures(format.readFeatures(json));
      frame();
    })
    .catch(() => undefined);

  const show = () => {
    drawn.clear();
    if (current) {
      const geometry =
        mode === 'bbox'
          ? fromExtent(transformExtent(current as number[], 'EPSG:4326', 'EPSG:3857'))
          : format.readGeometry(current);
      if (geometry) drawn.addFeature(new Feature(geometry));
    }
    control.value = coordinatesText(mode, current);
    summary.textContent = describe(mode, current, lang);
  };

  let draw: Draw | undefined;
  const startDrawing = (type: 'Point' | 'Polygon' | 'Box') => {
    if (draw) map.removeInteraction(draw);
    draw =
      type === 'Box'
        ? new Draw({ source: new VectorSource(), type: 'Circle', geometryFunction: createBox() })
        : new Draw({ source: new VectorSource(), type });
    draw.on('drawend', (event) => {
      const geometry = event.feature.getGeometry();
      if (geometry) {
        const json = format.writeGeometryObject(geometry) as { type: string; coordinates: unknown };
        current =
          mode === 'bbox'
            ? roundGeometry(transformExtent(geometry.getExtent(), 'EPSG:3857', 'EPSG:4326'))
            : (roundGeometry(json) as object);
        show();
      }
      if (draw) map.removeInteraction(draw);
      draw = undefined;
      target.classList.remove('is-drawing');
    });
    map.addInteraction(draw);
    target.classList.add('is-drawing');
  };

  const tools =
    mode === 'bbox'
      ? [button(tx(lang, 'mapBox'), 'secondary', { id: `${id}-rechteck` })]
      : [
          button(tx(lang, 'mapPoint'), 'secondary', { id: `${id}-punkt` }),
          button(tx(lang, 'mapArea'), 'secondary', { id: `${id}-gebiet` }),
        ];
  const clear = button(tx(lang, 'mapClear'), 'tertiary', { id: `${id}-entfernen` });
  tools[0].addEventListener('click', () => startDrawing(mode === 'bbox' ? 'Box' : 'Point'));
  tools[1]?.addEventListener('click', () => startDrawing('Polygon'));
  clear.addEventListener('click', () => {
    current = null;
    show();
  });
  control.addEventListener('change', () => {
    const parsed = parseCoordinates(mode, control.value);
    // What does not parse stays in the field as typed: the registry names the problem on save.
    if (parsed !== undefined) {
      current = parsed;
      show();
    }
  });

  const element = h(
    'div',
    { class: 'erfassung-map-picker' },
    h('div', { class: 'erfassung-map-tools' }, tools, clear),
    target,
    h(
      'label',
      { class: 'kern-label kern-label--small', for: coordinatesId },
      mode === 'bbox'
        ? lang === 'de'
          ? 'Koordinaten (West, Süd, Ost, Nord in Grad)'
          : 'Coordinates (west, south, east, north in degrees)'
        : lang === 'de'
          ? 'Koordinaten (Länge, Breite in Grad; ein Gebiet als „Länge Breite; Länge Breite; …“)'
          : 'Coordinates (longitude, latitude in degrees; an area as “lon lat; lon lat; …”)',
    ),
    control,
    summary,
  );
  show();
  // The map measures its size once it is in the page.
  requestAnimationFrame(frame);

  return {
    element,
    control,
    focusId: coordinatesId,
    value: () => {
      const parsed = parseCoordinates(mode, control.value);
      return parsed === undefined ? current : parsed;
    },
    destroy: () => map.setTarget(undefined),
  };
}

function describe(mode: 'geometry' | 'bbox', value: object | null, lang: Language): string {
  if (!value) return tx(lang, 'mapNone');
  if (mode === 'bbox') {
    const [w, s, e, n] = value as number[];
    return tx(lang, 'mapBoxFrom', { w, s, e, n });
  }
  const geometry = value as { type: string; coordinates: unknown };
  if (geometry.type === 'Point') {
    const [lon, lat] = geometry.coordinates as number[];
    return tx(lang, 'mapPointAt', { lon, lat });
  }
  const ring = (geometry.coordinates as number[][][])[0] ?? [];
  return tx(lang, 'mapAreaWith', { n: Math.max(0, ring.length - 1) });
}
