import { PlatformType, RecordSource, ServiceType } from '@dpi/contracts';
import { CswClient, harvestAll, type IsoRecord } from '@dpi/csw';
import {
  createTestNamespace,
  freePort,
  issueToken,
  migrateService,
  ServiceProcess,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ReportingUnderTest, startReporting } from '../../reporting.test-helper';

/**
 * CSW 2.0.2 (issue 20), proven by clients no one here wrote: OWSLib's CatalogueServiceWeb reads
 * it (capabilities, constraints, both output schemas, paging to the end, GetRecordById), pycsw
 * 2.6.2 harvests it through its Harvest operation, and our own harvester's client (libs/csw)
 * harvests it back. Records come the real way (Kafka → projector); tokens are checked by a real
 * registry.
 */
const ADMIN_TOKEN = 'reporting-csw-admin-0123456789';
const SCRIPTS = join(__dirname, 'testing');
const BULK = 40;
const PAGE = 7;

const id = (n: number) => `00000000-0000-4000-8c5e-${String(n).padStart(12, '0')}`;
const [HH_PLATFORM, BY_PLATFORM, HH_TWIN, HH_DATASET, BE_DATASET, FED_DATASET] = [
  1, 2, 3, 4, 5, 6,
].map(id);
const [HH_ENDPOINT, HARVESTED, SECRET_DATASET, SECRET_PLATFORM] = [7, 8, 9, 10].map(id);
/** Markup characters and a control character (dropped: XML cannot carry it). */
const TRICKY_TITLE = 'Straßenbäume "Elbe" & <Hamburg> \u0001';
const TRICKY_TITLE_READ = 'Straßenbäume "Elbe" & <Hamburg>';
const SECRET = 'Geheimkataster';
const RESOURCE_ID = 'https://registry.gdi-de.org/id/de.sh/eiderenten-2024';

function python(): string {
  const out = execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'deploy/local/python.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 900_000,
  });
  return (JSON.parse(out.trim().split('\n').pop() as string) as { python: string }).python;
}

describe('CSW 2.0.2 (issue 20): real clients, visibility, exception reports', () => {
  let registry: ServiceProcess;
  let r: ReportingUnderTest;
  let base: string;
  let reviewer: string;
  let py: string;

  const csw = async (
    query: string,
    options: { token?: string; method?: 'GET' | 'POST'; body?: string; contentType?: string } = {},
  ) => {
    const response = await fetch(`${base}/api/v1/csw${query}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined
          ? { 'content-type': options.contentType ?? 'application/xml' }
          : {}),
      },
      body: options.body,
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  beforeAll(async () => {
    py = python();
    const ns = await createTestNamespace('csw-registry');
    const env = ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN });
    migrateService('registry', env);
    registry = new ServiceProcess('registry', env, await freePort());
    await registry.start();
    reviewer = await issueToken(registry.url, ADMIN_TOKEN, {
      name: 'csw-reviewer',
      role: 'reviewer',
    });
    r = await startReporting('csw', { REGISTRY_URL: registry.url });
    const point = (lon: number, lat: number) =>
      JSON.stringify({ type: 'Point', coordinates: [lon, lat] });
    await r.producer.send([
      r.events.endpoint(HH_ENDPOINT, 1, {
        name: 'WFS Straßenbaumkataster',
        serviceType: ServiceType.WFS,
        url: 'https://geodienste.hamburg.de/HH_WFS_Strassenbaumkataster',
      }),
      r.events.platform(HH_PLATFORM, 1, {
        name: 'Urban Data Platform Hamburg',
        type: PlatformType.URBAN_DATA_PLATFORM,
        endpointIds: [HH_ENDPOINT],
        geometryGeojson: point(10.0, 53.55),
      }),
      r.events.platform(BY_PLATFORM, 1, {
        landCode: 'DE-BY',
        name: 'Geoportal Bayern',
        geometryGeojson: point(11.5, 48.1),
      }),
      r.events.twin(HH_TWIN, 1, {
        name: 'Digitaler Zwilling Elbe',
        geometryGeojson: point(9.99, 53.54),
      }),
      r.events.dataset(HH_DATASET, 1, {
        title: TRICKY_TITLE,
        description: 'Bäume an Straßen\r\nmit Art und Pflanzjahr',
        keywords: ['opendata', 'Bäume'],
        endpointIds: [HH_ENDPOINT],
      }),
      r.events.dataset(BE_DATASET, 1, {
        landCode: 'DE-BE',
        title: 'Berliner Datensatz',
        bbox: [13.1, 52.3, 13.8, 52.7],
      }),
      r.events.dataset(FED_DATASET, 1, {
        landCode: '',
        title: 'Digitales Geländemodell Deutschland',
        bbox: [5.9, 47.3, 15.0, 55.0],
      }),
      r.events.dataset(HARVESTED, 1, {
        landCode: 'DE-SH',
        title: 'Eiderentenbestandserfassung',
        bbox: [8.0, 53.3, 11.3, 55.1],
        source: RecordSource.HARVESTED,
        provenance: {
          harvestSourceId: 'gdi-sh',
          harvestSourceName: 'GDI-SH Metadatenkatalog',
          fileIdentifier: 'metadata-NPWHV13747',
        },
        resourceIdentifier: RESOURCE_ID,
      }),
      r.events.dataset(SECRET_DATASET, 1, {
        title: `${SECRET} Elbe`,
        accessRights: 'NON_PUBLIC',
        endpointIds: [HH_ENDPOINT],
      }),
      r.events.platform(SECRET_PLATFORM, 1, {
        name: `${SECRET} Plattform`,
        accessRights: 'NON_PUBLIC',
      }),
      ...Array.from({ length: BULK }, (_, i) =>
        r.events.dataset(id(1000 + i), 1, {
          landCode: 'DE-NI',
          title: `Massendatensatz ${String(i).padStart(3, '0')}`,
          bbox: [7.0, 52.0, 8.0, 52.5],
        }),
      ),
    ]);
    base = await r.serve();
    await r.projected();
  }, 300_000);

  afterAll(async () => {
    await r?.close();
    await registry?.stop();
  });

  /** Records the public reads: the fixture without the two NON_PUBLIC ones, plus serve()'s warm-up platform. */
  const PUBLIC_RECORDS = 8 + BULK + 1;

  it('OWSLib CatalogueServiceWeb: capabilities, constraints, both output schemas, paging to the end, GetRecordById', async () => {
    const { stdout } = await promisify(execFile)(
      py,
      [join(SCRIPTS, 'owslib_csw.py'), `${base}/api/v1/csw`, String(PAGE)],
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
    expect(out.bboxLatLon).toEqual(hamburg);
    expect(out.bboxCrs84).toEqual(hamburg);
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
    }
    expect(out.byIdDc).toEqual({ [out.byIdAsked]: expect.any(String) });
    expect(out.byIdIso).toEqual(out.byIdDc);
  }, 400_000);

  /** Title and [west, south, east, north] of every record, as libs/csw's harvest client reads them. */
  const harvestOurs = async (pageSize: number) => {
    const records = new Map<string, { title: string | null; bbox: number[] | null }>();
    const issues: string[] = [];
    const result = await harvestAll(new CswClient({ url: `${base}/api/v1/csw` }), {
      pageSize,
      onRecord: (record: IsoRecord) => {
        const box = record.bboxes[0];
        records.set(record.fileIdentifier ?? '', {
          title: record.title,
          bbox: box ? [box.west, box.south, box.east, box.north] : null,
        });
        for (const issue of record.issues)
          if (issue.severity === 'error') issues.push(`${record.fileIdentifier}: ${issue.message}`);
      },
    });
    return { result, records, issues };
  };

  it('round-trips through our own harvester client (libs/csw): every record, same titles and bboxes', async () => {
    const { result, records, issues } = await harvestOurs(PAGE);
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
    // Compared with the Dublin Core view of the same records (another encoding, another reader).
    const dc = await csw(
      `?service=CSW&version=2.0.2&request=GetRecords&resultType=results&ElementSetName=brief&maxRecords=500`,
    );
    const dcIds = [...dc.text.matchAll(/<dc:identifier>([^<]+)<\/dc:identifier>/g)]
      .map((m) => m[1])
      .sort();
    expect(dcIds).toEqual([...records.keys()].sort());
  });

  it('pycsw 2.6.2 harvests every record through its Harvest operation, titles and bboxes intact', async () => {
    const work = mkdtempSync(join(tmpdir(), 'dpi-csw-pycsw-'));
    try {
      const { stdout } = await promisify(execFile)(
        py,
        [join(SCRIPTS, 'pycsw_harvest.py'), `${base}/api/v1/csw`, work],
        { encoding: 'utf8', timeout: 300_000 },
      );
      const out = JSON.parse(stdout.trim().split('\n').pop() as string) as {
        exception: string | null;
        totalInserted: number;
        served: number;
        records: Record<string, { title: string; bbox: number[] | null; typename: string }>;
        lineage: Record<string, string | null>;
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
      for (const [id, record] of ours) {
        const harvested = out.records[id];
        expect({
          id,
          title: harvested?.title,
          bbox: harvested?.bbox ?? null,
          typename: harvested?.typename,
        }).toEqual({
          id,
          title: record.title,
          bbox: record.bbox,
          typename: 'gmd:MD_Metadata',
        });
      }
      expect(out.records[SECRET_DATASET]).toBeUndefined();
      expect(out.lineage[HARVESTED]).toMatch(
        /GDI-SH Metadatenkatalog.*neu erzeugt.*nicht das Originaldokument/,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 400_000);

  it('answers documents valid against the CSW 2.0.2, OWS and ISO 19139 schemas pycsw ships', async () => {
    const { stdout } = await promisify(execFile)(
      py,
      [join(SCRIPTS, 'validate_csw.py'), `${base}/api/v1/csw`],
      { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const out = JSON.parse(stdout.trim().split('\n').pop() as string) as Record<
      string,
      { errors: number; first?: string[]; records?: number }
    >;
    const valid = { errors: 0, first: [] };
    for (const name of [
      'capabilities',
      'dc-brief',
      'dc-summary',
      'dc-full',
      'describeRecord',
      'exception',
      'iso-summary-response',
      'iso-full-response',
    ])
      expect({ name, ...out[name] }).toEqual({ name, ...valid });
    for (const name of ['iso-summary', 'iso-full'])
      expect({ name, ...out[name] }).toEqual({ name, records: PUBLIC_RECORDS, ...valid });
    // Negative controls: the same validation fails a record with an unknown element and an ISO
    // document without its mandatory contact.
    expect(out.negativeDc.errors).toBeGreaterThan(0);
    expect(out.negativeIso.errors).toBeGreaterThan(0);
  }, 400_000);

  it('finds a harvested dataset by its source fileIdentifier and resource identifier, and names them', async () => {
    const iso = encodeURIComponent('http://www.isotc211.org/2005/gmd');
    for (const identifier of [
      'metadata-NPWHV13747',
      'METADATA-npwhv13747',
      RESOURCE_ID,
      HARVESTED,
    ]) {
      const cql = encodeURIComponent(`Identifier = '${identifier}'`);
      const response = await csw(
        `?service=CSW&version=2.0.2&request=GetRecords&resultType=results&ElementSetName=full&outputSchema=${iso}&constraintLanguage=CQL_TEXT&constraint=${cql}`,
      );
      expect({
        identifier,
        matched: /numberOfRecordsMatched="(\d+)"/.exec(response.text)?.[1],
      }).toEqual({
        identifier,
        matched: '1',
      });
      expect(response.text).toContain(`<gco:CharacterString>${HARVESTED}</gco:CharacterString>`);
      expect(response.text).toContain(
        `<gmd:code><gco:CharacterString>${RESOURCE_ID}</gco:CharacterString></gmd:code>`,
      );
      expect(response.text).toContain('(fileIdentifier dort: metadata-NPWHV13747)');
    }
    // Negative control: a prefix of the fileIdentifier is not an identifier.
    const prefix = await csw(
      `?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("Identifier = 'metadata-NPWHV'")}`,
    );
    expect(prefix.text).toContain('numberOfRecordsMatched="0"');
  });

  it('hides NON_PUBLIC records from the public in GetRecords and GetRecordById; a reviewer reads them', async () => {
    const search = `?service=CSW&version=2.0.2&request=GetRecords&resultType=results&maxRecords=50&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent(`AnyText LIKE '%${SECRET}%'`)}`;
    const byId = `?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=${encodeURIComponent('http://www.isotc211.org/2005/gmd')}&Id=${SECRET_DATASET},${SECRET_PLATFORM},${HH_DATASET}`;
    const anonymous = [await csw(search), await csw(byId)];
    const reviewed = [await csw(search, { token: reviewer }), await csw(byId, { token: reviewer })];
    for (const response of [...anonymous, ...reviewed]) expect(response.status).toBe(200);
    for (const response of anonymous) {
      expect(response.text).not.toContain(SECRET);
      expect(response.text).not.toContain(SECRET_DATASET);
      expect(response.text).not.toContain(SECRET_PLATFORM);
    }
    expect(anonymous[0].text).toContain('numberOfRecordsMatched="0"');
    expect(anonymous[1].text).toContain(HH_DATASET);
    // The endpoint's operatesOn names the NON_PUBLIC dataset to the reviewer only.
    const endpoint = `?service=CSW&version=2.0.2&request=GetRecordById&outputSchema=${encodeURIComponent('http://www.isotc211.org/2005/gmd')}&ElementSetName=full&Id=${HH_ENDPOINT}`;
    expect((await csw(endpoint)).text).not.toContain(SECRET_DATASET);
    expect((await csw(endpoint, { token: reviewer })).text).toContain(
      `uuidref="${SECRET_DATASET}"`,
    );
    // Negative control: the reviewer sees both.
    expect(reviewed[0].text).toContain('numberOfRecordsMatched="2"');
    expect(reviewed[1].text).toContain(SECRET_DATASET);
    expect(reviewed[1].text).toContain(SECRET_PLATFORM);
  });

  it('answers bad requests with an OWS ExceptionReport (400, exceptionCode, locator)', async () => {
    const cases: [
      string,
      { method?: 'POST'; body?: string; contentType?: string },
      string,
      string,
    ][] = [
      ['', {}, 'MissingParameterValue', 'request'],
      ['?service=CSW&version=2.0.2&request=Transaction', {}, 'OperationNotSupported', 'request'],
      ['?service=WMS&request=GetCapabilities', {}, 'InvalidParameterValue', 'service'],
      ['?service=CSW&version=3.0.0&request=GetRecords', {}, 'VersionNegotiationFailed', 'version'],
      [
        '?service=CSW&version=2.0.2&request=GetRecords&outputSchema=urn:x',
        {},
        'InvalidParameterValue',
        'outputSchema',
      ],
      [
        '?service=CSW&version=2.0.2&request=GetRecords&startPosition=0',
        {},
        'InvalidParameterValue',
        'startPosition',
      ],
      [
        '?service=CSW&version=2.0.2&request=GetRecords&ElementSetName=huge',
        {},
        'InvalidParameterValue',
        'ElementSetName',
      ],
      ['?service=CSW&version=2.0.2&request=GetRecordById', {}, 'MissingParameterValue', 'Id'],
      [
        `?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=FILTER&constraint=${encodeURIComponent('<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsLike>')}`,
        {},
        'InvalidParameterValue',
        'Constraint',
      ],
      [
        `?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=CQL_TEXT&constraint=${encodeURIComponent("Colour LIKE 'red'")}`,
        {},
        'InvalidParameterValue',
        'Constraint',
      ],
      [
        '',
        {
          method: 'POST',
          body:
            '<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2">' +
            '<csw:Query typeNames="csw:Record"><csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="?" escapeChar="\\">' +
            '<ogc:PropertyName>Modified</ogc:PropertyName><ogc:Literal>2025*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter></csw:Constraint></csw:Query></csw:GetRecords>',
        },
        'InvalidParameterValue',
        'Constraint',
      ],
      [
        '',
        {
          method: 'POST',
          body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><csw:GetCapabilities xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW">&e;</csw:GetCapabilities>',
        },
        'InvalidParameterValue',
        'request',
      ],
    ];
    for (const [query, options, code, locator] of cases) {
      const response = await csw(query, options);
      expect({
        query,
        body: options.body?.slice(0, 40),
        status: response.status,
        code: /exceptionCode="(\w+)"/.exec(response.text)?.[1],
        locator: /locator="(\w+)"/.exec(response.text)?.[1],
      }).toEqual({ query, body: options.body?.slice(0, 40), status: 400, code, locator });
      expect(response.type).toMatch(/^application\/xml/);
      expect(response.text).toContain('<ows:ExceptionReport');
      expect(response.text).not.toContain('root:');
    }
    // Negative control: the same filter, well-formed, is answered.
    const fine = await csw(
      `?service=CSW&version=2.0.2&request=GetRecords&constraintLanguage=FILTER&constraint=${encodeURIComponent('<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsLike wildCard="*" singleChar="?" escapeChar="\\"><ogc:PropertyName>dc:title</ogc:PropertyName><ogc:Literal>Geoportal*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>')}`,
    );
    expect(fine.status).toBe(200);
    expect(fine.text).toContain('numberOfRecordsMatched="1"');
    // Another route still refuses XML bodies.
    const other = await fetch(`${base}/api/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect([404, 415]).toContain(other.status);
  });
});
