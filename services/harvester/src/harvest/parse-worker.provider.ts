import { IsoParseWorker, type IsoRecordsParser } from '@dpi/csw';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { HarvesterEnv } from '../config';

/**
 * The ISO parser the harvest uses: on a worker thread (HARVEST_PARSE_WORKER, default), so that
 * parsing, about two thirds of the harvester's CPU per record, runs beside the thread that reads
 * the responses and stores the records instead of taking turns with it; else on this thread.
 */
@Injectable()
export class ParseWorkerProvider implements OnApplicationShutdown {
  private readonly worker: IsoParseWorker | null;

  constructor(
    @Inject(ConfigService) config: ConfigService<HarvesterEnv, true>,
    logger: PinoLogger,
  ) {
    logger.setContext('ParseWorkerProvider');
    const wanted = config.get('HARVEST_PARSE_WORKER', { infer: true });
    const available = IsoParseWorker.available();
    if (wanted && !available) {
      logger.warn('the ISO parse worker script is not built; parsing on the main thread');
    }
    this.worker = wanted && available ? new IsoParseWorker() : null;
  }

  /** The parser to give a CSW client (undefined: the client's own, on this thread). */
  get parser(): IsoRecordsParser | undefined {
    return this.worker?.parse;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
