/** Channel the relay LISTENs on; the payload is the schema whose outbox got rows. */
export const OUTBOX_CHANNEL = 'dpi_outbox';

/**
 * DDL of the outbox table and its commit-time wake-up, for a service's migration. Relies on the
 * service schema being first on the search_path (see serviceDataSourceOptions).
 */
export const OUTBOX_UP_SQL: readonly string[] = [
  `CREATE TABLE outbox (
     id bigserial PRIMARY KEY,
     topic text NOT NULL,
     key text NOT NULL CHECK (key <> ''),
     value bytea,
     headers jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM pg_notify('${OUTBOX_CHANNEL}', TG_TABLE_SCHEMA);
     RETURN NULL;
   END $$`,
  // One notification per statement; PostgreSQL delivers it at commit and folds duplicates.
  `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
];

export const OUTBOX_DOWN_SQL: readonly string[] = [
  'DROP TRIGGER IF EXISTS outbox_notify ON outbox',
  'DROP FUNCTION IF EXISTS outbox_notify()',
  'DROP TABLE IF EXISTS outbox',
];
