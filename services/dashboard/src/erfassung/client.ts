/**
 * The entry UI's registry client: every request with the editor's token in the Authorization
 * header (never the URL), JSON in and out, the ETag kept for If-Match, error answers as problems.
 */
import type { Round, RoundRecord } from './entries';
import { KIND_PATHS, titleOf, type EntryKind } from './fields';
import { lastTitle, type HistoryChange } from './history';
import { parseProblem, type Problem } from './problems';
import { REGISTRY_API } from './session';

export interface Answer<T> {
  status: number;
  ok: boolean;
  etag: string | null;
  body: T;
  problem: Problem | null;
}

export type RecordDoc = Record<string, unknown> & { id: string; version: number };

export class RegistryClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthorised: () => void = () => undefined,
  ) {}

  async request<T>(
    method: string,
    path: string,
    options: { body?: unknown; ifMatch?: string; contentType?: string } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${this.token}`,
    };
    if (options.body !== undefined)
      headers['content-type'] = options.contentType ?? 'application/json';
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    const response = await fetch(`${REGISTRY_API}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    if (response.status === 401) this.onUnauthorised();
    return {
      status: response.status,
      ok: response.ok,
      etag: response.headers.get('etag'),
      body: body as T,
      problem: response.ok ? null : parseProblem(response.status, body),
    };
  }

  /** Every page of a list (keyset paging by `nextCursor`). */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const url: string = cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path;
      const answer = await this.request<{ items: T[]; nextCursor: string | null }>('GET', url);
      if (!answer.ok) throw new RegistryError(answer);
      items.push(...answer.body.items);
      cursor = answer.body.nextCursor;
    } while (cursor);
    return items;
  }

  /** The Land's own records of a kind, registered ones only (harvested datasets are read-only). */
  async records(kind: EntryKind, landCode: string) {
    const query = new URLSearchParams({ landCode, source: 'manual', limit: '500' });
    const docs = await this.all<RecordDoc>(`/${KIND_PATHS[kind]}?${query}`);
    return docs.map((doc) => ({
      id: doc.id,
      kind,
      title: titleOf(doc),
      landCode: typeof doc['landCode'] === 'string' ? doc['landCode'] : null,
      accessRights: typeof doc['accessRights'] === 'string' ? doc['accessRights'] : undefined,
      version: doc.version,
    }));
  }

  /** The last name or title of a record, also a deleted one (its history stays); '' if unknown. */
  async lastTitle(kind: EntryKind, id: string): Promise<string> {
    const answer = await this.request<{ items: HistoryChange[] }>(
      'GET',
      `/${KIND_PATHS[kind]}/${encodeURIComponent(id)}/history`,
    );
    return answer.ok ? lastTitle(answer.body.items) : '';
  }

  async rounds(): Promise<Round[]> {
    return this.all<Round>('/rounds?limit=50');
  }

  async roundRecords(roundId: string, landCode: string): Promise<RoundRecord[]> {
    const query = new URLSearchParams({ land: landCode, limit: '500' });
    return this.all<RoundRecord>(`/rounds/${roundId}/records?${query}`);
  }

  get(kind: EntryKind, id: string) {
    return this.request<RecordDoc>('GET', `/${KIND_PATHS[kind]}/${encodeURIComponent(id)}`);
  }

  create(kind: EntryKind, body: unknown) {
    return this.request<RecordDoc>('POST', `/${KIND_PATHS[kind]}`, { body });
  }

  patch(kind: EntryKind, id: string, patch: unknown, etag: string) {
    return this.request<RecordDoc>('PATCH', `/${KIND_PATHS[kind]}/${encodeURIComponent(id)}`, {
      body: patch,
      ifMatch: etag,
      contentType: 'application/merge-patch+json',
    });
  }

  confirm(roundId: string, recordIds: string[]) {
    return this.request<{ confirmed: number; items: RoundRecord[] }>(
      'POST',
      `/rounds/${roundId}/confirmations`,
      {
        body: { recordIds },
      },
    );
  }

  withdraw(roundId: string, recordId: string, reason: string, etag: string) {
    return this.request('POST', `/rounds/${roundId}/withdrawals`, {
      body: { recordId, reason },
      ifMatch: etag,
    });
  }

  complete(roundId: string, landCode: string) {
    return this.request<Round>('POST', `/rounds/${roundId}/laender/${landCode}/complete`);
  }
}

export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(readonly answer: Answer<unknown>) {
    super(`HTTP ${answer.status}${answer.problem?.detail ? `: ${answer.problem.detail}` : ''}`);
  }
}
