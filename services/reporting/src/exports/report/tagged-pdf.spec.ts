import PDFDocument from 'pdfkit';
import {
  artifact,
  paragraph,
  section,
  table,
  type Column,
  type Doc,
  type Struct,
} from './tagged-pdf';

/** Renders with `draw` into an uncompressed tagged PDF and returns its text (latin1). */
function render(draw: (doc: Doc, root: Struct) => void): Promise<string> {
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    tagged: true,
    compress: false,
    margin: 50,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<string>((resolve) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  draw(doc, root);
  root.end();
  doc.end();
  return done;
}

const count = (pdf: string, pattern: RegExp) => (pdf.match(pattern) ?? []).length;
const elements = (pdf: string, type: string) => count(pdf, new RegExp(`/S /${type}\\b`, 'g'));
const pages = (pdf: string) => count(pdf, /\/Type \/Page\b/g);
const taggedContent = (pdf: string) => count(pdf, /\/MCID \d+/g);

type Row = { land: string; n: number };
const columns: Column<Row>[] = [
  { header: 'Land', width: 200, value: (r) => r.land, rowHeader: true },
  { header: 'Zahl', width: 80, align: 'right', value: (r) => String(r.n), fill: () => '#d9ead3' },
  { header: 'Größe', width: 80, value: (r) => `${r.n * 2}` },
];
const rows = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ land: `Land ${i}`, n: i }));

describe('table', () => {
  it('tags a header row of column header cells and one row per record, the naming cell a row header', async () => {
    const pdf = await render((doc, root) => table(doc, root, columns, rows(5)));
    expect(pages(pdf)).toBe(1);
    expect(elements(pdf, 'Table')).toBe(1);
    expect(elements(pdf, 'TR')).toBe(6);
    expect(elements(pdf, 'TH')).toBe(3 + 5);
    expect(elements(pdf, 'TD')).toBe(2 * 5);
    expect(count(pdf, /\/Scope \/Column/g)).toBe(3);
    expect(count(pdf, /\/Scope \/Row/g)).toBe(5);
    expect(taggedContent(pdf)).toBe(3 + 3 * 5);
  });

  it('breaks across pages and repeats its header there as an artifact, not as another row', async () => {
    const pdf = await render((doc, root) => table(doc, root, columns, rows(120)));
    const n = pages(pdf);
    expect(n).toBeGreaterThan(1);
    expect(elements(pdf, 'TR')).toBe(121);
    expect(count(pdf, /\/Scope \/Column/g)).toBe(3);
    // Every cell's text is tagged once; the repeated headers' texts are not.
    expect(taggedContent(pdf)).toBe(3 + 3 * 120);
    // Cell borders and fills are layout artifacts: one per cell, repeated headers included.
    expect(count(pdf, /\/Artifact <<\s*\/Type \/Layout/g)).toBe(3 * (121 + (n - 1)));
  });
});

describe('section, paragraph, artifact', () => {
  it('a section is a Sect with its H1; paragraphs are P; decoration stays out of the tree', async () => {
    const pdf = await render((doc, root) => {
      const part = section(doc, root, 'Übersicht');
      paragraph(doc, part, 'Erster Absatz', {});
      paragraph(doc, part, 'Zweiter Absatz', { width: 200 }, 60, 400);
      artifact(doc, () => doc.text('Seite 1', 50, 700), 'Pagination');
    });
    expect(elements(pdf, 'Sect')).toBe(1);
    expect(elements(pdf, 'H1')).toBe(1);
    expect(elements(pdf, 'P')).toBe(2);
    expect(taggedContent(pdf)).toBe(3);
    expect(count(pdf, /\/Artifact <<\s*\/Type \/Pagination/g)).toBe(1);
  });
});
