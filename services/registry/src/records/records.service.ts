import { ChangeKind } from '@dpi/contracts';
import {
  applyMergePatch,
  checkIfMatch,
  flattenValidationErrors,
  staleVersion,
  validationProblem,
} from '@dpi/service-kit';
import { isUniqueViolation } from '@dpi/db';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { assertMayWrite } from '../auth/authorization';
import { Principal } from '../auth/principal';
import { ReadScope, readScopeOf, Viewer } from '../auth/visibility';
import { ChangeView } from '../history/dto/history.view';
import { diffFields, FieldChange } from '../history/field-diff';
import { HistoryRepository } from '../history/history.repository';
import { decodeCursor, encodeCursor } from './cursor';
import { assertIdFree, idTaken } from './id-taken';
import { checkNoIncomingLinks, checkOutgoingLinks, hasOutgoingLinks } from './links';
import { Facets, ListParams, ListSpec, readFacets, sortColumn } from './list-spec';
import { changedEvent, deletedEvent } from './record-events';
import { patchDocumentOf, RecordKind, VersionedRecord } from './record-kind';
import { RecordsRepository } from './records.repository';
import { actInOpenRounds, changeOf, eventContextOf, RequestContext } from './request-context';
import { hideInvisibleLinkChanges, hideInvisibleLinks, VisibleIds } from './visible-links';

export type { RequestContext } from './request-context';

type LandBound = { landCode?: string | null };

export type ListRequest = Pick<ListParams, 'filters' | 'q' | 'bbox'> & {
  sort?: string;
  limit?: number;
  cursor?: string;
};

/** The sort column's value of a record, as the cursor carries it. */
function cursorValue(record: object, key: string): string {
  const value = (record as Record<string, unknown>)[key];
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * The write path every record kind shares: Land-scoped authorisation, optimistic concurrency
 * (If-Match, compare-and-set), a history entry and an event per change, soft deletes with
 * tombstones. A kind only describes its fields and events (RecordKind).
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly repository: RecordsRepository,
    private readonly history: HistoryRepository,
  ) {}

  async create<E extends VersionedRecord, D extends LandBound>(
    kind: RecordKind<E, D>,
    dto: D,
    context: RequestContext,
    id: string = randomUUID(),
  ): Promise<E> {
    const fields = kind.fieldsFrom(dto);
    assertMayWrite(context.principal, fields.landCode ?? null);
    const now = new Date();
    const record = Object.assign(new kind.entity(), fields, {
      id,
      createdBy: context.principal.name,
      createdAt: now,
      updatedAt: now,
      version: 1,
      deletedAt: null,
    });
    try {
      await this.repository.insert(kind.entity, record, {
        check: hasOutgoingLinks(kind.table, record)
          ? (manager) => checkOutgoingLinks(manager, kind.table, record, context.principal)
          : undefined,
        change: changeOf(
          kind,
          record,
          'create',
          diffFields(null, kind.writableOf(record), kind.writable),
          context,
        ),
        events: [changedEvent(kind, record, ChangeKind.CREATED, eventContextOf(context))],
      });
    } catch (error) {
      // The id is taken (record_id_pkey or the kind's own key): another create won the race.
      if (isUniqueViolation(error)) throw await idTaken(this.repository, id, context.principal);
      throw error;
    }
    return record;
  }

  /**
   * A live record as `viewer` may see it (issue 17): a NON_PUBLIC record the viewer may not see
   * is answered exactly like an unknown id, and its link fields name only visible records.
   */
  async get<E extends VersionedRecord, D extends object>(
    kind: RecordKind<E, D>,
    id: string,
    viewer: Viewer,
  ): Promise<E> {
    const scope = readScopeOf(viewer);
    const [record] = await hideInvisibleLinks(
      kind.table,
      [await this.current(kind, id, scope)],
      this.visibleIds(scope),
    );
    return record;
  }

  /** The live record if `scope` may see it, else the same 404 as for an unknown id. */
  private async current<E extends VersionedRecord, D extends object>(
    kind: RecordKind<E, D>,
    id: string,
    scope: ReadScope,
  ): Promise<E> {
    const record = await this.repository.findVisible(kind.entity, id, scope);
    if (!record || record.deletedAt)
      throw new NotFoundException(`${kind.name} ${id} does not exist`);
    return record;
  }

  private visibleIds(scope: ReadScope): VisibleIds {
    return (table, ids) => this.repository.visibleIds(table, ids, scope);
  }

  /**
   * A page of the live records `viewer` may see, with total and facet counts over those only
   * (see list-spec.ts); link fields name only visible records (filtered by the list statement).
   */
  async list<E extends VersionedRecord, D extends object>(
    kind: RecordKind<E, D>,
    spec: ListSpec,
    query: ListRequest,
    viewer: Viewer,
  ): Promise<{ items: E[]; nextCursor: string | null; total: number; facets: Facets }> {
    const scope = readScopeOf(viewer);
    const limit = query.limit ?? 50;
    const sort = query.sort ?? 'createdAt';
    let after: { value: string; id: string } | undefined;
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      if (!cursor) throw validationProblem([{ field: 'cursor', message: 'cursor is malformed' }]);
      if (cursor.sort !== sort)
        throw validationProblem([
          { field: 'cursor', message: `cursor belongs to sort ${cursor.sort}, not ${sort}` },
        ]);
      after = { value: cursor.value, id: cursor.id };
    }
    const { items: rows, facetRows } = await this.repository.list(
      kind.entity,
      spec,
      { ...query, sort, limit: limit + 1, after },
      scope,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const key = sortColumn(spec, sort)?.key ?? 'createdAt';
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor(sort, cursorValue(last, key), last.id) : null,
      ...readFacets(spec, facetRows),
    };
  }

  /** PUT: the body is the complete new state. */
  async replace<E extends VersionedRecord, D extends LandBound>(
    kind: RecordKind<E, D>,
    id: string,
    dto: D,
    ifMatch: string | undefined,
    context: RequestContext,
  ): Promise<E> {
    const current = await this.current(kind, id, readScopeOf(context.principal));
    const fields = kind.fieldsFrom(dto);
    assertMayWrite(context.principal, current.landCode, fields.landCode ?? null);
    kind.assertMayChange?.(current, context.principal);
    checkIfMatch(ifMatch, current.version);
    return this.update(kind, current, fields, context);
  }

  /** PATCH: an RFC 7386 merge patch of the writable fields, validated as a whole afterwards. */
  async patch<E extends VersionedRecord, D extends LandBound>(
    kind: RecordKind<E, D>,
    id: string,
    patch: unknown,
    ifMatch: string | undefined,
    context: RequestContext,
  ): Promise<E> {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw validationProblem([
        { field: '(body)', message: 'a merge patch must be a JSON object' },
      ]);
    }
    const current = await this.current(kind, id, readScopeOf(context.principal));
    const merged = plainToInstance(
      kind.dto,
      applyMergePatch(patchDocumentOf(kind.writableOf(current)), patch),
    );
    const errors = await validate(merged, {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    });
    if (errors.length > 0) throw validationProblem(flattenValidationErrors(errors));
    const fields = kind.fieldsFrom(merged);
    assertMayWrite(context.principal, current.landCode, fields.landCode ?? null);
    kind.assertMayChange?.(current, context.principal);
    checkIfMatch(ifMatch, current.version);
    return this.update(kind, current, fields, context);
  }

  /** DELETE: soft; the record stays in the history, a tombstone goes to Kafka. */
  async remove<E extends VersionedRecord, D extends object>(
    kind: RecordKind<E, D>,
    id: string,
    ifMatch: string | undefined,
    context: RequestContext,
  ): Promise<void> {
    const current = await this.current(kind, id, readScopeOf(context.principal));
    assertMayWrite(context.principal, current.landCode);
    kind.assertMayChange?.(current, context.principal);
    checkIfMatch(ifMatch, current.version);
    const now = new Date();
    const next = Object.assign(new kind.entity(), current, {
      version: current.version + 1,
      updatedAt: now,
      deletedAt: now,
    });
    const stored = await this.repository.update(kind.entity, next, current.version, {
      check: async (manager) => {
        await checkNoIncomingLinks(manager, kind.table, id, context.principal);
        await actInOpenRounds(manager, id, 'withdrawn', context);
      },
      change: changeOf(
        kind,
        next,
        'delete',
        diffFields(kind.writableOf(current), null, kind.writable),
        context,
      ),
      events: [deletedEvent(kind, next, eventContextOf(context))],
    });
    if (!stored) throw staleVersion((await this.current(kind, id, { all: true })).version);
  }

  /**
   * One item of a bulk import: create (with the given id, if any) or replace the stored record
   * when it differs. `expectedVersion`, when given, must be the stored version. A dry run makes
   * every check (authorisation, links) and reports the changes without storing anything.
   */
  async upsert<E extends VersionedRecord, D extends LandBound>(
    kind: RecordKind<E, D>,
    item: { id?: string; expectedVersion?: number; dto: D },
    context: RequestContext,
    dryRun: { pending: Map<string, string | null> } | false,
  ): Promise<{ status: 'created' | 'updated' | 'unchanged'; record: E; changes: FieldChange[] }> {
    const current = item.id ? await this.writableTarget(kind, item.id, context.principal) : null;
    if (current?.deletedAt)
      throw new ConflictException(`${kind.name} ${item.id} was deleted; use a new id`);
    const fields = kind.fieldsFrom(item.dto);
    if (!current) {
      if (item.expectedVersion !== undefined)
        throw new NotFoundException(`${kind.name} ${item.id} does not exist`);
      if (item.id) await assertIdFree(this.repository, kind.name, item.id, context.principal);
      if (!dryRun) {
        const record = await this.create(kind, item.dto, context, item.id);
        return {
          status: 'created',
          record,
          changes: diffFields(null, kind.writableOf(record), kind.writable),
        };
      }
      assertMayWrite(context.principal, fields.landCode ?? null);
      const record = Object.assign(new kind.entity(), fields, {
        id: item.id ?? randomUUID(),
        version: 1,
      });
      await this.repository.check((manager) =>
        checkOutgoingLinks(manager, kind.table, record, context.principal, dryRun.pending),
      );
      dryRun.pending.set(record.id, record.landCode);
      return {
        status: 'created',
        record,
        changes: diffFields(null, kind.writableOf(record), kind.writable),
      };
    }
    assertMayWrite(context.principal, current.landCode, fields.landCode ?? null);
    kind.assertMayChange?.(current, context.principal);
    if (item.expectedVersion !== undefined && item.expectedVersion !== current.version)
      throw staleVersion(current.version);
    const candidate = Object.assign(new kind.entity(), current, fields);
    const changes = diffFields(kind.writableOf(current), kind.writableOf(candidate), kind.writable);
    if (changes.length === 0) return { status: 'unchanged', record: current, changes };
    if (dryRun) {
      await this.repository.check((manager) =>
        checkOutgoingLinks(manager, kind.table, candidate, context.principal, dryRun.pending),
      );
      return { status: 'updated', record: candidate, changes };
    }
    const record = await this.update(kind, current, fields, context);
    return { status: 'updated', record, changes };
  }

  /**
   * The record (live or deleted) an import item names by id, or null when there is none. One the
   * principal may not see is answered as missing (404, as PUT/PATCH/DELETE do), never as another
   * Land's (403 naming it), and cannot be created over either.
   */
  private async writableTarget<E extends VersionedRecord, D extends object>(
    kind: RecordKind<E, D>,
    id: string,
    principal: Principal,
  ): Promise<E | null> {
    const current = await this.repository.findVisible(kind.entity, id, readScopeOf(principal));
    if (current) return current;
    if (await this.repository.findById(kind.entity, id))
      throw new NotFoundException(`${kind.name} ${id} does not exist`);
    return null;
  }

  /**
   * Every change of a record, also after its deletion. A record `viewer` may not see has no
   * history for it (404, as for an unknown id); link values name only visible records.
   */
  async historyOf<E extends VersionedRecord, D extends object>(
    kind: RecordKind<E, D>,
    id: string,
    viewer: Viewer,
  ): Promise<ChangeView[]> {
    const scope = readScopeOf(viewer);
    const missing = new NotFoundException(`${kind.name} ${id} does not exist`);
    if (!(await this.repository.findVisible(kind.entity, id, scope))) throw missing;
    const entries = await this.history.listFor(kind.name, id);
    if (entries.length === 0) throw missing;
    const changes = await hideInvisibleLinkChanges(
      kind.table,
      entries.map((e) => e.changes),
      this.visibleIds(scope),
    );
    return entries.map((e, i) => ({ ...ChangeView.of(e), changes: changes[i] }));
  }

  private async update<E extends VersionedRecord, D extends object>(
    kind: RecordKind<E, D>,
    current: E,
    fields: Partial<E>,
    context: RequestContext,
  ): Promise<E> {
    const before = kind.writableOf(current);
    const candidate = Object.assign(new kind.entity(), current, fields);
    const changes = diffFields(before, kind.writableOf(candidate), kind.writable);
    if (changes.length === 0) return current; // nothing changed: no new version, no event
    const next = Object.assign(candidate, { version: current.version + 1, updatedAt: new Date() });
    const stored = await this.repository.update(kind.entity, next, current.version, {
      check: async (manager) => {
        await checkOutgoingLinks(manager, kind.table, next, context.principal);
        await actInOpenRounds(manager, next.id, 'updated', context);
      },
      change: changeOf(kind, next, 'update', changes, context),
      events: [changedEvent(kind, next, ChangeKind.UPDATED, eventContextOf(context))],
    });
    // Someone else changed it between our read and our write: same answer as a stale ETag.
    if (!stored) throw staleVersion((await this.current(kind, current.id, { all: true })).version);
    return next;
  }
}
