import { ConsumerHost, HostedConsumer } from '@dpi/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { ReadModelsChanged } from '../changes/read-models-changed';
import { ReportingEnv } from '../config';
import { RuleEvaluator } from '../handlungsbedarfe/rule-evaluator';
import { ROUND_TOPICS, roundDecoder, RoundChange } from './round-events';
import { RoundsProjectionRepository } from './rounds-projection.repository';

/**
 * Projects the survey rounds' topics (issue 22) into survey_round_item and round_record_item. Its
 * own consumer group: the read models' consumer subscribes to other topics, and one group with
 * two subscriptions would hand partitions to a member that does not read them.
 */
@Injectable()
export class RoundsConsumer extends HostedConsumer<RoundChange> {
  constructor(
    host: ConsumerHost,
    @Inject(ConfigService) config: ConfigService<ReportingEnv, true>,
    private readonly repository: RoundsProjectionRepository,
    private readonly rules: RuleEvaluator,
    private readonly changed: ReadModelsChanged,
    logger: PinoLogger,
  ) {
    super(host, logger, {
      label: 'survey round topics',
      topics: [...ROUND_TOPICS],
      groupId: `${config.get('KAFKA_GROUP_ID', { infer: true })}.rounds`,
      // The host hands over logical topics (without the deployment's prefix).
      decode: roundDecoder(''),
    });
    logger.setContext('RoundsConsumer');
  }

  protected async handle(changes: RoundChange[]): Promise<void> {
    await this.repository.apply(changes);
    // The round rules read these tables (handlungsbedarfe.rounds.v1.ts).
    this.rules.requestEvaluation();
    // Every replica's SSE clients (the dashboard's round progress) hear it: model `round`, the
    // ids of the rounds whose progress may have changed (round ids are public; record ids stay
    // out). Neither the aggregates nor the read-model rules follow this model.
    const ids = new Set<string>();
    for (const c of changes)
      if (c.model === 'surveyRound') ids.add(c.change.id);
      else if (c.change.kind === 'upsert') ids.add(c.change.roundId);
    await this.changed.announce({
      type: 'changed',
      model: 'round',
      ids: [...ids],
      at: new Date().toISOString(),
    });
  }
}
