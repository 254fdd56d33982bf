import { ConflictException, ForbiddenException } from '@nestjs/common';
import { validationProblem } from '@dpi/service-kit';
import { EntityManager } from 'typeorm';
import { Principal } from '../auth/principal';
import { readScopeOf, visibleSql } from '../auth/visibility';
import { isRestrictedTable } from './restricted-tables';

/**
 * A link from one record kind to another (or to reference data). Links live on the linking
 * record (uuid arrays), so they are versioned, in its history and in its events like any field.
 */
export interface Link {
  /** Table of the linking record. */
  from: string;
  /** Field of the API body, for error messages. */
  field: string;
  /** Ids (or codes) the record links to. */
  idsOf(record: object): readonly string[];
  /** Table of the linked records. */
  to: string;
  /** Name of the linked kind, for messages. */
  toName: string;
  /** SQL condition over alias `r` (the linking table) that is true when `r` links to `$1`. */
  linksTo: string;
  /** The uuid[] column holding the ids, for links stored as an array of record ids. */
  column?: string;
  /** Reference data (standards): only existence is checked, by `code`. */
  reference?: boolean;
}

const ids = (field: string) => (record: object) =>
  ((record as Record<string, unknown>)[field] as string[] | undefined) ?? [];
const one = (field: string) => (record: object) => {
  const value = (record as Record<string, unknown>)[field] as string | null | undefined;
  return value ? [value] : [];
};

export const LINKS: readonly Link[] = [
  {
    from: 'platform',
    field: 'operatorOrganisationId',
    idsOf: one('operatorOrganisationId'),
    to: 'organisation',
    toName: 'organisation',
    linksTo: 'r.operator_organisation_id = $1',
  },
  {
    from: 'platform',
    field: 'standards',
    idsOf: ids('standards'),
    to: 'standard',
    toName: 'standard',
    linksTo: '$1 = ANY(r.standards)',
    reference: true,
  },
  {
    from: 'platform',
    field: 'endpointIds',
    idsOf: ids('endpointIds'),
    to: 'endpoint',
    toName: 'endpoint',
    linksTo: '$1 = ANY(r.endpoint_ids)',
    column: 'endpoint_ids',
  },
  {
    from: 'platform',
    field: 'datasetIds',
    idsOf: ids('datasetIds'),
    to: 'dataset',
    toName: 'dataset',
    linksTo: '$1 = ANY(r.dataset_ids)',
    column: 'dataset_ids',
  },
  {
    from: 'digital_twin',
    field: 'platformIds',
    idsOf: ids('platformIds'),
    to: 'platform',
    toName: 'platform',
    linksTo: '$1 = ANY(r.platform_ids)',
    column: 'platform_ids',
  },
  {
    from: 'digital_twin',
    field: 'datasetIds',
    idsOf: ids('datasetIds'),
    to: 'dataset',
    toName: 'dataset',
    linksTo: '$1 = ANY(r.dataset_ids)',
    column: 'dataset_ids',
  },
  {
    from: 'dataset',
    field: 'endpointIds',
    idsOf: ids('endpointIds'),
    to: 'endpoint',
    toName: 'endpoint',
    linksTo: '$1 = ANY(r.endpoint_ids)',
    column: 'endpoint_ids',
  },
  {
    from: 'dataset',
    field: 'distributions',
    idsOf: (record) =>
      (
        ((record as Record<string, unknown>).distributions as
          { accessServiceId?: string | null }[] | undefined) ?? []
      ).flatMap((d) => (d.accessServiceId ? [d.accessServiceId] : [])),
    to: 'endpoint',
    toName: 'endpoint',
    linksTo: `r.distributions @> jsonb_build_array(jsonb_build_object('accessServiceId', $1::text))`,
  },
];

/** Whether the record links to anything (else it needs no link checks). */
export function hasOutgoingLinks(table: string, record: object): boolean {
  return LINKS.some((l) => l.from === table && l.idsOf(record).length > 0);
}

/**
 * Checks a record's outgoing links inside the writing transaction: every target exists and is
 * not deleted, and belongs to the record's Land or is federal (admins may link across Länder).
 * Targets are locked FOR SHARE, so a concurrent delete of one of them waits for this write and
 * then sees the new link.
 */
export async function checkOutgoingLinks(
  manager: EntityManager,
  table: string,
  record: { landCode: string | null },
  principal: Principal,
  /** Records a dry run would have created before this one (id → Land): they count as existing. */
  pending?: ReadonlyMap<string, string | null>,
): Promise<void> {
  for (const link of LINKS.filter((l) => l.from === table)) {
    const wanted = [...new Set(link.idsOf(record))];
    if (wanted.length === 0) continue;
    // A NON_PUBLIC target the writer may not see is answered as missing, not as foreign:
    // a 403 naming its Land would reveal that it exists.
    const visible = isRestrictedTable(manager.connection, link.to)
      ? visibleSql(readScopeOf(principal), 'r', '$2')
      : { sql: 'TRUE', values: [] };
    const rows: { key: string; land_code: string | null }[] = link.reference
      ? await manager.query(
          `SELECT code AS key, NULL AS land_code FROM ${link.to} WHERE code = ANY($1) FOR SHARE`,
          [wanted],
        )
      : await manager.query(
          `SELECT r.id::text AS key, r.land_code FROM ${link.to} r WHERE r.id = ANY($1::uuid[]) AND r.deleted_at IS NULL AND ${visible.sql} FOR SHARE`,
          [wanted, ...visible.values],
        );
    const found = new Map(rows.map((r) => [r.key, r.land_code]));
    for (const id of wanted)
      if (!found.has(id) && pending?.has(id)) found.set(id, pending.get(id) ?? null);
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw validationProblem(
        missing.map((id) => ({ field: link.field, message: `no ${link.toName} ${id}` })),
      );
    }
    if (principal.role === 'admin' || link.reference) continue;
    const foreign = wanted.find((id) => {
      const land = found.get(id);
      return land !== null && land !== record.landCode;
    });
    if (foreign) {
      throw new ForbiddenException(
        `${link.field}: ${link.toName} ${foreign} belongs to ${found.get(foreign)}; ` +
          `records of ${record.landCode ?? 'federal scope'} may only link records of their own Land or federal ones`,
      );
    }
  }
}

/**
 * Refuses to delete a record that live records still link to (409, naming them). Linking records
 * the deleting principal may not see are counted, not named.
 */
export async function checkNoIncomingLinks(
  manager: EntityManager,
  table: string,
  id: string,
  principal: Principal,
): Promise<void> {
  const referrers: string[] = [];
  let hidden = 0;
  for (const link of LINKS.filter((l) => l.to === table)) {
    const visible = isRestrictedTable(manager.connection, link.from)
      ? visibleSql(readScopeOf(principal), 'r', '$2')
      : { sql: 'TRUE', values: [] };
    const rows: { id: string; visible: boolean }[] = await manager.query(
      `SELECT r.id, ${visible.sql} AS visible FROM ${link.from} r
       WHERE r.deleted_at IS NULL AND ${link.linksTo} LIMIT 5`,
      [id, ...visible.values],
    );
    for (const row of rows)
      if (row.visible) referrers.push(`${link.from} ${row.id} (${link.field})`);
      else hidden += 1;
  }
  if (hidden > 0) referrers.push(`${hidden} record(s) you cannot see`);
  if (referrers.length > 0) {
    throw new ConflictException(
      `still linked from ${referrers.join(', ')}; remove those links first`,
    );
  }
}
