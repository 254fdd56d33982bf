import { MigrationInterface, QueryRunner } from 'typeorm';
import { INVENTORY_ITEM_VIEW_V2 } from './1763900000030-inventory-published';

const DATASET_DETAIL_V2 = `'keywords', to_jsonb(d.keywords), 'inspire', d.inspire,`;
const DATASET_DETAIL_V3 = `'keywords', to_jsonb(d.keywords), 'inspire', d.inspire,
            'temporalStart', d.temporal_start, 'temporalEnd', d.temporal_end,`;

if (!INVENTORY_ITEM_VIEW_V2.includes(DATASET_DETAIL_V2))
  throw new Error('migration 1763900000040: the dataset detail of the view is not where expected');

/** Version 3 of the view: version 2 with the dataset's temporal extent in its detail. */
export const INVENTORY_ITEM_VIEW_V3 = INVENTORY_ITEM_VIEW_V2.replace(
  'CREATE VIEW',
  'CREATE OR REPLACE VIEW',
).replace(DATASET_DETAIL_V2, DATASET_DETAIL_V3);

/**
 * A dataset's item carries its temporal extent (`detail.temporalStart`, `detail.temporalEnd`), so
 * that an OGC API – Records record says when its data is about (`time`) and the item list shows it.
 */
export class DatasetTemporalDetail1763900000040 implements MigrationInterface {
  name = 'DatasetTemporalDetail1763900000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(INVENTORY_ITEM_VIEW_V3);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW inventory_item');
    await q.query(INVENTORY_ITEM_VIEW_V2);
  }
}
