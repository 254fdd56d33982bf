import { parseIsoRecords } from '@dpi/csw';
import { SHARED_DIR } from '@dpi/testing';
import { join } from 'node:path';
import { fixtureRecords, FixtureCatalogue } from './fixture-catalogue';

describe('the demo catalogue (fixture records served as CSW pages)', () => {
  const records = fixtureRecords(join(SHARED_DIR, 'fixtures/csw'));

  it('collects every real record of the fixtures as a standalone, parseable document', async () => {
    expect(records.size).toBe(10);
    for (const [id, record] of records) {
      const parsed: string[] = [];
      const result = await parseIsoRecords(
        record.xml,
        (r) => void parsed.push(r.fileIdentifier ?? ''),
      );
      expect(result.warnings.filter((w) => /namespace/i.test(w))).toEqual([]);
      expect(parsed).toEqual([id]);
    }
    expect(records.get('142d56bb-108b-4e6a-96a6-8239b80af77e')?.dateStamp).toBe('2026-03-23');
  });

  it('pages by identifier with a correct nextRecord and filters by Modified', async () => {
    const catalogue = new FixtureCatalogue();
    for (const [id, r] of records) catalogue.put(id, r.xml, r.dateStamp);
    const base = { method: 'POST', path: '/csw', sortBy: true, since: null };
    const ids: string[] = [];
    let next = 1;
    while (next !== 0) {
      const page = catalogue.page({ ...base, resultType: 'results', start: next, max: 4 });
      const result = await parseIsoRecords(page, (r) => void ids.push(r.fileIdentifier ?? ''));
      expect(result.searchResults?.numberOfRecordsMatched).toBe(10);
      next = result.searchResults?.nextRecord ?? 0;
    }
    expect(ids).toEqual([...records.keys()].sort());
    const recent = catalogue.page({
      ...base,
      resultType: 'hits',
      start: 1,
      max: 0,
      since: '2026-07-01',
    });
    expect(recent).toContain('numberOfRecordsMatched="4"');
  });
});
