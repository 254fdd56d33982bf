import { SEVERITIES } from '../../handlungsbedarfe/rule';
import {
  COVERAGE_LABELS,
  germanDate,
  KIND_LABELS,
  label,
  PLATFORM_TYPE_LABELS,
  RATING_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../labels';
import { FindingRowView } from '../list-pages';
import { fmt, pct } from './format';
import { mapPage } from './report-map';
import { ReportData } from './report-data';
import { roundPages } from './report-rounds';
import {
  BOTTOM,
  CONTENT_WIDTH,
  group,
  INK,
  MARGIN,
  MUTED,
  PAGE,
  pageFooters,
  paragraph,
  scopeOf,
  section,
  table,
  tagged,
  taggedDocument,
  text,
  type Column,
  type Doc,
  type Struct,
} from './tagged-pdf';

const COVERAGE_TITLES: Record<string, string> = {
  platformType: 'Plattformen je Land und Plattformtyp',
  twinUseCase: 'Digitale Zwillinge je Land und Anwendungsfall',
  euTheme: 'Plattformen und Datensätze je Land und EU-Datenthema',
};
/** Per rule, at most this many findings are listed one by one. */
const FINDINGS_PER_RULE = 40;

/** The figures of "Auf einen Blick": the whole inventory, or one Land's. */
function headlineFacts(data: ReportData): [string, string][] {
  const land = data.land?.overview;
  if (land)
    return [
      ['Plattformen', fmt(land.platforms)],
      ['Digitale Zwillinge', fmt(land.twins)],
      ['Höchster Reifegrad (DIN SPEC 91607)', fmt(land.maxMaturity)],
      ['Datensätze', fmt(land.datasets)],
      ['davon offene Daten', `${fmt(land.openDatasets)} (${pct(land.openDataShare)})`],
      ['Schnittstellen (Dienste)', fmt(land.endpoints)],
      [
        'Handlungsbedarfe',
        `${fmt(land.findings.high)} hoch, ${fmt(land.findings.medium)} mittel, ` +
          `${fmt(land.findings.low)} niedrig, ${fmt(land.findings.info)} Hinweise`,
      ],
      [
        'Metadatenqualität (MQA-Methode)',
        land.quality.score === null
          ? '–'
          : `${fmt(land.quality.score, 1)} % (${label(RATING_LABELS, land.quality.rating)})`,
      ],
    ];
  const { summary } = data;
  return [
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
}

/** "Zwischenbericht", or "Länderbericht Hamburg". */
const reportTitle = (data: ReportData) =>
  data.land ? `Länderbericht ${data.land.overview.name}` : 'Zwischenbericht';

function titlePage(doc: Doc, root: Struct, data: ReportData): void {
  const part = group(doc, root, 'Sect');
  doc.font('Helvetica').fontSize(12).fillColor(MUTED);
  paragraph(doc, part, 'Digitalministerkonferenz (DMK)', {}, MARGIN, 150);
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(26).fillColor(INK);
  tagged(doc, part, 'H1', () => text(doc, 'AG Integrierte Datenplattformen'));
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(20);
  paragraph(doc, part, reportTitle(data), {});
  doc.moveDown(0.4);
  doc.fontSize(13).fillColor(MUTED);
  paragraph(
    doc,
    part,
    data.land
      ? `Bestandsaufnahme der Datenplattformen, digitalen Zwillinge und Geodaten: ${data.land.overview.name}`
      : 'Bestandsaufnahme der Datenplattformen, digitalen Zwillinge und Geodaten der 16 Länder',
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
  const facts = headlineFacts(data);
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

function laenderPage(doc: Doc, root: Struct, data: ReportData): void {
  doc.addPage();
  const part = section(doc, root, 'Übersicht je Land');
  type L = ReportData['laender'][number];
  const columns: Column<L>[] = [
    { header: 'Land', width: 105, value: (l) => l.name, rowHeader: true },
    { header: 'Plattformen', width: 40, align: 'right', value: (l) => fmt(l.platforms) },
    { header: 'Zwillinge', width: 42, align: 'right', value: (l) => fmt(l.twins) },
    { header: 'Höchster Reifegrad', width: 44, align: 'right', value: (l) => fmt(l.maxMaturity) },
    { header: 'Datensätze', width: 42, align: 'right', value: (l) => fmt(l.datasets) },
    { header: 'Offene Daten', width: 46, align: 'right', value: (l) => pct(l.openDataShare) },
    { header: 'Schnittstellen', width: 42, align: 'right', value: (l) => fmt(l.endpoints) },
    {
      header: 'Handlungsbedarfe h/m/n',
      width: 64,
      align: 'center',
      value: (l) => `${l.findings.high}/${l.findings.medium}/${l.findings.low}`,
    },
    {
      header: 'Metadatenqualität',
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

/** A Land's platforms and twins: name, kind, type, status. */
function entriesPage(doc: Doc, root: Struct, data: ReportData): void {
  const land = data.land;
  if (!land) return;
  doc.addPage();
  const part = section(doc, root, `Plattformen und digitale Zwillinge: ${land.overview.name}`);
  type E = (typeof land.entries)[number];
  const columns: Column<E>[] = [
    { header: 'Name', width: 215, value: (e) => e.title, rowHeader: true },
    { header: 'Art', width: 80, value: (e) => label(KIND_LABELS, e.kind) },
    {
      header: 'Typ',
      width: 110,
      value: (e) => (e.kind === 'platform' ? label(PLATFORM_TYPE_LABELS, e.type) : (e.type ?? '')),
    },
    { header: 'Status', width: CONTENT_WIDTH - 405, value: (e) => label(STATUS_LABELS, e.status) },
  ];
  if (land.entries.length === 0) {
    doc.font('Helvetica').fontSize(11).fillColor(INK);
    paragraph(doc, part, 'Für das Land sind keine Plattformen und Zwillinge erfasst.', {});
    return;
  }
  table(doc, part, columns, land.entries);
  if (land.entriesLeftOut > 0) {
    doc.font('Helvetica').fontSize(9).fillColor(MUTED);
    paragraph(
      doc,
      part,
      `${land.entriesLeftOut} weitere Einträge sind hier nicht aufgeführt; der CSV-Export ` +
        `/api/v1/exports/items.csv?landCode=${land.overview.code} enthält alle.`,
      { width: CONTENT_WIDTH },
    );
  }
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
    if (!data.land)
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

function findingsPages(doc: Doc, root: Struct, data: ReportData): void {
  doc.addPage();
  const part = section(doc, root, 'Handlungsbedarfe');
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  paragraph(
    doc,
    part,
    'Die Handlungsbedarfe werden fortlaufend aus deklarativen Regeln über dem Inventar ' +
      'ermittelt. Je Regel folgen Begründung und die Befunde in einem Satz; was die Schweregrade ' +
      'bedeuten, steht unter jedem Schweregrad.',
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
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
    paragraph(doc, part, ofSeverity[0].severityMeaning.de, { width: CONTENT_WIDTH });
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
        // The finding in one sentence; the Land only where the sentence may not name it.
        const sentence = f.explanation.de.includes(where)
          ? f.explanation.de
          : `${where}: ${f.explanation.de}`;
        tagged(doc, item, 'LBody', () =>
          text(doc, sentence, MARGIN + 16, y, {
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

/** The AG's interim report as a tagged PDF (A4, German, PDFKit's built-in Helvetica). */
export function renderReportPdf(data: ReportData): Promise<Buffer> {
  const { doc, root, done } = taggedDocument({
    title: `AG Integrierte Datenplattformen – ${reportTitle(data)}`,
    subject: 'Bestandsaufnahme der Datenplattformen und digitalen Zwillinge der Länder',
    createdAt: data.generatedAt,
  });
  titlePage(doc, root, data);
  if (data.land) entriesPage(doc, root, data);
  else {
    mapPage(doc, root, data);
    laenderPage(doc, root, data);
  }
  coveragePages(doc, root, data);
  findingsPages(doc, root, data);
  roundPages(doc, root, data.rounds, data.land?.overview.code);
  root.end();
  pageFooters(
    doc,
    (page, pages) =>
      `AG Integrierte Datenplattformen · ${reportTitle(data)} · Stand ${germanDate(data.generatedAt)} · Seite ${page} von ${pages}`,
  );
  doc.end();
  return done;
}
