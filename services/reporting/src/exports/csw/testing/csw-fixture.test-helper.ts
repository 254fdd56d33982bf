import { PlatformType, RecordSource, ServiceType } from '@dpi/contracts';
import { parseIsoRecords, type IsoRecord } from '@dpi/csw';
import {
  createTestNamespace,
  freePort,
  issueToken,
  migrateService,
  ServiceProcess,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ReportingUnderTest, startReporting } from '../../../reporting.test-helper';

/**
 * The inventory the CSW tests read (issue 20): records of every kind sent the real way (Kafka →
 * projector), a reporting service and a real registry checking tokens. Harvested datasets come in
 * three forms: with the source's ISO document (a real record of ../shared/fixtures/csw, as the
 * harvester's canonical XML), with a document altered after the harvest (the negative control of
 * the comparison with the fixture file), and without one (generated ISO).
 */
export const ADMIN_TOKEN = 'reporting-csw-admin-0123456789';
export const SCRIPTS = __dirname;
export const BULK = 40;
export const PAGE = 7;
export const FIXTURE_FILE = join(
  WORKSPACE_ROOT,
  '../shared/fixtures/csw/ingrid-harvester-gdk/GetRecordsResults.xml',
);

export const id = (n: number) => `00000000-0000-4000-8c5e-${String(n).padStart(12, '0')}`;
export const [HH_PLATFORM, BY_PLATFORM, HH_TWIN, HH_DATASET, BE_DATASET, FED_DATASET] = [
  1, 2, 3, 4, 5, 6,
].map(id);
export const [HH_ENDPOINT, HARVESTED, SECRET_DATASET, SECRET_PLATFORM] = [7, 8, 9, 10].map(id);
/** Harvested with its source document; with an altered document; too large to carry. */
export const [HARVESTED_ISO, HARVESTED_ALTERED, HARVESTED_LARGE] = [11, 12, 13].map(id);
/** fileIdentifiers (in the fixture file) of the two harvested records with a document. */
export const ISO_FILE_ID = '142d56bb-108b-4e6a-96a6-8239b80af77e';
export const ALTERED_FILE_ID = 'cd7b8516-bbe3-4836-9ed8-b49b6d279932';
export const ALTERED_TITLE = 'Nachträglich geänderter Titel';
/** Markup characters and a control character (dropped: XML cannot carry it). */
export const TRICKY_TITLE = 'Straßenbäume "Elbe" & <Hamburg> \u0001';
export const TRICKY_TITLE_READ = 'Straßenbäume "Elbe" & <Hamburg>';
export const SECRET = 'Geheimkataster';
export const RESOURCE_ID = 'https://registry.gdi-de.org/id/de.sh/eiderenten-2024';
/** Records the public reads: the fixture without the two NON_PUBLIC ones, plus serve()'s warm-up platform. */
export const PUBLIC_RECORDS = 11 + BULK + 1;

export function python(): string {
  const out = execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'deploy/local/python.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 900_000,
  });
  return (JSON.parse(out.trim().split('\n').pop() as string) as { python: string }).python;
}

/** The fixture file's records as the harvester reads them (canonical documents included). */
export async function fixtureRecords(): Promise<Map<string, IsoRecord>> {
  const records = new Map<string, IsoRecord>();
  await parseIsoRecords(
    readFileSync(FIXTURE_FILE, 'utf8'),
    (r) => void records.set(r.fileIdentifier ?? '', r),
    { keepDocument: true },
  );
  return records;
}

export interface CswFixture {
  registry: ServiceProcess;
  r: ReportingUnderTest;
  base: string;
  reviewer: string;
  py: string;
  /** The harvested fixture record served as is (title, bbox as the harvester reads them). */
  isoRecord: IsoRecord;
  csw(
    query: string,
    options?: { token?: string; method?: 'GET' | 'POST'; body?: string; contentType?: string },
  ): Promise<{ status: number; type: string | null; text: string }>;
  close(): Promise<void>;
}

export async function startCswFixture(name: string): Promise<CswFixture> {
  const py = python();
  const ns = await createTestNamespace(`${name}-registry`);
  const env = ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN });
  migrateService('registry', env);
  const registry = new ServiceProcess('registry', env, await freePort());
  // A machine shared with other test runs can take longer than the default 30 s to start it.
  await registry.start({ timeoutMs: 180_000 });
  const reviewer = await issueToken(registry.url, ADMIN_TOKEN, {
    name: 'csw-reviewer',
    role: 'reviewer',
  });
  const r = await startReporting(name, { REGISTRY_URL: registry.url });
  const point = (lon: number, lat: number) =>
    JSON.stringify({ type: 'Point', coordinates: [lon, lat] });
  const fixture = await fixtureRecords();
  const isoRecord = fixture.get(ISO_FILE_ID) as IsoRecord;
  const altered = fixture.get(ALTERED_FILE_ID) as IsoRecord;
  // `gzip`: the document as harvesters send it since issue 20's follow-up (iso_document_gzip);
  // without, as text (events before it). The CSW must serve both alike.
  const harvestedFrom = (record: IsoRecord, document: string, gzip = false) => {
    const box = record.bboxes[0];
    return {
      landCode: '',
      title: record.title ?? '',
      description: record.abstract ?? '',
      bbox: box ? [box.west, box.south, box.east, box.north] : [],
      source: RecordSource.HARVESTED,
      provenance: {
        harvestSourceId: 'gdk',
        harvestSourceName: 'GDI-DE Geodatenkatalog',
        fileIdentifier: record.fileIdentifier ?? '',
        harvestedAt: { seconds: BigInt(Date.parse('2026-12-01T10:00:00Z') / 1000), nanos: 0 },
        ...(gzip ? { isoDocumentGzip: gzipSync(document) } : { isoDocument: document }),
        isoDocumentBytes: Buffer.byteLength(document),
      },
    };
  };
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
    r.events.dataset(HARVESTED_ISO, 1, harvestedFrom(isoRecord, isoRecord.document as string)),
    r.events.dataset(
      HARVESTED_ALTERED,
      1,
      harvestedFrom(
        altered,
        (altered.document as string).replace(altered.title as string, ALTERED_TITLE),
        true,
      ),
    ),
    r.events.dataset(HARVESTED_LARGE, 1, {
      title: 'Sehr großer Metadatensatz',
      bbox: [],
      source: RecordSource.HARVESTED,
      provenance: {
        harvestSourceId: 'gdk',
        harvestSourceName: 'GDI-DE Geodatenkatalog',
        fileIdentifier: 'very-large-record',
        isoDocumentBytes: 300_000,
      },
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
  const base = await r.serve();
  await r.projected();

  const csw: CswFixture['csw'] = async (query, options = {}) => {
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
  return {
    registry,
    r,
    base,
    reviewer,
    py,
    isoRecord,
    csw,
    async close() {
      await r.close();
      await registry.stop();
    },
  };
}
