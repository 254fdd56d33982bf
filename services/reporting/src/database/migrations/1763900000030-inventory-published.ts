import { MigrationInterface, QueryRunner } from 'typeorm';
import { INVENTORY_ITEM_VIEW_V1 } from './1763900000010-read-models';

/** The view as this migration creates it (a later migration's down() restores it). */
export const INVENTORY_ITEM_VIEW_V2 = `CREATE VIEW inventory_item AS
      SELECT i.*, (SELECT l.name FROM land l WHERE l.code = i.land_code) AS land_name FROM (
        SELECT 'platform'::text AS kind, p.id, p.land_code, p.name AS title, p.description,
          p.type, p.status, p.themes, NULL::integer AS maturity_level, NULL::boolean AS open_data,
          p.homepage AS url, p.geometry,
          jsonb_build_object('endpointIds', to_jsonb(p.endpoint_ids), 'datasetIds', to_jsonb(p.dataset_ids),
            'operatorOrganisationId', p.operator_organisation_id,
            'operatorOrganisationName', (SELECT o.name FROM organisation_item o
              WHERE o.id = p.operator_organisation_id AND NOT o.deleted)) AS links,
          jsonb_build_object('standards', to_jsonb(p.standards), 'components', to_jsonb(p.components),
            'openSource', p.open_source, 'reusability', p.reusability, 'accessRights', p.access_rights,
            'administrativeLevel', p.administrative_level) AS detail,
          p.source, p.updated_at,
          p.access_rights IS DISTINCT FROM 'NON_PUBLIC' AS published
        FROM platform_item p WHERE NOT p.deleted
        UNION ALL
        SELECT 'twin', t.id, t.land_code, t.name, t.description, t.kind, NULL, t.use_cases,
          t.maturity_level, NULL, t.homepage, t.geometry,
          jsonb_build_object('platformIds', to_jsonb(t.platform_ids), 'datasetIds', to_jsonb(t.dataset_ids)),
          jsonb_build_object('scope', t.scope, 'capabilities', to_jsonb(t.capabilities),
            'formats', to_jsonb(t.formats), 'dataBasis', to_jsonb(t.data_basis), 'realTime', t.real_time,
            'simulation', t.simulation, 'digizDe', t.digiz_de),
          t.source, t.updated_at, true
        FROM twin_item t WHERE NOT t.deleted
        UNION ALL
        SELECT 'dataset', d.id, d.land_code, d.title, d.description, d.hierarchy_level, NULL, d.themes,
          NULL, d.open_data, NULL, d.bbox,
          jsonb_build_object('endpointIds', to_jsonb(d.endpoint_ids), 'harvestSourceId', d.harvest_source_id),
          jsonb_build_object('licence', d.licence, 'accessRights', d.access_rights, 'publisher', d.publisher,
            'keywords', to_jsonb(d.keywords), 'inspire', d.inspire,
            'formats', (SELECT coalesce(jsonb_agg(DISTINCT e->>'format'), '[]'::jsonb)
              FROM jsonb_array_elements(d.distributions) e)),
          d.source, d.updated_at, d.access_rights IS DISTINCT FROM 'NON_PUBLIC'
        FROM dataset_item d WHERE NOT d.deleted
        UNION ALL
        SELECT 'endpoint', e.id, e.land_code, e.name, '', e.service_type, NULL, '{}'::text[], NULL, NULL,
          e.url, NULL::geometry, '{}'::jsonb,
          jsonb_build_object('serviceVersion', e.service_version, 'authentication', e.authentication,
            'capabilitiesUrl', e.capabilities_url, 'crs', to_jsonb(e.crs)),
          e.source, e.updated_at, true
        FROM endpoint_item e WHERE NOT e.deleted
      ) i`;

/**
 * The view `inventory_item` says itself whether the public may see a row (`published`: not a
 * platform or dataset registered NON_PUBLIC, the rows of `unpublished_record`), so a public list
 * filters each row instead of anti-joining the unpublished ids; the Land's name is read per row
 * instead of by a join (see services/reporting/README.md, "Public and reviewer views").
 */
export class InventoryPublished1763900000030 implements MigrationInterface {
  name = 'InventoryPublished1763900000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW inventory_item');
    await q.query(INVENTORY_ITEM_VIEW_V2);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW inventory_item');
    await q.query(INVENTORY_ITEM_VIEW_V1);
  }
}
