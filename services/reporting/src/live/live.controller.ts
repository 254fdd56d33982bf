import { Controller, Get, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { CurrentViewer, Viewer } from '../auth/viewer';
import { ReadModelsChanged } from '../changes/read-models-changed';
import { LiveEvent, liveEventFor } from './live-events';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events: the dashboard's live updates, following the replica's "read models changed"
 * signal, which carries the changes every replica applied.
 */
@ApiTags('live')
@Controller('api/v1')
export class LiveController implements OnModuleDestroy {
  private readonly streams = new Set<ServerResponse>();
  private sequence = 0;

  constructor(private readonly changes: ReadModelsChanged) {}

  @Get('events')
  @ApiOperation({
    summary: 'Live updates as server-sent events',
    description:
      '`event: changed` (data `{model, ids, at}`) right after a batch changed a read model, and ' +
      'with model `aggregates` (no ids) after the precomputed aggregates changed; ' +
      '`event: findings` (data `{changed, removed, at}`) after the Handlungsbedarfe changed. ' +
      'A comment line every 15 s keeps proxies from closing the stream.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream' })
  events(@Res() reply: FastifyReply, @CurrentViewer() viewer: Viewer): void {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 2000\n: connected\n\n');
    this.streams.add(raw);
    const subscription = this.changes.changes.subscribe((published: LiveEvent) => {
      // Each subscriber gets what its viewer may see: no ids of NON_PUBLIC records for the public.
      const event = liveEventFor(published, viewer);
      if (!event) return;
      const { type, ...data } = event;
      raw.write(`id: ${++this.sequence}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    raw.on('close', () => {
      clearInterval(heartbeat);
      subscription.unsubscribe();
      this.streams.delete(raw);
    });
  }

  /** Open streams would keep the HTTP server from closing. */
  onModuleDestroy(): void {
    for (const stream of this.streams) stream.end();
  }
}
