import { ConsumerHost, HostedConsumer } from '@dpi/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { ReadModelsChanged } from '../changes/read-models-changed';
import { ReportingEnv } from '../config';
import { ReadModelsRepository } from './read-models.repository';
import {
  byModel,
  READ_MODEL_NAMES,
  READ_MODELS,
  ReadModelChange,
  readModelDecoder,
} from './read-models';

/**
 * Projects every registry topic and dpi.harvest.job.v1 into reporting's read models (lifecycle,
 * retries, DLQ and metrics: service-kit HostedConsumer).
 */
@Injectable()
export class ReadModelsConsumer extends HostedConsumer<ReadModelChange> {
  constructor(
    host: ConsumerHost,
    @Inject(ConfigService) config: ConfigService<ReportingEnv, true>,
    private readonly repository: ReadModelsRepository,
    private readonly changed: ReadModelsChanged,
    logger: PinoLogger,
  ) {
    super(host, logger, {
      label: 'read-model topics',
      topics: READ_MODEL_NAMES.map((name) => READ_MODELS[name].topic),
      // The host hands over logical topics (without the deployment's prefix).
      decode: readModelDecoder('', {
        cronTimeZone: config.get('HARVEST_CRON_TIMEZONE', { infer: true }),
      }),
    });
    logger.setContext('ReadModelsConsumer');
  }

  /**
   * One statement per read model of the batch (a batch is one partition of one topic), each
   * announced to every replica by its transaction.
   */
  protected async handle(changes: ReadModelChange[]): Promise<void> {
    const at = new Date().toISOString();
    for (const [model, group] of byModel(changes))
      await this.repository.applyAndAnnounce(model, group, ({ ids, nonPublic }, manager) =>
        this.changed.announce({ type: 'changed', model, ids, at, nonPublic }, manager),
      );
  }
}
