import { CswClient, harvestAll, type IsoRecord } from '@dpi/csw';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  ALTERED_FILE_ID,
  ALTERED_TITLE,
  FIXTURE_FILE,
  HARVESTED,
  HARVESTED_ALTERED,
  HARVESTED_ISO,
  HH_DATASET,
  HH_ENDPOINT,
  HH_PLATFORM,
  ISO_FILE_ID,
  PAGE,
  PUBLIC_RECORDS,
  SCRIPTS,
  SECRET_DATASET,
  startCswFixture,
  TRICKY_TITLE_READ,
  type CswFixture,
} from './testing/csw-fixture.test-helper';

/**
 * CSW 2.0.2 (issue 20), proven by clients no one here wrote: OWSLib's CatalogueServiceWeb reads
 * it (capabilities, constraints, both output schemas, paging to the end, GetRecordById), pycsw
 * 2.6.2 harvests it through its Harvest operation, and our own harvester's client (libs/csw)
 * harvests it back; every ISO document validates. The inventory: testing/csw-fixture.test-helper.ts.
 * Requests, visibility and errors: csw-requests.int-spec.ts; harvested documents in detail:
 * csw-harvested.int-spec.ts.
 */
describe('CSW 2.0.2 (issue 20): real clients', () => {
  let f: CswFixture;
  /** The harvested fixture record's box, [west, south, east, north]. */
  let fixtureBox: number[];
  /** Its altered twin keeps the fixture's fields: Dublin Core shows the source title. */
  let ALTERED_TITLE_DC: string;

  beforeAll(async () => {
    f = await startCswFixture('csw');
    const box = f.isoRecord.bboxes[0];
    fixtureBox = [box.west, box.south, box.east, box.north];
    ALTERED_TITLE_DC = 'INSPIRE-WMS Geographical Names GN250';
  }, 300_000);

  afterAll(async () => {
    await f?.close();
  });

  it('OWSLib CatalogueServiceWeb: capabilities, constraints, both output schemas, paging to the end, GetRecordById', async () => {
    const { stdout } = await promisify(execFile)(
      f.py,
      [join(SCRIPTS, 'owslib_csw.py'), `${f.base}/api/v1/csw`, String(PAGE)],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const out = JSON.parse(stdout.trim().split('\n').pop() as string);
    expect(out).toMatchObject({
      type: 'CSW',
      version: '2.0.2',
      operations: ['DescribeRecord', 'GetCapabilities', 'GetRecordById', 'GetRecords'],
      outputSchemas: ['http://www.opengis.net/cat/csw/2.0.2', 'http://www.isotc211.org/2005/gmd'],
      anyText: ['Digitaler Zwilling Elbe', TRICKY_TITLE_READ],
      cql: ['Digitaler Zwilling Elbe', TRICKY_TITLE_READ],
      andNot: [TRICKY_TITLE_READ],
      titleEquals: ['Geoportal Bayern'],
      or: ['Digitaler Zwilling Elbe', 'Geoportal Bayern'],
      sortedDesc: ['Massendatensatz 039', 'Massendatensatz 038', 'Massendatensatz 037'],
      hits: PUBLIC_RECORDS,
    });
    const hamburg = [
      'Digitaler Zwilling Elbe',
      'Digitales Geländemodell Deutschland',
      'Eiderentenbestandserfassung',
      TRICKY_TITLE_READ,
      'Urban Data Platform Hamburg',
    ];
    // The two harvested GN250 records cover Germany.
    const hamburgAndGermany = [...hamburg, ALTERED_TITLE_DC, f.isoRecord.title].sort();
    expect(out.bboxLatLon).toEqual(hamburgAndGermany);
    expect(out.bboxCrs84).toEqual(hamburgAndGermany);
    for (const schema of ['dc', 'iso']) {
      const read = out[schema];
      expect({
        schema,
        matched: read.matched,
        pages: read.pages,
        last: read.lastNextRecord,
      }).toEqual({
        schema,
        matched: PUBLIC_RECORDS,
        pages: Math.ceil(PUBLIC_RECORDS / PAGE),
        last: 0,
      });
      expect(Object.keys(read.records)).toHaveLength(PUBLIC_RECORDS);
      expect(read.records[SECRET_DATASET]).toBeUndefined();
      expect(read.records[HH_DATASET]).toEqual({
        title: TRICKY_TITLE_READ,
        bbox: [9.7, 53.3, 10.4, 53.8],
      });
      expect(read.records[HARVESTED]).toEqual({
        title: 'Eiderentenbestandserfassung',
        bbox: [8, 53.3, 11.3, 55.1],
      });
      expect(read.records[HH_PLATFORM]).toEqual({
        title: 'Urban Data Platform Hamburg',
        bbox: [10, 53.55, 10, 53.55],
      });
      expect(read.records[HH_ENDPOINT]).toEqual({ title: 'WFS Straßenbaumkataster', bbox: null });
      // A harvested record with its document: in ISO the source's own, under its fileIdentifier.
      expect(read.records[schema === 'iso' ? ISO_FILE_ID : HARVESTED_ISO]).toEqual({
        title: f.isoRecord.title,
        bbox: fixtureBox,
      });
    }
    expect(out.byIdDc).toEqual({ [out.byIdAsked]: expect.any(String) });
    expect(out.byIdIso).toEqual(out.byIdDc);
  }, 400_000);

  /** Title and [west, south, east, north] of every record, as libs/csw's harvest client reads them. */
  const harvestOurs = async (pageSize: number) => {
    const records = new Map<string, { title: string | null; bbox: number[] | null }>();
    const documents = new Map<string, string>();
    const issues: string[] = [];
    const client = new CswClient({ url: `${f.base}/api/v1/csw`, parse: { keepDocument: true } });
    const result = await harvestAll(client, {
      pageSize,
      onRecord: (record: IsoRecord) => {
        documents.set(record.fileIdentifier ?? '', record.document ?? '');
        const box = record.bboxes[0];
        records.set(record.fileIdentifier ?? '', {
          title: record.title,
          bbox: box ? [box.west, box.south, box.east, box.north] : null,
        });
        for (const issue of record.issues)
          if (issue.severity === 'error') issues.push(`${record.fileIdentifier}: ${issue.message}`);
      },
    });
    return { result, records, documents, issues };
  };

  it('round-trips through our own harvester client (libs/csw): every record, same titles and bboxes', async () => {
    const { result, records, documents, issues } = await harvestOurs(PAGE);
    expect(result).toMatchObject({
      numberOfRecordsMatched: PUBLIC_RECORDS,
      received: PUBLIC_RECORDS,
      isoRecords: PUBLIC_RECORDS,
      complete: true,
      sortedByIdentifier: true,
      stopReason: 'nextRecordZero',
      warnings: [],
    });
    expect(issues).toEqual([]);
    expect(records.get(HH_DATASET)).toEqual({
      title: TRICKY_TITLE_READ,
      bbox: [9.7, 53.3, 10.4, 53.8],
    });
    expect(records.get(HARVESTED)).toEqual({
      title: 'Eiderentenbestandserfassung',
      bbox: [8, 53.3, 11.3, 55.1],
    });
    expect(records.get(HH_ENDPOINT)).toEqual({ title: 'WFS Straßenbaumkataster', bbox: null });
    expect(records.has(SECRET_DATASET)).toBe(false);
    // The harvested record comes back as the source wrote it: our harvester's canonical document
    // of it is the fixture's, plus our metadataMaintenance (negative control: the altered one),
    // and on the apex the namespaces our response root declares (inclusive C14N takes them along).
    const withoutNote = (document: string | undefined) =>
      document
        ?.replace(/<gmd:metadataMaintenance>.*?<\/gmd:metadataMaintenance>/s, '')
        .replace(/^(<[^>]*?) xmlns:(?:dc|dct|ogc|ows)="[^"]*"/, '$1')
        .replace(/^(<[^>]*?) xmlns:(?:dc|dct|ogc|ows)="[^"]*"/, '$1')
        .replace(/^(<[^>]*?) xmlns:(?:dc|dct|ogc|ows)="[^"]*"/, '$1')
        .replace(/^(<[^>]*?) xmlns:(?:dc|dct|ogc|ows)="[^"]*"/, '$1');
    expect(records.get(ISO_FILE_ID)).toEqual({ title: f.isoRecord.title, bbox: fixtureBox });
    expect(withoutNote(documents.get(ISO_FILE_ID))).toBe(f.isoRecord.document);
    expect(documents.get(ISO_FILE_ID)).toContain(`Im Inventar geführt als ${HARVESTED_ISO}`);
    expect(withoutNote(documents.get(ALTERED_FILE_ID))).toContain(ALTERED_TITLE);
    // Compared with the Dublin Core view of the same records (another encoding, another reader).
    const dc = await f.csw(
      `?service=CSW&version=2.0.2&request=GetRecords&resultType=results&ElementSetName=brief&maxRecords=500`,
    );
    // In ISO, harvested records with their document carry the source's fileIdentifier.
    const isoId: Record<string, string> = {
      [HARVESTED_ISO]: ISO_FILE_ID,
      [HARVESTED_ALTERED]: ALTERED_FILE_ID,
    };
    const dcIds = [...dc.text.matchAll(/<dc:identifier>([^<]+)<\/dc:identifier>/g)]
      .map((m) => isoId[m[1]] ?? m[1])
      .sort();
    expect(dcIds).toEqual([...records.keys()].sort());
  });

  it('pycsw 2.6.2 harvests every record through its Harvest operation, titles and bboxes intact', async () => {
    const work = mkdtempSync(join(tmpdir(), 'dpi-csw-pycsw-'));
    try {
      const { stdout } = await promisify(execFile)(
        f.py,
        [join(SCRIPTS, 'pycsw_harvest.py'), `${f.base}/api/v1/csw`, work],
        { encoding: 'utf8', timeout: 300_000 },
      );
      const out = JSON.parse(stdout.trim().split('\n').pop() as string) as {
        exception: string | null;
        totalInserted: number;
        served: number;
        records: Record<string, { title: string; bbox: number[] | null; typename: string }>;
        lineage: Record<string, string | null>;
        notes: Record<string, string | null>;
      };
      const { records: ours } = await harvestOurs(100);
      // pycsw adds one record of its own: the harvested CSW as a service.
      expect({ exception: out.exception, inserted: out.totalInserted, served: out.served }).toEqual(
        {
          exception: null,
          inserted: ours.size + 1,
          served: ours.size + 1,
        },
      );
      // pycsw keeps a bbox with two decimals (util.bbox2wktpolygon: '%.2f').
      const twoDecimals = (box: number[] | null) =>
        box ? box.map((n) => Math.round(n * 100) / 100) : null;
      for (const [id, record] of ours) {
        const harvested = out.records[id];
        expect({
          id,
          title: harvested?.title,
          bbox: twoDecimals(harvested?.bbox ?? null),
          typename: harvested?.typename,
        }).toEqual({
          id,
          title: record.title,
          bbox: twoDecimals(record.bbox),
          typename: 'gmd:MD_Metadata',
        });
      }
      expect(out.records[SECRET_DATASET]).toBeUndefined();
      expect(out.lineage[HARVESTED]).toMatch(
        /GDI-SH Metadatenkatalog.*neu erzeugt.*nicht das Originaldokument/,
      );
      // pycsw keeps the source's document with our provenance note.
      expect(out.notes[ISO_FILE_ID]).toMatch(
        new RegExp(`Originaldokument des Katalogs „GDI-DE Geodatenkatalog“.*${HARVESTED_ISO}`),
      );
      expect(out.notes[HARVESTED]).toBeNull();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 400_000);

  it('answers documents valid against the CSW 2.0.2, OWS and ISO 19139 schemas pycsw ships', async () => {
    const { stdout } = await promisify(execFile)(
      f.py,
      [join(SCRIPTS, 'validate_csw.py'), `${f.base}/api/v1/csw`, FIXTURE_FILE],
      { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const out = JSON.parse(stdout.trim().split('\n').pop() as string) as Record<
      string,
      { errors: number; first?: string[]; records?: number; asHarvested?: number }
    >;
    const valid = { errors: 0, first: [] };
    for (const name of [
      'capabilities',
      'dc-brief',
      'dc-summary',
      'dc-full',
      'describeRecord',
      'exception',
      'iso-brief-response',
      'iso-summary-response',
      'iso-full-response',
    ])
      expect({ name, ...out[name] }).toEqual({ name, ...valid });
    // The two records served as harvested are judged by what we add: no error their source
    // document (the fixture, validated alike) does not have (GDK's gmx:Anchor in code lists is one).
    for (const name of ['iso-brief', 'iso-summary', 'iso-full'])
      expect({ name, ...out[name] }).toEqual({
        name,
        records: PUBLIC_RECORDS,
        asHarvested: 2,
        ...valid,
      });
    // Negative controls: the same validation fails a record with an unknown element and an ISO
    // document without its mandatory contact.
    expect(out.negativeDc.errors).toBeGreaterThan(0);
    expect(out.negativeIso.errors).toBeGreaterThan(0);
    expect(out.negativeAsHarvested.errors).toBeGreaterThan(0);
  }, 400_000);
});
