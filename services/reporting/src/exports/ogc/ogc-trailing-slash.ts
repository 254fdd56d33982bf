import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { OGC_BASE } from './ogc-records.service';

/** The API's paths, each of which is also reached with a trailing slash. */
const PATHS = [
  '',
  '/conformance',
  '/collections',
  '/collections/:collectionId',
  '/collections/:collectionId/queryables',
  '/collections/:collectionId/items',
  '/collections/:collectionId/items/:recordId',
];

/**
 * `GET /api/v1/ogc/` and the other paths with a trailing slash answer 308 with the path without
 * it (query kept). OWSLib's `Records(url)` always requests `url + '/'`, and clients build the
 * other paths on it. Nest strips trailing slashes from route paths, and Fastify's own
 * `ignoreTrailingSlash` would change every route of every service, so the OGC paths get their
 * slash variants here, as plain Fastify routes (registered before the server is ready).
 */
@Injectable()
export class OgcTrailingSlash implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const path of PATHS)
      fastify.get(`${OGC_BASE}${path}/`, (request, reply) => {
        const [pathname, query] = request.url.split(/\?(.*)/s);
        const target = pathname.replace(/\/+$/, '') + (query ? `?${query}` : '');
        void reply.redirect(target, 308);
      });
  }
}
