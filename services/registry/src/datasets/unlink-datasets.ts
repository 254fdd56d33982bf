import { ChangeKind } from '@dpi/contracts';
import { oneStatement, OutboxEvent, outboxInsert, SqlPart } from '@dpi/db';
import { Brackets, EntityManager } from 'typeorm';
import { ChangeLogEntity } from '../history/entities/change-log.entity';
import { diffFields } from '../history/field-diff';
import { ChangeAuthor, changeEntry, changesInsert } from '../history/history';
import { PLATFORM_KIND } from '../platforms/platform.kind';
import { quotedTable } from '../records/json-rows';
import { Link, LINKS } from '../records/links';
import { changedEvent } from '../records/record-events';
import { RecordKind, VersionedRecord } from '../records/record-kind';
import { DIGITAL_TWIN_KIND } from '../twins/digital-twin.kind';

/**
 * A dataset that went away (a harvested one withdrawn) and who removed it in which flow: the
 * records that linked it change on behalf of the same author, with the same correlation.
 */
export interface DatasetRemoval extends ChangeAuthor {
  datasetId: string;
  causationId: string;
}

type AnyKind = RecordKind<VersionedRecord, object>;
type ArrayLink = Link & { column: string };

/** The record kinds that can link datasets, by table. */
const KINDS_BY_TABLE: Readonly<Record<string, AnyKind>> = {
  platform: PLATFORM_KIND as unknown as AnyKind,
  digital_twin: DIGITAL_TWIN_KIND as unknown as AnyKind,
};

const linksTable = (from: string, to: string) => LINKS.some((l) => l.from === from && l.to === to);

/**
 * The tables whose records link datasets (from LINKS, so a new link is not forgotten; one without
 * a kind or an array column fails at start), in the order every writer locks rows: a record before
 * the records it links (a PATCH updates its own row, then share-locks its targets), so a twin
 * before a platform before a dataset.
 */
const LINKING_TABLES: readonly { kind: AnyKind; links: readonly ArrayLink[] }[] = (() => {
  const links = LINKS.filter((l) => l.to === 'dataset');
  const tables = [...new Set(links.map((l) => l.from))].sort((a, b) =>
    linksTable(a, b) ? -1 : linksTable(b, a) ? 1 : a.localeCompare(b),
  );
  return tables.map((table) => {
    const kind = KINDS_BY_TABLE[table];
    const own = links.filter((l) => l.from === table);
    if (!kind || own.some((l) => !l.column))
      throw new Error(`${table} links datasets but cannot be unlinked: add its kind and column`);
    return { kind, links: own as ArrayLink[] };
  });
})();

const linksAnyOf = (links: readonly ArrayLink[], ids: string) =>
  links.map((l) => `r.${l.column} && ${ids}`).join(' OR ');

/**
 * Locks (FOR UPDATE) the live records that link any dataset `datasetIds` selects (a SELECT of
 * dataset ids, its parameters from $1), in lock order. Call it BEFORE locking the datasets
 * themselves: a concurrent PATCH holds its record's row and then share-locks the datasets it
 * links, so locking a dataset first and its linking records second could deadlock with it.
 */
export async function lockRecordsLinkingDatasets(
  manager: EntityManager,
  datasetIds: SqlPart,
): Promise<void> {
  for (const { kind, links } of LINKING_TABLES) {
    const table = quotedTable(manager.connection.getMetadata(kind.entity));
    await manager.query(
      `SELECT r.id FROM ${table} r
       WHERE r.deleted_at IS NULL AND (${linksAnyOf(links, `ARRAY(${datasetIds.text})`)})
       ORDER BY r.id FOR UPDATE`,
      datasetIds.values,
    );
  }
}

/**
 * Unlinks datasets that went away from every live record linking them, as if each record's owner
 * had PATCHed the links away: the record gets a new version (so a PATCH holding the old ETag gets
 * 412), a history entry and a `*Changed` event through the outbox, all in the caller's transaction.
 * A record linking several of the datasets changes once, on behalf of the first removal it linked.
 * Batched: one locking read per linking table and one write for all of them, whatever the number
 * of records. Returns how many records changed.
 *
 * Today the harvested-dataset path calls it for withdrawn datasets (a registered dataset cannot
 * be deleted while linked); it is kept free of harvest specifics for when both dataset write
 * paths become one (issue 18).
 */
export async function unlinkDatasets(
  manager: EntityManager,
  removals: readonly DatasetRemoval[],
  options: { at: Date },
): Promise<number> {
  if (removals.length === 0) return 0;
  const removed = new Set(removals.map((r) => r.datasetId));
  const ids = [...removed];
  const writes: SqlPart[] = [];
  const history: Omit<ChangeLogEntity, 'id'>[] = [];
  const events: OutboxEvent[] = [];
  for (const { kind, links } of LINKING_TABLES) {
    // Rows locked in id order, hydrated as a PATCH reads them (findVisible), for the same event.
    const linking = await manager
      .getRepository(kind.entity)
      .createQueryBuilder('r')
      .where('r.deleted_at IS NULL')
      .andWhere(new Brackets((q) => q.where(linksAnyOf(links, 'CAST(:ids AS uuid[])'), { ids })))
      .orderBy('r.id')
      .setLock('pessimistic_write')
      .getMany();
    if (linking.length === 0) continue;
    const changed = linking.map((current) => {
      const fields = Object.fromEntries(
        links.map((l) => [l.field, l.idsOf(current).filter((id) => !removed.has(id))]),
      );
      const next = Object.assign(new kind.entity(), current, fields, {
        version: current.version + 1,
        updatedAt: options.at,
      });
      const linked = new Set(links.flatMap((l) => l.idsOf(current)));
      const by = removals.find((r) => linked.has(r.datasetId)) as DatasetRemoval;
      const changes = diffFields(kind.writableOf(current), kind.writableOf(next), kind.writable);
      history.push(changeEntry(kind.name, next, 'update', changes, by));
      events.push(
        changedEvent(kind, next, ChangeKind.UPDATED, {
          correlationId: by.correlationId,
          causationId: by.causationId,
        }),
      );
      return next;
    });
    writes.push(linkColumnsUpdate(manager, kind, links, changed));
  }
  if (writes.length === 0) return 0;
  const statement = oneStatement([...writes, changesInsert(history), outboxInsert(events)]);
  await manager.query(statement.text, statement.values);
  return history.length;
}

/** UPDATE of the link columns, version and updated_at of many records, as one json parameter. */
function linkColumnsUpdate(
  manager: EntityManager,
  kind: AnyKind,
  links: readonly ArrayLink[],
  records: readonly VersionedRecord[],
): SqlPart {
  const table = quotedTable(manager.connection.getMetadata(kind.entity));
  const set = links.map((l) => `${l.column} = x.${l.column}`).join(', ');
  const columns = links.map((l) => `${l.column} uuid[]`).join(', ');
  return {
    text: `UPDATE ${table} r SET version = x.version, updated_at = x.updated_at, ${set}
      FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, version integer, updated_at timestamptz, ${columns})
      WHERE r.id = x.id`,
    values: [
      JSON.stringify(
        records.map((r) => ({
          id: r.id,
          version: r.version,
          updated_at: r.updatedAt,
          ...Object.fromEntries(links.map((l) => [l.column, l.idsOf(r)])),
        })),
      ),
    ],
  };
}
