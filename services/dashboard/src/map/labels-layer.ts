/**
 * The figures drawn on the Länder (the chosen measure), placed by layout.ts: off the marker groups,
 * off the city-states, a city-state's own figure beside it with a leader line. White pills with
 * dark text, readable on every class colour.
 */
import Feature from 'ol/Feature';
import type Geometry from 'ol/geom/Geometry';
import LineString from 'ol/geom/LineString';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style, Text } from 'ol/style';
import { DARK_TEXT } from '../choropleth';
import { edgeTowards, type Obstacle, type PlacedLabel } from './layout';
import { FONT } from './markers-layer';

const LEADER = new Style({ stroke: new Stroke({ color: '#1b1b1b', width: 1 }), zIndex: 0 });

export function createLabelsLayer() {
  const source = new VectorSource<Feature<Geometry>>();
  const styles = new Map<string, Style>();
  const layer = new VectorLayer({
    source,
    zIndex: 15,
    style: (feature) => {
      if (feature.get('leader')) return LEADER;
      const text = String(feature.get('text') ?? '');
      let style = styles.get(text);
      if (!style) {
        style = new Style({
          zIndex: 1,
          text: new Text({
            text,
            font: FONT,
            fill: new Fill({ color: DARK_TEXT }),
            backgroundFill: new Fill({ color: 'rgba(255, 255, 255, 0.92)' }),
            backgroundStroke: new Stroke({ color: '#6b6b6b', width: 1 }),
            padding: [1, 3, 0, 4],
            overflow: true,
          }),
        });
        styles.set(text, style);
      }
      return style;
    },
  });
  return {
    layer,
    setLabels(labels: readonly PlacedLabel[], resolution: number, obstacles: readonly Obstacle[]) {
      const toMap = (x: number, y: number): [number, number] => [x * resolution, -y * resolution];
      const features: Feature<Geometry>[] = [];
      for (const label of labels) {
        const cx = label.box.x + label.box.w / 2;
        const cy = label.box.y + label.box.h / 2;
        features.push(new Feature({ geometry: new Point(toMap(cx, cy)), text: label.text }));
        const own = label.displaced ? obstacles.find((o) => o.land === label.land) : undefined;
        if (own) {
          const end = edgeTowards(own, [cx, cy]);
          features.push(
            new Feature({
              geometry: new LineString([toMap(cx, cy), toMap(end[0], end[1])]),
              leader: true,
            }),
          );
        }
      }
      source.clear(true);
      source.addFeatures(features);
    },
  };
}
