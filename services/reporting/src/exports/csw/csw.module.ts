import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CSW_PATH } from './capabilities';
import { CswController } from './csw.controller';
import { CswRepository } from './csw.repository';
import { CswService } from './csw.service';

/** Largest POSTed request document. */
const MAX_REQUEST_BYTES = 256 * 1024;

/** OGC CSW 2.0.2 over the inventory (issue 20): see services/reporting/README.md, "CSW 2.0.2". */
@Module({
  controllers: [CswController],
  providers: [CswRepository, CswService],
})
export class CswModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /**
   * XML bodies are read as text for the CSW route only (the service kit takes JSON alone): any
   * other route still answers an XML body with 415.
   */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'string', bodyLimit: MAX_REQUEST_BYTES },
      (request, body, done) => {
        if (request.routeOptions.url !== CSW_PATH) {
          const error = Object.assign(
            new Error(`Unsupported Media Type: ${request.headers['content-type']}`),
            {
              statusCode: 415,
            },
          );
          done(error, undefined);
          return;
        }
        done(null, body);
      },
    );
  }
}
