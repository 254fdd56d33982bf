import {
  applyDecorators,
  Controller,
  Get,
  Headers,
  HttpStatus,
  Inject,
  NotFoundException,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiHeader,
  ApiNotAcceptableResponse,
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
import { PROBLEM_CONTENT_TYPE, ProblemException } from '@dpi/service-kit';
import { buildCatalogPage } from './dcat-catalog';
import { Graph, toJsonLd, toNTriples, toRdfXml, toTurtle } from './rdf';
import {
  negotiateRdf,
  RDF_FORMATS,
  RdfFormat,
  RdfFormatId,
  rdfFormatByExtension,
} from './rdf-formats';

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

const DESCRIPTION =
  'The inventory’s datasets (dcat:Dataset with distributions) and service endpoints ' +
  '(dcat:DataService) as a DCAT-AP.de 3.0 catalogue, conforming to the European DCAT-AP 3.0.0 ' +
  'SHACL shapes with the DCAT-AP.de 3.0 additions. Published datasets without a title or a ' +
  'description (mandatory in DCAT-AP.de) are left out; the catalogue says how many (rdfs:comment). Paged like ckanext-dcat: the page is a hydra:PagedCollection with totalItems, ' +
  'itemsPerPage and first/last/next/previousPage.';

const MEDIA_TYPES = RDF_FORMATS.map((f) => f.mediaType);
const NOT_ACCEPTABLE = 'urn:dpi:problem:not-acceptable';

const pageResponses = (mediaTypes: string[]) =>
  applyDecorators(
    ApiProduces(...mediaTypes),
    ApiOkResponse({ description: 'One page of the catalogue' }),
    ApiNotFoundResponse({
      description: 'A page past the last one (application/problem+json)',
      content: { [PROBLEM_CONTENT_TYPE]: {} },
    }),
  );

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
    description:
      `${DESCRIPTION} The format follows \`Accept\` (q-values honoured; no header: Turtle; ` +
      '`application/json` gets JSON-LD); a type none of the offers matches is a 406.',
  })
  @ApiHeader({
    name: 'accept',
    required: false,
    description: `${MEDIA_TYPES.join(', ')} (q-values honoured); none of them acceptable: 406`,
  })
  @pageResponses(MEDIA_TYPES)
  @ApiNotAcceptableResponse({
    description: 'No offered type is acceptable: application/problem+json listing the offers',
    content: { [PROBLEM_CONTENT_TYPE]: {} },
  })
  negotiated(
    @Query() query: CatalogQuery,
    @Headers('accept') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    reply.header('vary', 'accept');
    const format = negotiateRdf(accept);
    if (!format) {
      const problem = {
        type: NOT_ACCEPTABLE,
        status: HttpStatus.NOT_ACCEPTABLE,
        detail: `none of the offered types is acceptable: ${MEDIA_TYPES.join(', ')}`,
        offers: MEDIA_TYPES,
      };
      throw new ProblemException(problem);
    }
    return this.send(query, format, request, reply, 'catalog');
  }

  @Get('catalog.ttl')
  @ApiOperation({ summary: 'DCAT-AP.de catalogue as Turtle', description: DESCRIPTION })
  @pageResponses(['text/turtle'])
  turtle(@Query() query: CatalogQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.byExtension('ttl', query, request, reply);
  }

  @Get('catalog.jsonld')
  @ApiOperation({ summary: 'DCAT-AP.de catalogue as JSON-LD', description: DESCRIPTION })
  @pageResponses(['application/ld+json'])
  jsonld(@Query() query: CatalogQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.byExtension('jsonld', query, request, reply);
  }

  @Get('catalog.rdf')
  @ApiOperation({ summary: 'DCAT-AP.de catalogue as RDF/XML', description: DESCRIPTION })
  @pageResponses(['application/rdf+xml'])
  rdfxml(@Query() query: CatalogQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.byExtension('rdf', query, request, reply);
  }

  @Get('catalog.nt')
  @ApiOperation({ summary: 'DCAT-AP.de catalogue as N-Triples', description: DESCRIPTION })
  @pageResponses(['application/n-triples'])
  ntriples(
    @Query() query: CatalogQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.byExtension('nt', query, request, reply);
  }

  /** The extension decides the format, whatever `Accept` says. */
  private byExtension(
    extension: string,
    query: CatalogQuery,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const format = rdfFormatByExtension(extension) as RdfFormat;
    return this.send(query, format, request, reply, `catalog.${extension}`);
  }

  private async send(
    query: CatalogQuery,
    format: RdfFormat,
    request: FastifyRequest,
    reply: FastifyReply,
    path: string,
  ): Promise<FastifyReply> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const base = publicBaseUrl(request);
    const { datasets, endpoints, total, modified, withheld, accessServices } =
      await this.repository.catalogPage((page - 1) * pageSize, pageSize);
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
      withheld,
      accessServices,
    });
    reply.header('cache-control', 'no-store');
    reply.header('content-type', `${format.mediaType}; charset=utf-8`);
    return reply.send(await serialize(graph, format.id));
  }
}

async function serialize(graph: Graph, format: RdfFormatId): Promise<string> {
  switch (format) {
    case 'turtle':
      return toTurtle(graph);
    case 'ntriples':
      return toNTriples(graph);
    case 'rdfxml':
      return toRdfXml(graph);
    case 'jsonld':
      return JSON.stringify(await toJsonLd(graph));
  }
}
