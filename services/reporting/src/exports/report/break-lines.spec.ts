import PDFDocument from 'pdfkit';
import { COVERAGE_LABELS } from '../labels';
import { breakLines } from './tagged-pdf';

describe('table headers broken at syllables', () => {
  const doc = new PDFDocument({ size: 'A4' });
  doc.font('Helvetica-Bold').fontSize(7);
  const width = (line: string) => doc.widthOfString(line);

  it('breaks a word too long for its column at a syllable, with a hyphen', () => {
    const lines = breakLines(doc, 'Katastrophenschutz', 34).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/-$/);
    expect(lines.join('').replace(/-/g, '')).toBe('Katastrophenschutz');
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(34);
    // Syllables, not letters: each piece is a German syllable boundary (Ka-ta-stro-phen-schutz).
    expect(lines.join('|')).toMatch(/^(Ka|Kata|Katastro|Katastrophen)-\|/);
  });

  it('keeps words whole where they fit and fills lines at spaces', () => {
    expect(breakLines(doc, 'Stadtplanung', 200)).toBe('Stadtplanung');
    const fitted = breakLines(doc, 'Handlungsbedarfe h/m/n', width('Handlungsbedarfe') + 1);
    expect(fitted).toBe('Handlungsbedarfe\nh/m/n');
    expect(breakLines(doc, 'Stadtplanung', 30)).not.toContain('Stadtplan\n');
  });

  it('never cuts a header of the coverage matrices mid-syllable at the report’s widths', () => {
    for (const labels of Object.values(COVERAGE_LABELS))
      for (const header of Object.values(labels)) {
        const lines = breakLines(doc, header, 34).split('\n');
        const letters = (t: string) => t.replace(/[\s-]/g, '');
        expect(letters(lines.join(''))).toBe(letters(header));
        // Each break is at a space of the label or after a hyphen (a syllable break or the
        // label's own hyphen), never between two letters without one.
        for (let i = 0; i < lines.length - 1; i++) {
          const end = lines[i].split(' ').pop() ?? '';
          const next = lines[i + 1].split(' ')[0].replace(/-$/, '');
          if (!end.endsWith('-')) expect(header).toContain(`${end} ${next}`);
        }
      }
  });
});
