import { validationProblem } from '@dpi/service-kit';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { assertMayWrite } from '../auth/authorization';
import { readScopeOf, Viewer } from '../auth/visibility';
import { DATASET_KIND } from '../datasets/dataset.kind';
import { ENDPOINT_KIND } from '../endpoints/endpoint.kind';
import { ORGANISATION_KIND } from '../organisations/organisation.kind';
import { PLATFORM_KIND } from '../platforms/platform.kind';
import { decodeCursor, encodeCursor } from '../records/cursor';
import { RecordKind, VersionedRecord } from '../records/record-kind';
import { RecordsService, RequestContext } from '../records/records.service';
import { DIGITAL_TWIN_KIND } from '../twins/digital-twin.kind';
import {
  ConfirmRecordsDto,
  OpenRoundDto,
  RoundRecordsQuery,
  WithdrawRecordDto,
} from './dto/round.dto';
import { roundChangedEvent, roundRecordChangedEvent } from './round-events';
import {
  decideAction,
  decideClose,
  decideReopen,
  nextRecordStatus,
  RoundRefusal,
  RoundRecordStatus,
} from './round-state';
import {
  RoundRecordListItem,
  RoundRecordRow,
  RoundRow,
  RoundsRepository,
} from './rounds.repository';

const KINDS: Readonly<Record<string, RecordKind<VersionedRecord, object>>> = Object.fromEntries(
  [ORGANISATION_KIND, PLATFORM_KIND, DIGITAL_TWIN_KIND, ENDPOINT_KIND, DATASET_KIND].map((k) => [
    k.name,
    k as unknown as RecordKind<VersionedRecord, object>,
  ]),
);

const refused = (refusal: RoundRefusal) => new ConflictException(refusal.reason);

/**
 * Survey rounds (Erhebungsrunden, issue 22): an admin opens and closes them; a Land's editor
 * confirms its records (bulk), withdraws them with a reason (through the records' delete path) and
 * declares "nothing more to add". Writes through the ordinary record routes count as updates
 * (the hook in records.service.ts). Decisions are round-state.ts; this orders them.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly repository: RoundsRepository,
    private readonly recordsService: RecordsService,
  ) {}

  async open(dto: OpenRoundDto, context: RequestContext): Promise<RoundRow> {
    const deadline = new Date(dto.deadline);
    if (deadline.toISOString().slice(0, 10) < dto.referenceDate)
      throw validationProblem([
        { field: 'deadline', message: 'deadline must not be before the referenceDate' },
      ]);
    return this.repository.open(
      {
        id: randomUUID(),
        title: dto.title,
        referenceDate: dto.referenceDate,
        deadline,
        kinds: [...dto.kinds].sort(),
        landCodes: [...dto.landCodes].sort(),
        openedBy: context.principal.name,
        openedAt: new Date(),
      },
      (stored) => roundChangedEvent(stored, 'opened', context.requestId),
      (row) => roundRecordChangedEvent(row, context.requestId),
    );
  }

  async get(id: string): Promise<RoundRow> {
    const round = await this.repository.find(id);
    if (!round) throw new NotFoundException(`survey round ${id} does not exist`);
    return round;
  }

  async list(
    limit: number,
    cursor?: string,
  ): Promise<{ items: RoundRow[]; nextCursor: string | null }> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && (!after || after.sort !== 'openedAt'))
      throw validationProblem([{ field: 'cursor', message: 'cursor is malformed' }]);
    const rows = await this.repository.list(
      limit + 1,
      after ? { openedAt: after.value, id: after.id } : undefined,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor('openedAt', last.openedAt.toISOString(), last.id)
          : null,
    };
  }

  /**
   * Confirms records unchanged, all or none: each must be in the round and visible to the caller
   * (else it is answered as unknown, field by field), and of a Land the caller may write (else 403).
   */
  async confirm(
    roundId: string,
    dto: ConfirmRecordsDto,
    context: RequestContext,
  ): Promise<{ confirmed: number; late: boolean; items: RoundRecordRow[] }> {
    return this.repository.transaction(async (tx) => {
      const round = await tx.lockRound(roundId, 'share');
      if (!round) throw new NotFoundException(`survey round ${roundId} does not exist`);
      const now = new Date();
      const decision = decideAction(round, now);
      if (decision instanceof RoundRefusal) throw refused(decision);
      const rows = await tx.records(roundId, dto.recordIds);
      const visible = await tx.visible(rows, readScopeOf(context.principal));
      const byId = new Map(rows.filter((r) => visible.has(r.recordId)).map((r) => [r.recordId, r]));
      const unknown = dto.recordIds.flatMap((id, i) =>
        byId.has(id)
          ? []
          : [{ field: `recordIds[${i}]`, message: `${id} is not a record of this round` }],
      );
      if (unknown.length > 0) throw validationProblem(unknown);
      assertMayWrite(context.principal, ...new Set(rows.map((r) => r.landCode)));
      const changes: { recordId: string; status: RoundRecordStatus }[] = [];
      const withdrawn: { field: string; message: string }[] = [];
      dto.recordIds.forEach((id, i) => {
        const next = nextRecordStatus((byId.get(id) as RoundRecordRow).status, 'confirm');
        if (next instanceof RoundRefusal)
          withdrawn.push({ field: `recordIds[${i}]`, message: `${id}: ${next.reason}` });
        else changes.push({ recordId: id, status: next });
      });
      if (withdrawn.length > 0) throw validationProblem(withdrawn);
      const stored = await tx.setStatus(roundId, changes, {
        by: context.principal.name,
        at: now,
        late: decision.late,
      });
      await tx.append(stored.map((row) => roundRecordChangedEvent(row, context.requestId)));
      return { confirmed: stored.length, late: decision.late, items: stored };
    });
  }

  /** Withdraws (deletes) a record of the round through the records' own delete path, with a reason. */
  async withdraw(
    roundId: string,
    dto: WithdrawRecordDto,
    ifMatch: string | undefined,
    context: RequestContext,
  ): Promise<RoundRecordRow> {
    const round = await this.get(roundId);
    const decision = decideAction(round, new Date());
    if (decision instanceof RoundRefusal) throw refused(decision);
    const row = await this.repository.recordOf(roundId, dto.recordId);
    const kind = row && KINDS[row.kind];
    if (!row || !kind)
      throw validationProblem([
        { field: 'recordId', message: `${dto.recordId} is not a record of this round` },
      ]);
    // Authorisation, visibility (404 for what the caller may not see), If-Match and links: as DELETE.
    await this.recordsService.remove(kind, dto.recordId, ifMatch, {
      ...context,
      withdrawalReason: dto.reason,
    });
    return (await this.repository.recordOf(roundId, dto.recordId)) as RoundRecordRow;
  }

  /** A Land's "nothing more to add"; saying it twice changes nothing. */
  async complete(roundId: string, landCode: string, context: RequestContext): Promise<RoundRow> {
    return this.repository.transaction(async (tx) => {
      const round = await tx.lockRound(roundId, 'update');
      if (!round) throw new NotFoundException(`survey round ${roundId} does not exist`);
      const land = round.laender.find((l) => l.landCode === landCode);
      if (!land) throw new NotFoundException(`${landCode} is not in survey round ${roundId}`);
      assertMayWrite(context.principal, landCode);
      const now = new Date();
      const decision = decideAction(round, now);
      if (decision instanceof RoundRefusal) throw refused(decision);
      if (land.completedAt) return round;
      await tx.complete(roundId, landCode, context.principal.name, now, decision.late);
      const stored = await tx.round(roundId);
      await tx.append([roundChangedEvent(stored, 'land-completed', context.requestId, landCode)]);
      return stored;
    });
  }

  async close(roundId: string, context: RequestContext): Promise<RoundRow> {
    return this.repository.transaction(async (tx) => {
      const round = await tx.lockRound(roundId, 'update');
      if (!round) throw new NotFoundException(`survey round ${roundId} does not exist`);
      const decision = decideClose(round);
      if (decision instanceof RoundRefusal) throw refused(decision);
      await tx.close(round, context.principal.name, new Date());
      const stored = await tx.round(roundId);
      await tx.append([roundChangedEvent(stored, 'closed', context.requestId)]);
      return stored;
    });
  }

  async reopen(roundId: string): Promise<never> {
    throw refused(decideReopen(await this.get(roundId)));
  }

  async records(
    roundId: string,
    query: RoundRecordsQuery,
    viewer: Viewer,
  ): Promise<{ items: RoundRecordListItem[]; nextCursor: string | null; total: number }> {
    await this.get(roundId);
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.cursor && (!after || after.sort !== 'id'))
      throw validationProblem([{ field: 'cursor', message: 'cursor is malformed' }]);
    const { items, total } = await this.repository.records(
      roundId,
      { landCode: query.land, status: query.status },
      readScopeOf(viewer),
      limit + 1,
      after?.id,
    );
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page,
      total,
      nextCursor:
        items.length > limit && last ? encodeCursor('id', last.recordId, last.recordId) : null,
    };
  }
}
