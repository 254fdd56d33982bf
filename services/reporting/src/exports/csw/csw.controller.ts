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
import {
  DEFAULT_MAX_RECORDS,
  MAX_IDS,
  MAX_RECORDS,
  OPERATIONS,
  OUTPUT_FORMATS,
  OUTPUT_SCHEMAS,
  requestFromKvp,
  requestFromXml,
  TYPE_NAMES,
  type CswRequest,
} from './csw-request';
import { CswService } from './csw.service';
import { CswException, exceptionReport } from './exception';

const XML = 'application/xml; charset=utf-8';
const XML_SCHEMA = { schema: { type: 'string' as const } };
type ParameterSchema = {
  type: 'string' | 'integer';
  enum?: string[];
  minimum?: number;
  maximum?: number;
};
const text = (values?: string[]): ParameterSchema => ({
  type: 'string',
  ...(values ? { enum: values } : {}),
});
/** The KVP parameters (OGC 07-006r1, 10.6–10.9); names are case-insensitive. */
const KVP: { name: string; description: string; schema: ParameterSchema; required?: boolean }[] = [
  { name: 'service', description: 'Always CSW', schema: text(['CSW']), required: true },
  {
    name: 'version',
    description: '2.0.2, the only version offered (read as 2.0.2 when left out)',
    schema: text(['2.0.2']),
  },
  { name: 'request', description: 'The operation', schema: text([...OPERATIONS]), required: true },
  {
    name: 'AcceptVersions',
    description:
      'GetCapabilities: versions the client accepts, comma-separated; must include 2.0.2',
    schema: text(),
  },
  {
    name: 'sections',
    description: 'GetCapabilities: accepted and ignored (the whole document is returned)',
    schema: text(),
  },
  {
    name: 'TypeName',
    description: 'DescribeRecord: the record types to describe (default both)',
    schema: text([...TYPE_NAMES]),
  },
  {
    name: 'typeNames',
    description: 'GetRecords: the record type queried',
    schema: text([...TYPE_NAMES]),
  },
  {
    name: 'outputSchema',
    description: 'Dublin Core csw:Record (default) or ISO 19139 gmd:MD_Metadata',
    schema: text([...OUTPUT_SCHEMAS]),
  },
  { name: 'outputFormat', description: 'XML only', schema: text([...OUTPUT_FORMATS]) },
  {
    name: 'ElementSetName',
    description: 'brief, summary (default) or full',
    schema: text(['brief', 'summary', 'full']),
  },
  {
    name: 'resultType',
    description: 'hits (default: the count only) or results',
    schema: text(['hits', 'results']),
  },
  {
    name: 'startPosition',
    description: 'First record, from 1 (default 1)',
    schema: { type: 'integer', minimum: 1, maximum: 1_000_000_000 },
  },
  {
    name: 'maxRecords',
    description: `Records asked for (default ${DEFAULT_MAX_RECORDS}); at most ${MAX_RECORDS} are returned per request, nextRecord says where to go on`,
    schema: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
  },
  {
    name: 'constraintLanguage',
    description: 'Language of `constraint`',
    schema: text(['FILTER', 'CQL_TEXT']),
  },
  { name: 'constraint_language_version', description: '1.1.0', schema: text(['1.1.0']) },
  {
    name: 'constraint',
    description:
      'GetRecords: an ogc:Filter (Filter Encoding 1.1) or a CQL text; queryables AnyText, Title, Abstract, Subject, Modified, Identifier, Type, BoundingBox',
    schema: text(),
  },
  {
    name: 'sortBy',
    description:
      'GetRecords: e.g. dc:title:A,dct:modified:D (Title, Abstract, Modified, Identifier, Type)',
    schema: text(),
  },
  {
    name: 'Id',
    description: `GetRecordById: comma-separated record identifiers (at most ${MAX_IDS})`,
    schema: text(),
  },
  {
    name: 'namespace',
    description: 'Accepted and ignored (the usual prefixes are known)',
    schema: text(),
  },
];

function apiKvp(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const p of KVP)
      ApiQuery({
        name: p.name,
        required: p.required ?? false,
        description: p.description,
        schema: p.schema,
      })(target, key, descriptor);
  };
}

const GET_RECORDS_EXAMPLE =
  '<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" ' +
  'xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2" resultType="results" ' +
  'maxRecords="5" outputSchema="http://www.isotc211.org/2005/gmd"><csw:Query typeNames="gmd:MD_Metadata">' +
  '<csw:ElementSetName>brief</csw:ElementSetName><csw:Constraint version="1.1.0"><ogc:Filter>' +
  '<ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\\"><ogc:PropertyName>csw:AnyText</ogc:PropertyName>' +
  '<ogc:Literal>%Geoportal%</ogc:Literal></ogc:PropertyIsLike></ogc:Filter></csw:Constraint></csw:Query></csw:GetRecords>';

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
  @ApiBody({
    description: 'A CSW 2.0.2 request document',
    schema: { type: 'string', example: GET_RECORDS_EXAMPLE },
  })
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
