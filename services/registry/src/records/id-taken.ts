import { ConflictException, HttpException } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { readScopeOf } from '../auth/visibility';
import { RecordsRepository } from './records.repository';

/** Problem type of a create whose id another record (of any kind) already holds. */
export const ID_TAKEN_PROBLEM_TYPE = 'urn:dpi:problem:id-taken';

/**
 * 409 for an id another record holds (ids are unique across kinds, issue 20), naming its kind
 * when `principal` may see that record. A NON_PUBLIC record the caller may not see is named by
 * nothing — no kind, no Land —, only that the id is used (a create cannot answer "unknown id").
 */
export async function idTaken(
  repository: RecordsRepository,
  id: string,
  principal: Principal,
): Promise<HttpException> {
  const holder = await repository.idHolder(id, readScopeOf(principal));
  const visible = holder?.visible ?? false;
  return new ConflictException({
    type: ID_TAKEN_PROBLEM_TYPE,
    title: 'Conflict',
    status: 409,
    detail: visible
      ? `id ${id} is already used by ${holder?.kind} ${id}; ids are unique across all kinds`
      : `id ${id} is already used by another record; ids are unique across all kinds`,
    ...(visible ? { existingKind: holder?.kind } : {}),
  });
}

/** Refuses a create of `kindName` with an id that a record of another kind holds. */
export async function assertIdFree(
  repository: RecordsRepository,
  kindName: string,
  id: string,
  principal: Principal,
): Promise<void> {
  const holder = await repository.idHolder(id, readScopeOf(principal));
  if (holder && holder.kind !== kindName) throw await idTaken(repository, id, principal);
}
