import { parseIsoRecords } from '@dpi/csw';
import { SHARED_DIR } from '@dpi/testing';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fixtureRecords,
  FixtureCatalogue,
  GERMAN_FIXTURE_RECORD_IDS,
  germanFixtureRecords,
} from './fixture-catalogue';

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

describe('the demo source of npm start (German records only)', () => {
  const fixtures = join(SHARED_DIR, 'fixtures/csw');
  const FOREIGN = /Scottish Natural Heritage|Vlaamse overheid|National Geographic Institute|ZAMG/;

  it('serves the records of German publishers, none from Scotland, Flanders, Belgium or Austria', () => {
    const german = germanFixtureRecords(fixtures);
    expect([...german.keys()]).toEqual(GERMAN_FIXTURE_RECORD_IDS);
    const texts = [...german.values()].map((r) => r.xml);
    expect(texts.filter((xml) => FOREIGN.test(xml))).toEqual([]);
    expect(
      texts.every((xml) =>
        /Cartography and Geodesy|HLBG|Hessisches|Landesamt für Digitalisierung/.test(xml),
      ),
    ).toBe(true);
    // The four left out are foreign: the list is a choice, not a lost file.
    const left = [...fixtureRecords(fixtures)].filter(([id]) => !german.has(id));
    expect(left.map(([, r]) => FOREIGN.test(r.xml))).toEqual([true, true, true, true]);
  });

  it('fails loudly when a German record is missing from the fixtures', () => {
    const copy = mkdtempSync(join(tmpdir(), 'fixtures-'));
    try {
      cpSync(fixtures, copy, { recursive: true });
      writeFileSync(join(copy, 'owslib/iso19139_srv.xml'), '<empty/>');
      expect(() => germanFixtureRecords(copy)).toThrow(
        /lack the records 01ef8e6a-df59-4c2d-8468-79da95046705/,
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
