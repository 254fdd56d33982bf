import { findLand } from '@dpi/domain';
import { germanDate } from '../exports/labels';
import { fmt } from '../exports/report/format';
import { ROUND_RESULT_COLUMNS } from '../exports/report/report-rounds';
import {
  CONTENT_WIDTH,
  type Column,
  INK,
  MARGIN,
  MUTED,
  pageFooters,
  paragraph,
  section,
  table,
  tagged,
  taggedDocument,
  text,
} from '../exports/report/tagged-pdf';
import type { RoundProgressView } from './dto/rounds.dto';
import type { OpenItemRow } from './rounds.repository';

/** Open records listed in the PDF at most (open-items.csv has them all). */
export const OPEN_ITEMS_PDF_LIMIT = 2000;

/** A round record's kind in the Länder's words. */
export const KIND_WORDS: Readonly<Record<string, string>> = {
  organisation: 'Organisation',
  platform: 'Plattform',
  'digital-twin': 'Digitaler Zwilling',
  endpoint: 'Schnittstelle',
  dataset: 'Datensatz',
};

export interface OpenItemsPdfData {
  progress: RoundProgressView;
  /** One Land's list, or (undefined) every Land's of the round. */
  landCode?: string;
  /** The open records, by Land and id; more than OPEN_ITEMS_PDF_LIMIT means some are left out. */
  items: OpenItemRow[];
  generatedAt: Date;
}

const day = (iso: string | null) => (iso ? germanDate(new Date(iso)) : '–');

/**
 * The round's open records as a tagged PDF to send to a Land (or all of them): the round, the
 * progress so far, and what is still to confirm, update or withdraw.
 */
export function renderOpenItemsPdf(data: OpenItemsPdfData): Promise<Buffer> {
  const { round } = data.progress;
  const land = data.landCode ? (findLand(data.landCode)?.name ?? data.landCode) : undefined;
  const title = `Offene Einträge${land ? `: ${land}` : ''}`;
  const { doc, root, done } = taggedDocument({
    title: `${title} – ${round.title}`,
    subject:
      'Einträge, die in der Erhebungsrunde noch bestätigt, aktualisiert oder zurückgezogen werden müssen',
    createdAt: data.generatedAt,
  });
  const part = section(doc, root, title);
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  paragraph(
    doc,
    part,
    `Erhebungsrunde „${round.title}“ der AG Integrierte Datenplattformen: Stichtag ` +
      `${day(`${round.referenceDate}T12:00:00Z`)}, Frist ${day(round.deadline)}` +
      (round.state === 'closed' ? `, abgeschlossen ${day(round.closedAt)}.` : '.'),
    { width: CONTENT_WIDTH },
  );
  doc.moveDown(0.3);
  paragraph(
    doc,
    part,
    'Bitte bestätigen, aktualisieren oder zurückziehen Sie jeden dieser Einträge in der ' +
      'Erfassung des Datenplattform-Inventars (oder über die REST-API der Registry) und erklären ' +
      'Sie anschließend, dass Ihr Land nichts mehr hinzuzufügen hat.',
    { width: CONTENT_WIDTH },
  );
  doc.moveDown(0.6);
  const laender = data.landCode
    ? data.progress.laender.filter((l) => l.landCode === data.landCode)
    : data.progress.laender;
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK);
  tagged(doc, part, 'H2', () => text(doc, 'Stand der Runde', MARGIN, doc.y));
  doc.moveDown(0.3);
  if (laender.length === 0) {
    doc.font('Helvetica').fontSize(10).fillColor(INK);
    paragraph(doc, part, `${land ?? 'Das Land'} gehört nicht zu dieser Runde.`, {});
  } else table(doc, part, ROUND_RESULT_COLUMNS, laender);
  doc.moveDown(0.6);

  const shown = data.items.slice(0, OPEN_ITEMS_PDF_LIMIT);
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK);
  const heading =
    data.items.length > OPEN_ITEMS_PDF_LIMIT
      ? `Noch offen (mehr als ${fmt(OPEN_ITEMS_PDF_LIMIT)})`
      : `Noch offen (${fmt(shown.length)})`;
  tagged(doc, part, 'H2', () => text(doc, heading, MARGIN, doc.y));
  doc.moveDown(0.3);
  if (shown.length === 0) {
    doc.font('Helvetica').fontSize(10).fillColor(INK);
    paragraph(doc, part, 'Keine offenen Einträge.', {});
  } else {
    const landWidth = data.landCode ? 0 : 80;
    const columns: Column<OpenItemRow>[] = [
      ...(data.landCode
        ? []
        : [
            {
              header: 'Land',
              width: landWidth,
              value: (r: OpenItemRow) => findLand(r.landCode)?.name ?? r.landCode,
            },
          ]),
      { header: 'Art', width: 75, value: (r) => KIND_WORDS[r.kind] ?? r.kind },
      {
        header: 'Titel',
        width: CONTENT_WIDTH - landWidth - 75 - 158 - 70,
        value: (r) => r.title ?? '–',
        rowHeader: true,
      },
      { header: 'ID', width: 158, value: (r) => r.id },
      {
        header: 'Zuletzt bestätigt',
        width: 70,
        value: (r) => (r.lastConfirmedAt ? germanDate(new Date(r.lastConfirmedAt)) : 'noch nie'),
      },
    ];
    table(doc, part, columns, shown, 7.5);
    if (data.items.length > OPEN_ITEMS_PDF_LIMIT) {
      doc.font('Helvetica').fontSize(9).fillColor(MUTED);
      paragraph(
        doc,
        part,
        `Weitere offene Einträge sind hier nicht aufgeführt; die CSV-Liste ` +
          `/api/v1/rounds/${round.id}/open-items.csv${data.landCode ? `?land=${data.landCode}` : ''} enthält alle.`,
        { width: CONTENT_WIDTH },
      );
    }
  }
  root.end();
  pageFooters(
    doc,
    (page, pages) =>
      `AG Integrierte Datenplattformen · ${title} · Stand ${germanDate(data.generatedAt)} · Seite ${page} von ${pages}`,
  );
  doc.end();
  return done;
}
