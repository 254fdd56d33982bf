import {
  Controller,
  DynamicModule,
  Get,
  Global,
  Module,
  NotFoundException,
  Res,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
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
    if (!this.metrics.enabled) throw new NotFoundException('metrics are off (METRICS_ENABLED)');
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
      providers: [
        {
          provide: Metrics,
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            new Metrics(service, { enabled: config.get<boolean>('METRICS_ENABLED') ?? true }),
        },
        ConsumerMetrics,
      ],
      exports: [Metrics, ConsumerMetrics],
    };
  }
}
