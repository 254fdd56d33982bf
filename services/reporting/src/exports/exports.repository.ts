import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DistributionFields } from '../projection/dataset-event';
import { HIDDEN_FROM_PUBLIC_SQL } from '../auth/visibility';

export interface DcatDatasetRow {
  id: string;
  land_code: string | null;
  title: string;
  description: string;
  publisher: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_url: string | null;
  themes: string[];
  keywords: string[];
  licence: string | null;
  access_rights: string | null;
  accrual_periodicity: string | null;
  issued: string | null;
  modified: string | null;
  temporal_start: string | null;
  temporal_end: string | null;
  /** [west, south, east, north] or null. */
  bbox: number[] | null;
  political_geocoding_level: string | null;
  conforms_to: string[];
  distributions: DistributionFields[];
  hierarchy_level: string;
  updated_at: Date;
}

export interface DcatEndpointRow {
  id: string;
  land_code: string | null;
  name: string;
  service_type: string;
  service_version: string | null;
  url: string;
  capabilities_url: string | null;
  authentication: string | null;
  updated_at: Date;
  /** Live datasets linked to the endpoint (at most 100). */
  dataset_ids: string[];
}

/** Datasets of dataset_item the public reads: the catalogue's, whoever asks. */
const DATASET_PUBLISHED = `id NOT IN (${HIDDEN_FROM_PUBLIC_SQL})`;

/**
 * Datasets the DCAT-AP.de catalogue can hold: dct:title and dct:description are mandatory there,
 * so a dataset without either is left out (and counted, see `withheld`) rather than exported
 * non-conforming. Columns qualified by `d.`.
 */
const DCAT_COMPLETE = `btrim(d.title) <> '' AND btrim(coalesce(d.description, '')) <> ''`;
const DCAT_DATASET = `NOT d.deleted AND d.${DATASET_PUBLISHED} AND ${DCAT_COMPLETE}`;

/** A data service a distribution of the page names (`dcat:accessService`), wherever it is paged. */
export interface DcatServiceRef {
  id: string;
  land_code: string | null;
  name: string;
  url: string;
}

/** Published datasets the catalogue leaves out, by the mandatory property they lack. */
export interface DcatWithheld {
  withoutTitle: number;
  withoutDescription: number;
}

/** The DCAT-AP.de catalogue's reads (the OGC API Records reads: ogc/ogc-records.repository.ts). */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page of the catalogue: datasets, then data services, each by id. The catalogue is for
   * other catalogues to harvest (GovData): it never holds unpublished datasets, whoever asks, nor
   * datasets without the mandatory title and description (counted in `withheld`).
   */
  async catalogPage(
    offset: number,
    limit: number,
  ): Promise<{
    datasets: DcatDatasetRow[];
    endpoints: DcatEndpointRow[];
    total: number;
    modified: Date | null;
    withheld: DcatWithheld;
    accessServices: DcatServiceRef[];
  }> {
    const [counts]: ({ total: number; modified: Date | null } & DcatWithheld)[] =
      await this.dataSource.query(
        `SELECT (SELECT count(*) FROM dataset_item d WHERE ${DCAT_DATASET})::int
            + (SELECT count(*) FROM endpoint_item WHERE NOT deleted)::int AS total,
          greatest((SELECT max(updated_at) FROM dataset_item d WHERE ${DCAT_DATASET}),
            (SELECT max(updated_at) FROM endpoint_item WHERE NOT deleted)) AS modified,
          (SELECT count(*) FILTER (WHERE btrim(d.title) = '')::int
             FROM dataset_item d WHERE NOT d.deleted AND d.${DATASET_PUBLISHED}) AS "withoutTitle",
          (SELECT count(*) FILTER (WHERE btrim(d.title) <> ''
               AND btrim(coalesce(d.description, '')) = '')::int
             FROM dataset_item d WHERE NOT d.deleted AND d.${DATASET_PUBLISHED}) AS "withoutDescription"`,
      );
    const page: { kind: string; id: string }[] = await this.dataSource.query(
      `SELECT kind, id FROM (
         SELECT 'dataset' AS kind, d.id FROM dataset_item d WHERE ${DCAT_DATASET}
         UNION ALL
         SELECT 'endpoint', id FROM endpoint_item WHERE NOT deleted) x
       ORDER BY kind, id OFFSET $1 LIMIT $2`,
      [offset, limit],
    );
    const ids = (kind: string) => page.filter((p) => p.kind === kind).map((p) => p.id);
    const datasets: DcatDatasetRow[] = await this.dataSource.query(
      `SELECT id, land_code, title, description, publisher, contact_name, contact_email,
         contact_url, themes, keywords, licence, access_rights, accrual_periodicity, issued,
         modified, temporal_start, temporal_end, political_geocoding_level, conforms_to,
         distributions, hierarchy_level, updated_at,
         CASE WHEN bbox IS NULL THEN NULL ELSE
           json_build_array(ST_XMin(bbox), ST_YMin(bbox), ST_XMax(bbox), ST_YMax(bbox)) END AS bbox
       FROM dataset_item WHERE id = ANY ($1::uuid[]) ORDER BY id`,
      [ids('dataset')],
    );
    const endpoints: DcatEndpointRow[] = await this.dataSource.query(
      `SELECT e.id, e.land_code, e.name, e.service_type, e.service_version, e.url,
         e.capabilities_url, e.authentication, e.updated_at,
         coalesce((SELECT array_agg(d.id ORDER BY d.id) FROM (
           SELECT d.id FROM dataset_item d WHERE e.id = ANY (d.endpoint_ids) AND ${DCAT_DATASET}
           ORDER BY d.id LIMIT 100) d), '{}') AS dataset_ids
       FROM endpoint_item e WHERE e.id = ANY ($1::uuid[]) ORDER BY e.id`,
      [ids('endpoint')],
    );
    // Only ids that can be endpoint ids: anything else would fail the uuid cast.
    const serviceIds = [
      ...new Set(datasets.flatMap((d) => d.distributions.map((x) => x.accessServiceId))),
    ].filter((x): x is string => !!x && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(x));
    const accessServices: DcatServiceRef[] = serviceIds.length
      ? await this.dataSource.query(
          `SELECT id, land_code, name, url FROM endpoint_item WHERE NOT deleted AND id = ANY ($1::uuid[])`,
          [serviceIds],
        )
      : [];
    const { total, modified, withoutTitle, withoutDescription } = counts;
    return {
      datasets,
      endpoints,
      total,
      modified,
      withheld: { withoutTitle, withoutDescription },
      accessServices,
    };
  }
}
