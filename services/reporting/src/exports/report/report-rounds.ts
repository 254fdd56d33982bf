import { findLand } from '@dpi/domain';
import type { LandProgressView, RoundProgressView } from '../../rounds/dto/rounds.dto';
import { germanDate } from '../labels';
import { fmt } from './format';
import {
  BOTTOM,
  CONTENT_WIDTH,
  type Column,
  type Doc,
  INK,
  MARGIN,
  MUTED,
  paragraph,
  section,
  type Struct,
  table,
  tagged,
  text,
} from './tagged-pdf';

const day = (iso: string | null) => (iso ? germanDate(new Date(iso)) : '–');

/** "Hamburg", or the code of a Land the domain does not know. */
const landName = (code: string) => findLand(code)?.name ?? code;

/** Done in a round: confirmed, updated or withdrawn (each an answer of the Land). */
export const answered = (l: LandProgressView) => l.confirmed + l.updated + l.withdrawn;

/** The per-Land columns of a round's result, shared by the report and the open-items list. */
export const ROUND_RESULT_COLUMNS: Column<LandProgressView>[] = [
  { header: 'Land', width: 87, value: (l) => landName(l.landCode), rowHeader: true },
  { header: 'Einträge in der Runde', width: 46, align: 'right', value: (l) => fmt(l.inScope) },
  { header: 'bestätigt', width: 46, align: 'right', value: (l) => fmt(l.confirmed) },
  { header: 'aktualisiert', width: 50, align: 'right', value: (l) => fmt(l.updated) },
  { header: 'zurückgezogen', width: 66, align: 'right', value: (l) => fmt(l.withdrawn) },
  { header: 'neu', width: 34, align: 'right', value: (l) => fmt(l.new) },
  { header: 'offen', width: 36, align: 'right', value: (l) => fmt(l.open) },
  {
    header: 'Nichts mehr hinzuzufügen',
    width: CONTENT_WIDTH - 365,
    value: (l) =>
      l.complete
        ? `ja, ${day(l.completedAt)}${l.completedLate ? ' (nach der Frist)' : ''}`
        : 'nein',
    fill: (l) => (l.complete && l.open === 0 ? '#d9ead3' : undefined),
  },
];

/**
 * "Erhebungsrunden": per closed round (frozen: nothing changes a closed round's records) its
 * dates and each Land's result; with `landCode` only that Land's row. Nothing when no round
 * was closed yet.
 */
export function roundPages(
  doc: Doc,
  root: Struct,
  rounds: readonly RoundProgressView[],
  landCode?: string,
): void {
  const shown = rounds
    .map((r) => ({
      ...r,
      laender: landCode ? r.laender.filter((l) => l.landCode === landCode) : r.laender,
    }))
    .filter((r) => r.laender.length > 0);
  if (shown.length === 0) return;
  doc.addPage();
  const part = section(doc, root, 'Erhebungsrunden');
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  paragraph(
    doc,
    part,
    'Ergebnis jeder abgeschlossenen Erhebungsrunde, wie es bei ihrem Abschluss festgehalten ' +
      'wurde: je Land die Einträge der Runde, was das Land bestätigt, aktualisiert oder ' +
      'zurückgezogen hat, was während der Runde neu erfasst wurde, was offen blieb, und ob das ' +
      'Land erklärt hat, nichts mehr hinzuzufügen.',
    { width: CONTENT_WIDTH },
  );
  doc.moveDown(0.8);
  for (const { round, laender } of shown) {
    // A round's heading, sentence and table on one page when they fit on one (~17 pt a row).
    const needed = Math.min(90 + 17 * laender.length, BOTTOM - MARGIN);
    if (doc.y + needed > BOTTOM) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).fillColor(INK);
    tagged(doc, part, 'H2', () => text(doc, round.title, MARGIN, doc.y, { width: CONTENT_WIDTH }));
    doc.font('Helvetica').fontSize(9).fillColor(INK);
    const complete = laender.filter((l) => l.complete).length;
    const inScope = laender.reduce((sum, l) => sum + l.inScope, 0);
    const done = laender.reduce((sum, l) => sum + answered(l), 0);
    paragraph(
      doc,
      part,
      `Stichtag ${day(`${round.referenceDate}T12:00:00Z`)}, Frist ${day(round.deadline)}, ` +
        `eröffnet ${day(round.openedAt)}, abgeschlossen ${day(round.closedAt)}. ` +
        (landCode
          ? ''
          : `${fmt(complete)} von ${fmt(laender.length)} Ländern haben die Runde abgeschlossen; `) +
        `${fmt(done)} von ${fmt(inScope)} Einträgen beantwortet.`,
      { width: CONTENT_WIDTH },
    );
    doc.moveDown(0.3);
    table(doc, part, ROUND_RESULT_COLUMNS, laender);
    doc.moveDown(0.6);
  }
}
