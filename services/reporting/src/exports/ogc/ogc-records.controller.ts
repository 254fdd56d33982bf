import { CurrentViewer, Viewer } from '../../auth/viewer';
import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../public-url';
import { OgcFormatQuery, OgcItemsQuery } from './ogc-records.query';
import { OGC_BASE, OgcRecordsService } from './ogc-records.service';

const OBJECT = { schema: { type: 'object' as const, additionalProperties: true } };

/** OGC API – Records Part 1: Core (JSON and GeoJSON). Public, read-only. */
@ApiTags('ogc-api-records')
@Controller(OGC_BASE.slice(1))
export class OgcRecordsController {
  constructor(private readonly records: OgcRecordsService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Landing page (links to the API definition, conformance, collections)' })
  @ApiOkResponse(OBJECT)
  landing(@Query() _query: OgcFormatQuery, @Req() request: FastifyRequest) {
    return this.records.landing(publicBaseUrl(request));
  }

  @Get('conformance')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Conformance classes (Records Part 1 core, record API, GeoJSON …)' })
  @ApiOkResponse(OBJECT)
  conformance(@Query() _query: OgcFormatQuery) {
    return this.records.conformance();
  }

  @Get('collections')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The record collections (one: `inventar`)' })
  @ApiOkResponse(OBJECT)
  collections(@Query() _query: OgcFormatQuery, @Req() request: FastifyRequest) {
    return this.records.collections(publicBaseUrl(request));
  }

  @Get('collections/:collectionId')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'One collection: extent, item type `record`, links' })
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'No such collection' })
  collection(
    @Param('collectionId') collectionId: string,
    @Query() _query: OgcFormatQuery,
    @Req() request: FastifyRequest,
  ) {
    return this.records.collection(publicBaseUrl(request), collectionId);
  }

  @Get('collections/:collectionId/items')
  @ApiOperation({
    summary: 'Records as GeoJSON (bbox, q, type, datetime, limit/offset with next/prev links)',
  })
  @ApiProduces('application/geo+json')
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'No such collection' })
  async items(
    @Param('collectionId') collectionId: string,
    @Query() query: OgcItemsQuery,
    @CurrentViewer() viewer: Viewer,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = await this.records.items(publicBaseUrl(request), collectionId, query, viewer);
    reply.header('content-type', 'application/geo+json; charset=utf-8');
    reply.header('cache-control', 'no-store');
    return body;
  }

  @Get('collections/:collectionId/items/:recordId')
  @ApiOperation({ summary: 'One record as a GeoJSON feature' })
  @ApiProduces('application/geo+json')
  @ApiOkResponse(OBJECT)
  @ApiNotFoundResponse({ description: 'No such collection or record' })
  async item(
    @Param('collectionId') collectionId: string,
    @Param('recordId') recordId: string,
    @Query() _query: OgcFormatQuery,
    @CurrentViewer() viewer: Viewer,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = await this.records.item(publicBaseUrl(request), collectionId, recordId, viewer);
    reply.header('content-type', 'application/geo+json; charset=utf-8');
    reply.header('cache-control', 'no-store');
    return body;
  }
}
