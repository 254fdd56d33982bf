import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentViewer, Viewer } from '../../auth/viewer';
import { publicBaseUrl } from '../public-url';
import { CSW_PATH } from './capabilities';
import { requestFromKvp, requestFromXml, type CswRequest } from './csw-request';
import { CswService } from './csw.service';
import { CswException, exceptionReport } from './exception';

const XML = 'application/xml; charset=utf-8';
const XML_SCHEMA = { schema: { type: 'string' as const } };
const KVP: { name: string; description: string; enum?: string[] }[] = [
  { name: 'service', description: 'CSW', enum: ['CSW'] },
  { name: 'version', description: '2.0.2 (not needed for GetCapabilities)', enum: ['2.0.2'] },
  {
    name: 'request',
    description: 'The operation',
    enum: ['GetCapabilities', 'DescribeRecord', 'GetRecords', 'GetRecordById'],
  },
  { name: 'AcceptVersions', description: 'GetCapabilities: versions the client accepts (2.0.2)' },
  { name: 'TypeName', description: 'DescribeRecord: csw:Record and/or gmd:MD_Metadata' },
  { name: 'typeNames', description: 'GetRecords: csw:Record or gmd:MD_Metadata' },
  {
    name: 'outputSchema',
    description:
      'http://www.opengis.net/cat/csw/2.0.2 (Dublin Core, default) or http://www.isotc211.org/2005/gmd (ISO 19139)',
  },
  { name: 'outputFormat', description: 'application/xml', enum: ['application/xml', 'text/xml'] },
  {
    name: 'ElementSetName',
    description: 'brief, summary (default) or full',
    enum: ['brief', 'summary', 'full'],
  },
  { name: 'resultType', description: 'hits (default) or results', enum: ['hits', 'results'] },
  { name: 'startPosition', description: 'First record, from 1 (default 1)' },
  { name: 'maxRecords', description: 'Records per page (default 10, at most 500)' },
  {
    name: 'constraintLanguage',
    description: 'FILTER (OGC Filter 1.1 XML) or CQL_TEXT',
    enum: ['FILTER', 'CQL_TEXT'],
  },
  { name: 'constraint_language_version', description: '1.1.0' },
  { name: 'constraint', description: 'The filter, in the constraint language' },
  {
    name: 'sortBy',
    description: 'e.g. dc:title:A,dct:modified:D (Title, Abstract, Modified, Identifier, Type)',
  },
  { name: 'Id', description: 'GetRecordById: comma-separated record identifiers' },
];

function apiKvp(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const p of KVP)
      ApiQuery({
        name: p.name,
        required: false,
        description: p.description,
        schema: { type: 'string', ...(p.enum ? { enum: p.enum } : {}) },
      })(target, key, descriptor);
  };
}

/**
 * OGC CSW 2.0.2 (GET with KVP, POST with the XML encoding). Public and read-only; NON_PUBLIC
 * records only for those who may read them. Every answer is XML: a client error is an OWS
 * ExceptionReport with HTTP 400, not a problem document.
 */
@ApiTags('csw')
@Controller(CSW_PATH.slice(1))
export class CswController {
  constructor(private readonly csw: CswService) {}

  @Get()
  @ApiOperation({
    summary: 'CSW 2.0.2, KVP: GetCapabilities, DescribeRecord, GetRecords, GetRecordById',
    description:
      'Parameter names are case-insensitive (OGC 06-121r3). See services/reporting/README.md, "CSW 2.0.2".',
  })
  @apiKvp()
  @ApiProduces('application/xml')
  @ApiOkResponse({
    description:
      'csw:Capabilities, csw:DescribeRecordResponse, csw:GetRecordsResponse or csw:GetRecordByIdResponse',
    content: { 'application/xml': XML_SCHEMA },
  })
  @ApiBadRequestResponse({
    description: 'ows:ExceptionReport (exceptionCode, locator)',
    content: { 'application/xml': XML_SCHEMA },
  })
  async get(
    @Query() query: Record<string, unknown>,
    @CurrentViewer() viewer: Viewer,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.respond(() => requestFromKvp(query ?? {}), viewer, request, reply);
  }

  @Post()
  @ApiOperation({
    summary:
      'CSW 2.0.2, XML encoding: csw:GetCapabilities, csw:DescribeRecord, csw:GetRecords, csw:GetRecordById',
    description:
      'No DOCTYPE, no external entities; the body is read by the same safe XML reader as harvested documents.',
  })
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ schema: { type: 'string' }, description: 'A CSW 2.0.2 request document' })
  @ApiProduces('application/xml')
  @ApiOkResponse({
    description: 'The operation’s response document',
    content: { 'application/xml': XML_SCHEMA },
  })
  @ApiBadRequestResponse({
    description: 'ows:ExceptionReport (exceptionCode, locator)',
    content: { 'application/xml': XML_SCHEMA },
  })
  async post(
    @Body() body: unknown,
    @CurrentViewer() viewer: Viewer,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.respond(
      async () => {
        if (typeof body !== 'string' || body.trim() === '')
          throw new CswException(
            'MissingParameterValue',
            'the body must be a CSW 2.0.2 request document (application/xml)',
            'request',
          );
        return requestFromXml(body);
      },
      viewer,
      request,
      reply,
    );
  }

  private async respond(
    read: () => Promise<CswRequest>,
    viewer: Viewer,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    let body: string;
    try {
      body = await this.csw.answer(await read(), publicBaseUrl(request), viewer);
    } catch (error) {
      if (!(error instanceof CswException)) throw error;
      await reply
        .status(error.status)
        .header('content-type', XML)
        .header('cache-control', 'no-store')
        .send(exceptionReport(error));
      return;
    }
    await reply
      .status(200)
      .header('content-type', XML)
      .header('cache-control', 'no-store')
      .send(body);
  }
}
