import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ISO 19139 document of each harvested dataset as the harvester read it (issue 20): the
 * `gmd:MD_Metadata` element as Canonical XML 1.0, which the dataset events carry on to reporting's
 * CSW. A side table rather than a column of `dataset`: the registry's lists and reads select every
 * column of `dataset`, and a document is 40–100 KB. `document` is NULL when the harvester left it out
 * for its size (`document_bytes` still says how large it was).
 */
export class HarvestedDocuments1763900000012 implements MigrationInterface {
  name = 'HarvestedDocuments1763900000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE harvested_dataset_document (
      dataset_id uuid PRIMARY KEY REFERENCES dataset (id) ON DELETE CASCADE,
      document text,
      document_bytes integer NOT NULL CHECK (document_bytes > 0),
      harvest_checksum text NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE harvested_dataset_document');
  }
}
