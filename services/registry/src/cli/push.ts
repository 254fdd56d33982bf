import { flattenValidationErrors } from '@dpi/service-kit';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { IMPORT_KINDS, ImportKind } from '../imports/import-kinds';
import type { ImportItemResult, ImportReport } from '../imports/import.dto';

/** An item of a push file: the same shape POST /api/v1/imports takes. */
export interface PushItem {
  kind: string;
  id?: string;
  version?: number;
  data: Record<string, unknown>;
}

export class PushFileError extends Error {}

/**
 * Reads a push file: YAML or JSON, either a list of items or `{ items: [...] }`. With
 * `assignIds`, items without an `id` get a new UUID written back into the file (comments and
 * layout of YAML files are kept), so that the next push updates instead of creating again.
 */
export async function readPushFile(
  path: string,
  options: { assignIds?: boolean } = {},
): Promise<{ items: PushItem[]; assigned: number }> {
  const text = await readFile(path, 'utf8');
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0)
    throw new PushFileError(`${path}: ${document.errors[0]?.message}`);
  const root = document.contents;
  const seq = isSeq(root) ? root : isMap(root) ? root.get('items', true) : null;
  if (!isSeq(seq))
    throw new PushFileError(`${path}: expected a list of items or a mapping with "items:"`);
  let assigned = 0;
  if (options.assignIds) {
    for (const node of (seq as YAMLSeq).items) {
      if (isMap(node) && !(node as YAMLMap).has('id')) {
        (node as YAMLMap).set('id', randomUUID());
        assigned++;
      }
    }
    if (assigned > 0)
      await writeFile(
        path,
        path.endsWith('.json')
          ? JSON.stringify(document.toJSON(), null, 2) + '\n'
          : String(document),
      );
  }
  const items = (seq as YAMLSeq).toJSON(document) as unknown[];
  return { items: items as PushItem[], assigned };
}

export interface LocalProblem {
  index: number;
  field: string;
  message: string;
}

/** The checks the server makes without a database: item shape and the kind's field rules. */
export async function validateLocally(items: readonly PushItem[]): Promise<LocalProblem[]> {
  const problems: LocalProblem[] = [];
  for (const [index, item] of items.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ index, field: '(item)', message: 'an item is a mapping {kind, id?, data}' });
      continue;
    }
    const kind = IMPORT_KINDS[item.kind as ImportKind];
    if (!kind) {
      problems.push({
        index,
        field: 'kind',
        message: `kind must be one of: ${Object.keys(IMPORT_KINDS).join(', ')}`,
      });
      continue;
    }
    if (typeof item.data !== 'object' || item.data === null) {
      problems.push({ index, field: 'data', message: 'data must be a mapping' });
      continue;
    }
    const dto = plainToInstance(kind.dto as new () => object, item.data);
    const errors = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    });
    for (const error of flattenValidationErrors(errors))
      problems.push({ index, field: `data.${error.field}`, message: error.message });
  }
  return problems;
}

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value);

function labelOf(item: PushItem | undefined, result: ImportItemResult): string {
  const data = item?.data ?? {};
  const name = (data.name ?? data.title ?? '') as string;
  return `${result.kind ?? item?.kind ?? '?'} ${name ? `"${name}" ` : ''}${result.id ?? ''}`.trim();
}

/** Human-readable diff of an import report: + created, ~ updated (field: old → new), ! failed. */
export function formatReport(items: readonly PushItem[], report: ImportReport): string[] {
  const lines: string[] = [];
  for (const result of report.items) {
    const item = items[result.index];
    if (result.status === 'created') lines.push(`+ ${labelOf(item, result)}`);
    else if (result.status === 'updated') {
      lines.push(`~ ${labelOf(item, result)}`);
      for (const change of result.changes ?? [])
        lines.push(`    ${change.field}: ${show(change.old)} → ${show(change.new)}`);
    } else if (result.status !== 'unchanged') {
      const why = result.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? result.detail;
      lines.push(`! #${result.index} ${labelOf(item, result)}: ${result.status} — ${why ?? ''}`);
    }
  }
  const s = report.summary;
  lines.push(
    `${report.dryRun ? 'would change' : 'changed'}: ${s.created} created, ${s.updated} updated, ` +
      `${s.unchanged} unchanged, ${s.failed} failed`,
  );
  return lines;
}

/** Merges the reports of consecutive chunks (indices made absolute). */
export function mergeReports(
  reports: readonly { offset: number; report: ImportReport }[],
): ImportReport {
  const items = reports.flatMap(({ offset, report }) =>
    report.items.map((i) => ({ ...i, index: i.index + offset })),
  );
  const sum = (key: keyof ImportReport['summary']) =>
    reports.reduce((n, { report }) => n + report.summary[key], 0);
  return {
    dryRun: reports.every(({ report }) => report.dryRun),
    summary: {
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      failed: sum('failed'),
    },
    items,
  };
}

export class RegistryClient {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async import(items: readonly PushItem[], dryRun: boolean): Promise<ImportReport> {
    const response = await fetch(`${this.url.replace(/\/$/, '')}/api/v1/imports?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(items),
    });
    const body = (await response.json().catch(() => null)) as
      (ImportReport & { detail?: string; title?: string }) | null;
    if (!response.ok)
      throw new Error(`registry answered ${response.status}: ${body?.detail ?? body?.title ?? ''}`);
    return body as ImportReport;
  }
}

/** Sends items in chunks (the server takes up to 10,000 per request), reporting progress. */
export async function pushInChunks(
  client: RegistryClient,
  items: readonly PushItem[],
  options: {
    dryRun: boolean;
    chunkSize: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportReport> {
  const reports: { offset: number; report: ImportReport }[] = [];
  for (let offset = 0; offset < items.length; offset += options.chunkSize) {
    const chunk = items.slice(offset, offset + options.chunkSize);
    reports.push({ offset, report: await client.import(chunk, options.dryRun) });
    options.onProgress?.(Math.min(offset + chunk.length, items.length), items.length);
  }
  return mergeReports(reports);
}
