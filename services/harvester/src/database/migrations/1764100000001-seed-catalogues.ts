import { MigrationInterface, QueryRunner } from 'typeorm';

interface SeedSource {
  id: string;
  name: string;
  landCode: string | null;
  url: string;
  enabled: boolean;
  incremental: string;
  full: string;
}

/**
 * The real catalogues of the reference facts. Fixed ids keep the record keys
 * (`<sourceId>/<fileIdentifier>`) stable across installations. Only the Geodatenkatalog is enabled:
 * it aggregates the Länder catalogues, and the other endpoints are marked "(verify)" in the
 * reference facts; operators enable them once checked (a manual run works while disabled).
 */
const SOURCES: SeedSource[] = [
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a01',
    name: 'GDI-DE Geodatenkatalog',
    landCode: null,
    url: 'https://gdk.gdi-de.org/gdi-de/srv/ger/csw',
    enabled: true,
    incremental: '15 1 * * *',
    full: '30 2 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a02',
    name: 'BKG Metainformationssystem',
    landCode: null,
    url: 'https://mis.bkg.bund.de/csw',
    enabled: false,
    incremental: '20 1 * * *',
    full: '40 2 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a03',
    name: 'MetaVer (Hamburg and other Länder)',
    landCode: null,
    url: 'https://metaver.de/csw',
    enabled: false,
    incremental: '25 1 * * *',
    full: '50 2 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a04',
    name: 'Geoportal Bayern',
    landCode: 'DE-BY',
    url: 'https://geoportal.bayern.de/csw/gdi',
    enabled: false,
    incremental: '30 1 * * *',
    full: '0 3 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a05',
    name: 'Geoportal Brandenburg',
    landCode: 'DE-BB',
    url: 'https://geoportal.brandenburg.de/csw-gdi-bb/service',
    enabled: false,
    incremental: '35 1 * * *',
    full: '10 3 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a06',
    name: 'GDI Berlin',
    landCode: 'DE-BE',
    url: 'https://gdi.berlin.de/geonetwork/srv/ger/csw',
    enabled: false,
    incremental: '40 1 * * *',
    full: '20 3 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a07',
    name: 'Geoportal Baden-Württemberg',
    landCode: 'DE-BW',
    url: 'https://www.geoportal-bw.de/geonetwork/srv/ger/csw',
    enabled: false,
    incremental: '45 1 * * *',
    full: '30 3 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a08',
    name: 'Geoportal Niedersachsen',
    landCode: 'DE-NI',
    url: 'https://geoportal.geodaten.niedersachsen.de/harvest/srv/ger/csw',
    enabled: false,
    incremental: '50 1 * * *',
    full: '40 3 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a09',
    name: 'Geoportal Thüringen',
    landCode: 'DE-TH',
    url: 'https://geomis.geoportal-th.de/geonetwork/srv/ger/csw',
    enabled: false,
    incremental: '55 1 * * *',
    full: '50 3 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a10',
    name: 'Geoportal Saarland',
    landCode: 'DE-SL',
    url: 'https://geoportal.saarland.de/gdi-sl/csw',
    enabled: false,
    incremental: '0 2 * * *',
    full: '0 4 * * 0',
  },
  {
    id: '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a11',
    name: 'Geodaten Mecklenburg-Vorpommern',
    landCode: 'DE-MV',
    url: 'https://www.geodaten-mv.de/soapServices/CSWStartup',
    enabled: false,
    incremental: '5 2 * * *',
    full: '10 4 * * 0',
  },
];

export class SeedCatalogues1764100000001 implements MigrationInterface {
  name = 'SeedCatalogues1764100000001';

  async up(q: QueryRunner): Promise<void> {
    for (const s of SOURCES) {
      await q.query(
        `INSERT INTO harvest_source (id, name, land_code, url, protocol, output_schema, type_names,
           page_size, concurrency, timeout_ms, retry_max_attempts, retry_backoff_ms,
           retry_max_backoff_ms, max_requests_per_second, incremental_schedule, full_schedule,
           enabled, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, 'csw-2.0.2', 'http://www.isotc211.org/2005/gmd', 'gmd:MD_Metadata',
           100, 1, 120000, 3, 2000, 60000, 2, $5, $6, $7, now(), now(), 1)`,
        [s.id, s.name, s.landCode, s.url, s.incremental, s.full, s.enabled],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM harvest_source WHERE id = ANY($1::uuid[])', [
      SOURCES.map((s) => s.id),
    ]);
  }
}
