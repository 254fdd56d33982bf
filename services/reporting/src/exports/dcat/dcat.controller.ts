import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReportingEnv } from '../../config';
import { ExportsRepository } from '../exports.repository';
import { publicBaseUrl } from '../public-url';
import { recordUrl } from '../ogc/ogc-records.service';
import { buildCatalogPage } from './dcat-catalog';
import { toJsonLd, toTurtle } from './rdf';

export class CatalogQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000,
    default: 1,
    description: 'Page number (hydra paging)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer' })
  @Min(1, { message: 'page must be at least 1' })
  // Bounded so that the row offset it makes stays a number SQL takes (1e17 was a 500).
  @Max(1_000_000, { message: 'page must be at most 1000000' })
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be an integer' })
  @Min(1)
  @Max(1000)
  pageSize?: number;
}

const TURTLE = 'text/turtle';
const JSON_LD = 'application/ld+json';
type Format = 'ttl' | 'jsonld';

/** `Accept` → format: JSON-LD when asked for (ld+json or plain json), Turtle otherwise. */
export function negotiate(accept: string | undefined): Format {
  const ranked = (accept ?? '')
    .split(',')
    .map((part) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((m) => m.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { type } of ranked) {
    if (type === JSON_LD || type === 'application/json') return 'jsonld';
    if (type === TURTLE || type === 'text/*' || type === '*/*') return 'ttl';
  }
  return 'ttl';
}

const DESCRIPTION =
  'The inventory’s datasets (dcat:Dataset with distributions) and service endpoints ' +
  '(dcat:DataService) as a DCAT-AP.de 3.0 catalogue, validated against the official SHACL ' +
  'shapes. Paged like ckanext-dcat: the page is a hydra:PagedCollection with totalItems, ' +
  'itemsPerPage and first/last/next/previousPage.';

/** The DCAT-AP.de catalogue. Public, read-only. */
@ApiTags('dcat')
@Controller('api/v1/dcat')
export class DcatController {
  private readonly contributorId: string | undefined;

  constructor(
    private readonly repository: ExportsRepository,
    @Inject(ConfigService) config: ConfigService<ReportingEnv, true>,
  ) {
    this.contributorId = config.get('DCAT_CONTRIBUTOR_ID', { infer: true });
  }

  @Get('catalog')
  @ApiOperation({
    summary: 'DCAT-AP.de catalogue, by content negotiation',
    description: DESCRIPTION,
  })
  @ApiHeader({ name: 'accept', required: false, description: `${TURTLE} (default) or ${JSON_LD}` })
  @ApiProduces(TURTLE, JSON_LD)
  @ApiOkResponse({ description: 'One page of the catalogue' })
  @ApiNotFoundResponse({ description: 'A page past the last one' })
  negotiated(
    @Query() query: CatalogQuery,
    @Headers('accept') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    reply.header('vary', 'accept');
    return this.send(query, negotiate(accept), request, reply, 'catalog');
  }

  @Get('catalog.ttl')
  @ApiOperation({ summary: 'DCAT-AP.de catalogue as Turtle', description: DESCRIPTION })
  @ApiProduces(TURTLE)
  @ApiOkResponse({ description: 'One page of the catalogue' })
  @ApiNotFoundResponse({ description: 'A page past the last one' })
  turtle(
    @Query() query: CatalogQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.send(query, 'ttl', request, reply, 'catalog.ttl');
  }

  @Get('catalog.jsonld')
  @ApiOperation({ summary: 'DCAT-AP.de catalogue as JSON-LD', description: DESCRIPTION })
  @ApiProduces(JSON_LD)
  @ApiOkResponse({ description: 'One page of the catalogue' })
  @ApiNotFoundResponse({ description: 'A page past the last one' })
  jsonld(
    @Query() query: CatalogQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.send(query, 'jsonld', request, reply, 'catalog.jsonld');
  }

  private async send(
    query: CatalogQuery,
    format: Format,
    request: FastifyRequest,
    reply: FastifyReply,
    path: string,
  ): Promise<FastifyReply> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const base = publicBaseUrl(request);
    const { datasets, endpoints, total, modified } = await this.repository.catalogPage(
      (page - 1) * pageSize,
      pageSize,
    );
    const lastPage = Math.max(1, Math.ceil(total / pageSize));
    if (page > lastPage)
      throw new NotFoundException(`page ${page} does not exist: the last page is ${lastPage}`);
    const pageUrlOf = (n: number) => `${base}/api/v1/dcat/${path}?page=${n}&pageSize=${pageSize}`;
    const graph = buildCatalogPage({
      pageUrl: pageUrlOf(page),
      pageUrlOf,
      page,
      lastPage,
      pageSize,
      total,
      catalogIri: `${base}/api/v1/dcat/catalog`,
      recordIri: (id) => recordUrl(base, id),
      modified: modified ? new Date(modified) : null,
      datasets,
      endpoints,
      contributorId: this.contributorId,
    });
    reply.header('cache-control', 'no-store');
    if (format === 'jsonld')
      return reply
        .header('content-type', `${JSON_LD}; charset=utf-8`)
        .send(JSON.stringify(toJsonLd(graph)));
    return reply.header('content-type', `${TURTLE}; charset=utf-8`).send(await toTurtle(graph));
  }
}
