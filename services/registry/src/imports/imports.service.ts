import { flattenValidationErrors } from '@dpi/service-kit';
import { HttpException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PinoLogger } from 'nestjs-pino';
import { RecordsService, RequestContext } from '../records/records.service';
import { IMPORT_KINDS, ImportKind } from './import-kinds';
import { ImportItemResult, ImportReport, ImportStatus } from './import.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ITEM_FIELDS = new Set(['kind', 'id', 'version', 'data']);

const statusOf = (httpStatus: number): ImportStatus =>
  httpStatus === 403 || httpStatus === 401
    ? 'forbidden'
    : httpStatus === 404
      ? 'notFound'
      : httpStatus === 409 || httpStatus === 412
        ? 'conflict'
        : 'invalid';

/**
 * Bulk import: every item goes through the same write path as the single-record API (validation,
 * authorisation, links, history, outbox), in request order, each in its own transaction, and is
 * reported on its own. A failed item stores nothing; the others are not affected.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly records: RecordsService,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('ImportsService');
  }

  async run(items: unknown[], context: RequestContext, dryRun: boolean): Promise<ImportReport> {
    const results: ImportItemResult[] = [];
    // A dry run stores nothing, so later items may link to what earlier ones would create.
    const simulation = dryRun ? { pending: new Map<string, string | null>() } : false;
    for (const [index, item] of items.entries()) {
      results.push(await this.one(index, item, context, simulation));
    }
    const count = (...statuses: ImportStatus[]) =>
      results.filter((r) => statuses.includes(r.status)).length;
    const summary = {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      failed: count('invalid', 'forbidden', 'conflict', 'notFound'),
    };
    this.logger.info({ ...summary, dryRun, by: context.principal.name }, 'import done');
    return { dryRun, summary, items: results };
  }

  private async one(
    index: number,
    item: unknown,
    context: RequestContext,
    dryRun: { pending: Map<string, string | null> } | false,
  ): Promise<ImportItemResult> {
    const invalid = (field: string, message: string): ImportItemResult => ({
      index,
      kind: null,
      id: null,
      status: 'invalid',
      errors: [{ field, message }],
    });
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return invalid('(item)', 'an item is an object {kind, id?, version?, data}');
    const { kind, id, version, data } = item as Record<string, unknown>;
    const unknown = Object.keys(item).find((k) => !ITEM_FIELDS.has(k));
    if (unknown) return invalid(unknown, `property ${unknown} should not exist`);
    if (typeof kind !== 'string' || !(kind in IMPORT_KINDS))
      return invalid('kind', `kind must be one of: ${Object.keys(IMPORT_KINDS).join(', ')}`);
    if (id !== undefined && (typeof id !== 'string' || !UUID.test(id)))
      return { ...invalid('id', 'id must be a UUID'), kind };
    if (version !== undefined && (!Number.isInteger(version) || (version as number) < 1))
      return { ...invalid('version', 'version must be a positive integer'), kind };
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return { ...invalid('data', 'data must be an object'), kind };

    const recordKind = IMPORT_KINDS[kind as ImportKind];
    const dto = plainToInstance(recordKind.dto as new () => object, data);
    const errors = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    });
    const base = { index, kind, id: (id as string | undefined) ?? null };
    if (errors.length > 0)
      return {
        ...base,
        status: 'invalid',
        errors: flattenValidationErrors(errors).map((e) => ({
          field: `data.${e.field}`,
          message: e.message,
        })),
      };
    try {
      const result = await this.records.upsert(
        recordKind as never,
        { id: id as string | undefined, expectedVersion: version as number | undefined, dto },
        context,
        dryRun,
      );
      return {
        ...base,
        id: result.record.id,
        status: result.status,
        version: result.record.version,
        changes: result.changes,
      };
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      const response = error.getResponse() as {
        detail?: string;
        errors?: { field: string; message: string }[];
      };
      return {
        ...base,
        status: statusOf(error.getStatus()),
        detail: response.detail ?? error.message,
        errors: response.errors?.map((e) => ({ field: `data.${e.field}`, message: e.message })),
      };
    }
  }
}
