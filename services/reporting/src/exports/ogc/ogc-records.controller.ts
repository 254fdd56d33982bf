import { CurrentViewer, Viewer } from '../../auth/viewer';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../public-url';
import {
  collectionHtml,
  collectionsHtml,
  conformanceHtml,
  itemHtml,
  itemsHtml,
  landingHtml,
  queryablesHtml,
} from './ogc-records.html';
import { OgcFormatQuery, OgcItemsQuery } from './ogc-records.query';
import { GEOJSON, JSON_TYPE, OGC_BASE, OgcRecordsService } from './ogc-records.service';

const OBJECT = { schema: { type: 'object' as const, additionalProperties: true } };
const HTML = 'text/html';

/**
 * HTML when asked for: `f=html`, or without `f` an Accept header that prefers text/html to JSON
 * (a browser). `*\/*` alone (OWSLib, curl) gets JSON, the default.
 */
export function wantsHtml(f: string | undefined, accept: string | undefined): boolean {
  if (f !== undefined) return f === 'html';
  const quality = (type: string) => {
    let best = -1;
    for (const part of (accept ?? '').split(',')) {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      if (range !== type) continue;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      best = Math.max(best, q ? Number(q.slice(2)) || 0 : 1);
    }
    return best;
  };
  const html = quality('text/html');
  const json = Math.max(
    quality('application/json'),
    quality('application/geo+json'),
    quality('application/schema+json'),
  );
  return html > 0 && html >= json;
}

/**
 * OGC API – Records Part 1: a searchable catalog of the inventory (JSON and GeoJSON by default,
 * HTML on request). Public, read-only; records follow the visibility rule of the caller's token.
 */
@ApiTags('ogc-api-records')
@Controller(OGC_BASE.slice(1))
export class OgcRecordsController {
  constructor(private readonly records: OgcRecordsService) {}

  /** The JSON document, or its HTML page when the request asks for HTML. */
  private send<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    f: string | undefined,
    doc: T,
    toHtml: (root: string, doc: T) => string,
    jsonType = JSON_TYPE,
  ): T | string {
    reply.header('cache-control', 'no-store');
    reply.header('vary', 'Accept');
    if (wantsHtml(f, request.headers.accept)) {
      reply.header('content-type', `${HTML}; charset=utf-8`);
      return toHtml(`${publicBaseUrl(request)}${OGC_BASE}`, doc);
    }
    reply.header('content-type', `${jsonType}; charset=utf-8`);
    return doc;
  }

  @Get()
  @ApiOperation({ summary: 'Landing page (links to the API definition, conformance, collections)' })
  @ApiProduces(JSON_TYPE, HTML)
  @ApiOkResponse(OBJECT)
  landing(
    @Query() query: OgcFormatQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const doc = this.records.landing(publicBaseUrl(request));
    return this.send(request, reply, query.f, doc, (_root, d) => landingHtml(d));
  }

  @Get('conformance')
  @ApiOperation({ summary: 'Conformance classes (Records Part 1 searchable catalog, …)' })
  @ApiProduces(JSON_TYPE, HTML)
  @ApiOkResponse(OBJECT)
  conformance(
    @Query() query: OgcFormatQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const doc = this.records.conformance(publicBaseUrl(request));
    return this.send(request, reply, query.f, doc, conformanceHtml);
  }

  @Get('collections')
  @ApiOperation({ summary: 'The record collections (one: `inventar`)' })
  @ApiProduces(JSON_TYPE, HTML)
  @ApiOkResponse(OBJECT)
  collections(
    @Query() query: OgcFormatQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const doc = this.records.collections(publicBaseUrl(request));
    return this.send(request, reply, query.f, doc, collectionsHtml);
  }

  @Get('collections/:collectionId')
  @ApiOperation({ summary: 'One collection: extent, item type `record`, links' })
  @ApiProduces(JSON_TYPE, HTML)
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'No such collection' })
  collection(
    @Param('collectionId') collectionId: string,
    @Query() query: OgcFormatQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const doc = this.records.collection(publicBaseUrl(request), collectionId);
    return this.send(request, reply, query.f, doc, collectionHtml);
  }

  @Get('collections/:collectionId/queryables')
  @ApiOperation({
    summary: 'The properties records can be filtered on, as a JSON Schema (Features Part 3)',
  })
  @ApiProduces('application/schema+json', HTML)
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'No such collection' })
  queryables(
    @Param('collectionId') collectionId: string,
    @Query() query: OgcFormatQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const doc = this.records.queryables(publicBaseUrl(request), collectionId);
    return this.send(
      request,
      reply,
      query.f,
      doc,
      (root, d) => queryablesHtml(root, collectionId, d),
      'application/schema+json',
    );
  }

  @Get('collections/:collectionId/items')
  @ApiOperation({
    summary:
      'Records as GeoJSON (bbox, q, type, datetime on the temporal extent, updated, ids, ' +
      'limit/offset with next/prev links)',
  })
  @ApiProduces(GEOJSON, HTML)
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'No such collection' })
  async items(
    @Param('collectionId') collectionId: string,
    @Query() query: OgcItemsQuery,
    @CurrentViewer() viewer: Viewer,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const base = publicBaseUrl(request);
    const doc = await this.records.items(base, collectionId, query, viewer);
    const collection = this.records.collection(base, collectionId);
    return this.send(
      request,
      reply,
      query.f,
      doc,
      (root, d) => itemsHtml(root, collection, d),
      GEOJSON,
    );
  }

  @Get('collections/:collectionId/items/:recordId')
  @ApiOperation({ summary: 'One record as a GeoJSON feature' })
  @ApiProduces(GEOJSON, HTML)
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'No such collection or record' })
  async item(
    @Param('collectionId') collectionId: string,
    @Param('recordId') recordId: string,
    @Query() query: OgcFormatQuery,
    @CurrentViewer() viewer: Viewer,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const base = publicBaseUrl(request);
    const doc = await this.records.item(base, collectionId, recordId, viewer);
    const collection = this.records.collection(base, collectionId);
    return this.send(
      request,
      reply,
      query.f,
      doc,
      (root, d) => itemHtml(root, collection, d),
      GEOJSON,
    );
  }
}
