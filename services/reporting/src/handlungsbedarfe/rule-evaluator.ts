import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { ReportingEnv } from '../config';
import { LiveEvents } from '../live/live-events';
import { Debouncer } from './debouncer';
import { FindingsRepository, RuleOutcome } from './findings.repository';
import { HANDLUNGSBEDARFE_V1 } from './handlungsbedarfe.v1';
import { assertValidRuleSet, RuleSet } from './rule';

/** The rule set the service evaluates. */
export const ACTIVE_RULE_SET: RuleSet = HANDLUNGSBEDARFE_V1;

/** Keeps the findings current: after applied batches (debounced) and on an interval. */
@Injectable()
export class RuleEvaluator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly debouncer: Debouncer;
  private interval: NodeJS.Timeout | null = null;

  constructor(
    private readonly findings: FindingsRepository,
    private readonly live: LiveEvents,
    @Inject(ConfigService) private readonly config: ConfigService<ReportingEnv, true>,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('RuleEvaluator');
    assertValidRuleSet(ACTIVE_RULE_SET);
    this.debouncer = new Debouncer(
      config.get('FINDINGS_DEBOUNCE_MS', { infer: true }),
      () => this.evaluate().then(() => undefined),
      (error) =>
        this.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'evaluating Handlungsbedarfe failed; next change or interval retries',
        ),
      // An isolated change is evaluated at once; under a stream of changes (a burst of
      // registrations, a harvest) the rules, which scan whole read models, take at most a quarter
      // of the time, so the projector and the API keep the database.
      { leading: true, gapPerRunTime: 3 },
    );
  }

  onApplicationBootstrap(): void {
    this.debouncer.request();
    this.interval = setInterval(
      () => this.debouncer.request(),
      this.config.get('FINDINGS_INTERVAL_MS', { infer: true }),
    );
    this.interval.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    await this.debouncer.close();
  }

  /** Called after a batch changed the read models. */
  requestEvaluation(): void {
    this.debouncer.request();
  }

  async evaluate(): Promise<RuleOutcome[]> {
    const started = Date.now();
    const outcomes = await this.findings.evaluate(ACTIVE_RULE_SET);
    const changed = outcomes.reduce((sum, o) => sum + o.changed, 0);
    const removed = outcomes.reduce((sum, o) => sum + o.removed, 0);
    for (const failed of outcomes.filter((o) => o.error))
      this.logger.error({ rule: failed.ruleId, error: failed.error }, 'rule failed');
    this.logger.debug({ ms: Date.now() - started, changed, removed }, 'Handlungsbedarfe evaluated');
    if (changed + removed > 0)
      this.live.publish({ type: 'findings', changed, removed, at: new Date().toISOString() });
    return outcomes;
  }
}
