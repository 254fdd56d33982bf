import { parseIsoRecords, type IsoRecord } from '@dpi/csw';
import { SHARED_DIR } from '@dpi/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenPage } from './page-screening';

describe('screenPage', () => {
  let records: IsoRecord[];
  beforeAll(async () => {
    records = [];
    await parseIsoRecords(
      readFileSync(join(SHARED_DIR, 'fixtures/csw/ingrid-harvester-gdk/GetRecordsResults.xml')),
      (r) => void records.push(r),
    );
  });

  it('passes good records through', () => {
    const page = screenPage(records, []);
    expect(page.candidates.map((c) => c.fileIdentifier)).toEqual(
      records.map((r) => r.fileIdentifier),
    );
    expect(page).toMatchObject({ failed: 0, issues: [] });
  });

  it('fails records without a usable identifier or with parser errors, and records of another schema', () => {
    const [a, b, c, d] = records;
    const page = screenPage(
      [
        { ...a, fileIdentifier: null },
        { ...b, fileIdentifier: 'x'.repeat(1001) },
        { ...c, fileIdentifier: 'bad\u0001id' },
        {
          ...d,
          issues: [{ severity: 'error', code: 'MISSING_TITLE', message: 'record has no title' }],
        },
      ],
      [{ schema: 'csw:Record', identifier: 'dc-1', title: 'DC', type: 'dataset', modified: null }],
    );
    expect(page.candidates).toEqual([]);
    expect(page.failed).toBe(5);
    expect(page.issues.map((i) => [i.severity, i.code, i.identifier])).toEqual([
      ['error', 'MISSING_FILE_IDENTIFIER', null],
      ['error', 'INVALID_FILE_IDENTIFIER', expect.stringMatching(/^x+…$/)],
      ['error', 'INVALID_FILE_IDENTIFIER', 'bad\u0001id'],
      ['error', 'MISSING_TITLE', d.fileIdentifier],
      ['error', 'NOT_ISO_19139', 'dc-1'],
    ]);
    expect(page.issues[0].snippet).toBe(
      'title: INSPIRE-WFS Geographical Names GN250; hierarchyLevel: service; dateStamp: 2026-07-20',
    );
  });

  it('keeps parser warnings and counts a record delivered twice once (the later copy)', () => {
    const [a, b] = records;
    const warned = {
      ...b,
      issues: [
        { severity: 'warning' as const, code: 'ELEMENT_ORDER' as const, message: 'odd order' },
      ],
    };
    const later = { ...a, title: 'later copy' };
    const page = screenPage([a, warned, later], []);
    expect(page.candidates.map((c) => c.record.title)).toEqual([b.title, 'later copy']);
    expect(page.issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'ELEMENT_ORDER'],
      ['warning', 'DUPLICATE_IDENTIFIER'],
    ]);
    expect(page.failed).toBe(0);
  });
});
