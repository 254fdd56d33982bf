import { Controller, DynamicModule, Get, Global, Module, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Metrics } from './metrics';
import { ConsumerMetrics } from './consumer-metrics';

/** GET /metrics: Prometheus text format, for the operators' scraper (not part of the API). */
@ApiExcludeController()
@Controller('metrics')
class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contentType, body } = await this.metrics.text();
    void reply.header('content-type', contentType).header('cache-control', 'no-store');
    return body;
  }
}

/** One Metrics per service (global), its /metrics endpoint and the Kafka consumer metrics. */
@Global()
@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: Metrics, useFactory: () => new Metrics(service) }, ConsumerMetrics],
      exports: [Metrics, ConsumerMetrics],
    };
  }
}
