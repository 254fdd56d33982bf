import PDFDocument from 'pdfkit';
import { hyphenateSync } from 'hyphen/de';
import { winAnsi } from './win-ansi';

/*
 * Layout primitives of a tagged PDF (PDF 1.7, ISO 32000-1 §14.8), for screen readers and
 * BITV 2.0: every text is content of a structure element (headings, paragraphs, tables with
 * header cells, lists, figures with a text alternative) in reading order; fills, rules and page
 * footers are artifacts. The report's pages (report-pdf.ts) are built from these.
 */

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;
type StructOptions = NonNullable<Parameters<Doc['struct']>[1]>;

export const MARGIN = 50;
export const PAGE = { width: 595.28, height: 841.89 }; // A4 portrait
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
export const BOTTOM = PAGE.height - MARGIN - 20; // room for the footer
export const INK = '#1a1a1a';
export const MUTED = '#555555';
const RULE = '#bbbbbb';
const HEADER_FILL = '#e8eef5';

/** Writes text (made WinAnsi-safe) at (x, y) or where the cursor is. */
export function text(
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

const SOFT_HYPHEN = '\u00AD';

/**
 * `value` broken into lines no wider than `width` in the current font: at spaces, and a word
 * too long for a line at its syllables (German hyphenation patterns, TeX/Liang) with a visible
 * hyphen. PDFKit's own wrapping would cut such a word anywhere ("Stadtplan|ung"), and it draws a
 * soft hyphen it does not break at as a visible hyphen, so the lines are made here and PDFKit
 * only draws them. A syllable wider than the line is left whole (it overflows rather than split).
 */
export function breakLines(doc: Doc, value: string, width: number): string {
  const fits = (piece: string) => doc.widthOfString(winAnsi(piece)) <= width - 0.5;
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line && fits(word)) {
      lines.push(line);
      line = word;
      continue;
    }
    // The word does not fit where it would start: hyphenate it across lines.
    let rest = word;
    while (!fits(line ? `${line} ${rest}` : rest)) {
      const syllables = hyphenateSync(rest, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
      let taken = 0;
      for (let i = 1; i < syllables.length; i++) {
        const head = syllables.slice(0, i).join('');
        const piece = `${head}${head.endsWith('-') ? '' : '-'}`;
        if (fits(line ? `${line} ${piece}` : piece)) taken = i;
        else break;
      }
      if (taken === 0) {
        if (line) {
          lines.push(line);
          line = '';
          continue;
        }
        // Not even one syllable fits an empty line: keep the syllable whole.
        taken = 1;
        if (syllables.length === 1) break;
      }
      const head = syllables.slice(0, taken).join('');
      lines.push(`${line ? `${line} ` : ''}${head}${head.endsWith('-') ? '' : '-'}`);
      line = '';
      rest = syllables.slice(taken).join('');
    }
    line = line ? `${line} ${rest}` : rest;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Adds an element of `type` to `parent`, holding what `draw` puts on the page. */
export function tagged(
  doc: Doc,
  parent: Struct,
  type: string,
  draw: () => void,
  options: StructOptions = {},
): void {
  parent.add(doc.struct(type, options, draw));
}

/** Adds an element of `type` to `parent` for elements to come (a section, table, row, list). */
export function group(doc: Doc, parent: Struct, type: string): Struct {
  const element = doc.struct(type);
  parent.add(element);
  return element;
}

/** Decoration (fills, rules, the page footer), which assistive technology skips. */
export function artifact(
  doc: Doc,
  draw: () => void,
  type: 'Layout' | 'Pagination' = 'Layout',
): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** A new page's section with its heading (H1). */
export function section(doc: Doc, root: Struct, title: string): Struct {
  const part = group(doc, root, 'Sect');
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK);
  tagged(doc, part, 'H1', () => text(doc, title, MARGIN, MARGIN));
  doc.moveDown(0.6);
  return part;
}

/** A paragraph (P) at the cursor or at (x, y). */
export function paragraph(
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

export interface Column<T> {
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
export function table<T>(
  doc: Doc,
  parent: Struct,
  columns: Column<T>[],
  rows: T[],
  fontSize = 8,
): void {
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
  // Header words break at syllables with a hyphen, never mid-syllable (breakLines).
  doc.font('Helvetica-Bold').fontSize(fontSize);
  const headers = columns.map((c) => breakLines(doc, c.header, c.width - 2 * padding));
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
export function scopeOf(scope: 'Column' | 'Row' | null): StructOptions {
  return scope ? ({ scope } as StructOptions) : {};
}

/** A tagged A4 document in German (PDFKit's built-in Helvetica) and its bytes once ended. */
export function taggedDocument(info: { title: string; subject: string; createdAt: Date }): {
  doc: Doc;
  root: Struct;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    tagged: true,
    margin: MARGIN,
    bufferPages: true,
    lang: 'de-DE',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: 'Datenplattform-Inventar',
      Subject: info.subject,
      CreationDate: info.createdAt,
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
  return { doc, root, done };
}

/** Each page's footer (an artifact): `line(page, pages)`, centred below the content. */
export function pageFooters(doc: Doc, line: (page: number, pages: number) => string): void {
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
        text(doc, line(i + 1, count), MARGIN, PAGE.height - MARGIN + 10, {
          width: CONTENT_WIDTH,
          align: 'center',
          lineBreak: false,
        }),
      'Pagination',
    );
    doc.page.margins.bottom = margin;
  }
}
