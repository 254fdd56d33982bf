import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A harvested dataset's ISO 19139 document as harvested (issue 20): the `gmd:MD_Metadata` element
 * as Canonical XML 1.0, from the dataset event's provenance, which the CSW serves with our
 * provenance added; its size (also when the harvester left it out for its size) and the harvest
 * time. Filled by the projection, so a rebuild from offset 0 fills it; an existing deployment gets
 * the documents with the next harvest (the harvester's mapping version 2 republishes every record).
 */
export class HarvestedDocuments1763900000110 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dataset_item
      ADD COLUMN iso_document text,
      ADD COLUMN iso_document_bytes integer NOT NULL DEFAULT 0,
      ADD COLUMN harvested_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dataset_item
      DROP COLUMN harvested_at, DROP COLUMN iso_document_bytes, DROP COLUMN iso_document`);
  }
}
