import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables of the record kinds and the kind name each claims ids under (the history's and the
 * errors' kind names), as this migration pins them: a migration never imports live code.
 */
const KIND_TABLES = [
  ['organisation', 'organisation'],
  ['platform', 'platform'],
  ['digital_twin', 'digital-twin'],
  ['endpoint', 'endpoint'],
  ['dataset', 'dataset'],
] as const;

/**
 * Record ids are unique across all kinds (issue 20): one id names one record, so
 * `…/items/{id}` of the OGC API, links and the dashboard's counts cannot mix up a platform of one
 * Land with a dataset of another that a bulk import gave the same id.
 *
 * `record_id` holds every id with the kind that claimed it. A trigger on each kind's table inserts
 * the row in the same transaction as the record, whoever writes it (POST, import, harvested
 * datasets, a bench's bulk load), so two concurrent creates of one id under two kinds cannot both
 * commit: the second waits for the first and fails on `record_id_pkey` (SQLSTATE 23505), which the
 * write path answers with 409. Records are only soft-deleted, so a deleted record keeps its id; a
 * hard DELETE or TRUNCATE (tests, operators) gives the ids back.
 *
 * Existing databases: every id is claimed by the kind that created it first (created_at, then
 * kind). Records of other kinds that already carry a claimed id stay as they are (nothing is
 * deleted or renumbered) and are listed by the view `record_id_conflict` and by this migration's
 * output; an operator resolves each by re-importing one of the two under a new id. Updates of such
 * a record still work; only inserts are checked.
 */
export class RecordIds1763900000008 implements MigrationInterface {
  name = 'RecordIds1763900000008';

  async up(q: QueryRunner): Promise<void> {
    const kinds = KIND_TABLES.map(([, kind]) => `'${kind}'`).join(', ');
    await q.query(`CREATE TABLE record_id (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN (${kinds}))
    )`);
    // The functions keep the migration's search_path (the service's schema first), so a writer
    // on a connection with another one (psql, a bulk load) still claims in this schema.
    await q.query(`CREATE FUNCTION claim_record_id() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        INSERT INTO record_id (id, kind) VALUES (NEW.id, TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION release_record_id() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        DELETE FROM record_id WHERE id = OLD.id AND kind = TG_ARGV[0];
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION release_record_ids() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        DELETE FROM record_id WHERE kind = TG_ARGV[0];
        RETURN NULL;
      END $$`);

    const union = KIND_TABLES.map(
      ([table, kind]) => `SELECT id, '${kind}'::text AS kind, created_at FROM ${table}`,
    ).join(' UNION ALL ');
    await q.query(`INSERT INTO record_id (id, kind)
      SELECT DISTINCT ON (id) id, kind FROM (${union}) r ORDER BY id, created_at, kind`);

    for (const [table, kind] of KIND_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_claims_id AFTER INSERT ON ${table}
        FOR EACH ROW EXECUTE FUNCTION claim_record_id('${kind}')`);
      await q.query(`CREATE TRIGGER ${table}_releases_id AFTER DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION release_record_id('${kind}')`);
      await q.query(`CREATE TRIGGER ${table}_releases_ids AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION release_record_ids('${kind}')`);
    }

    await q.query(`CREATE VIEW record_id_conflict AS
      SELECT r.kind, r.id, r.land_code, r.created_at, c.kind AS claimed_by
      FROM (${KIND_TABLES.map(
        ([table, kind]) =>
          `SELECT '${kind}'::text AS kind, id, land_code, created_at FROM ${table}`,
      ).join(' UNION ALL ')}) r
      JOIN record_id c ON c.id = r.id AND c.kind <> r.kind`);
    const conflicts: { kind: string; id: string; claimed_by: string }[] = await q.query(
      'SELECT kind, id, claimed_by FROM record_id_conflict ORDER BY id, kind',
    );
    if (conflicts.length > 0)
      // The migration runner's output is the operator's report; the view keeps the list.
      console.warn(
        `RecordIds1763900000008: ${conflicts.length} record(s) share an id with a record of another ` +
          `kind (see the view record_id_conflict): ${conflicts
            .slice(0, 100)
            .map((c) => `${c.kind} ${c.id} (id claimed by ${c.claimed_by})`)
            .join(', ')}${conflicts.length > 100 ? ', …' : ''}`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW record_id_conflict');
    for (const [table] of KIND_TABLES) {
      await q.query(`DROP TRIGGER ${table}_releases_ids ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_releases_id ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_claims_id ON ${table}`);
    }
    await q.query('DROP FUNCTION release_record_ids()');
    await q.query('DROP FUNCTION release_record_id()');
    await q.query('DROP FUNCTION claim_record_id()');
    await q.query('DROP TABLE record_id');
  }
}
