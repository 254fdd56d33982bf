import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  ALTERED_FILE_ID,
  FIXTURE_FILE,
  HARVESTED_ALTERED,
  HARVESTED_ISO,
  HARVESTED_LARGE,
  ISO_FILE_ID,
  SCRIPTS,
  startCswFixture,
  type CswFixture,
} from './testing/csw-fixture.test-helper';

/**
 * CSW 2.0.2 (issue 20): a harvested record in ISO is the source catalogue's document plus our
 * provenance. OWSLib reads it by GetRecordById and an independent parse (lxml) compares it with
 * the fixture file the harvest read; a record whose stored document was altered must fail that
 * comparison. The inventory: testing/csw-fixture.test-helper.ts.
 */
const ISO = encodeURIComponent('http://www.isotc211.org/2005/gmd');

interface Compared {
  records: number;
  owslib: { identifier: string; title: string; abstract: string; keywords: string[] };
  owslibSource: Compared['owslib'] | null;
  differs: string[] | null;
  note: string | null;
}

describe('CSW 2.0.2 (issue 20): harvested records as harvested, plus our provenance', () => {
  let f: CswFixture;

  beforeAll(async () => {
    f = await startCswFixture('csw-harvested');
  }, 300_000);

  afterAll(async () => {
    await f?.close();
  });

  it('OWSLib getrecordbyid (gmd, full): fileIdentifier, title, abstract, keywords and contact as in the source file', async () => {
    const { stdout } = await promisify(execFile)(
      f.py,
      [
        join(SCRIPTS, 'owslib_harvested.py'),
        `${f.base}/api/v1/csw`,
        FIXTURE_FILE,
        HARVESTED_ISO,
        HARVESTED_ALTERED,
        ISO_FILE_ID,
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const out = JSON.parse(stdout.trim().split('\n').pop() as string) as Record<string, Compared>;
    const { owslib, owslibSource } = out[HARVESTED_ISO];
    expect(out[HARVESTED_ISO]).toMatchObject({ records: 1, differs: [] });
    expect(owslib).toMatchObject({
      identifier: ISO_FILE_ID,
      title: f.isoRecord.title,
      abstract: f.isoRecord.abstract,
    });
    expect(owslib.keywords).toContain('opendata');
    expect(owslib).toEqual(owslibSource);
    expect(out[HARVESTED_ISO].note).toMatch(
      new RegExp(
        `Originaldokument des Katalogs „GDI-DE Geodatenkatalog“ \\(fileIdentifier dort: ${ISO_FILE_ID}\\), ` +
          `vom Datenplattform-Inventar am 2026-12-01T10:00:00.000Z geharvestet. Im Inventar geführt als ${HARVESTED_ISO}`,
      ),
    );
    // By the source's fileIdentifier too (what a client read in GetRecords).
    expect(out[ISO_FILE_ID]).toEqual(out[HARVESTED_ISO]);
    // Negative control: the document altered after the harvest fails the comparison.
    expect(out[HARVESTED_ALTERED]).toMatchObject({ records: 1, differs: ['title'] });
    expect(out[HARVESTED_ALTERED].owslib).not.toEqual(out[HARVESTED_ALTERED].owslibSource);
    expect(out[HARVESTED_ALTERED].owslib.identifier).toBe(ALTERED_FILE_ID);
  }, 400_000);

  it('GetRecords gmd brief/summary/full derive from the source document; Dublin Core stays ours', async () => {
    const get = async (set: string, schema = ISO) =>
      (
        await f.csw(
          `?service=CSW&version=2.0.2&request=GetRecords&resultType=results&outputSchema=${schema}&ElementSetName=${set}` +
            `&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent(`Identifier = '${ISO_FILE_ID}'`)}`,
        )
      ).text;
    const [brief, summary, full] = [await get('brief'), await get('summary'), await get('full')];
    for (const text of [brief, summary, full]) {
      expect(text).toContain('numberOfRecordsMatched="1"');
      expect(text).toMatch(
        new RegExp(`<gmd:fileIdentifier>\\s*<gco:CharacterString>${ISO_FILE_ID}`),
      );
    }
    expect(brief).not.toContain('<gmd:descriptiveKeywords>');
    expect(summary).toContain('<gmd:descriptiveKeywords>');
    expect(summary).not.toContain('maintenanceNote');
    expect(full).toContain('<gmd:maintenanceNote');
    expect(full).toContain('<gmd:dataQualityInfo>');
    expect(brief.length).toBeLessThan(summary.length);
    expect(summary.length).toBeLessThan(full.length);
    const dc = await get('full', encodeURIComponent('http://www.opengis.net/cat/csw/2.0.2'));
    expect(dc).toContain(`<dc:identifier>${HARVESTED_ISO}</dc:identifier>`);
  });

  it('a record whose document was too large to carry is generated, and says so', async () => {
    const response = await f.csw(
      `?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=${ISO}&ElementSetName=full&Id=${HARVESTED_LARGE}`,
    );
    expect(response.text).toContain(
      `<gmd:fileIdentifier><gco:CharacterString>${HARVESTED_LARGE}</gco:CharacterString>`,
    );
    expect(response.text).toMatch(/neu erzeugt.*Das Originaldokument \(300000 Bytes\) ist größer/s);
    expect(response.text).not.toContain('maintenanceNote');
  });
});
