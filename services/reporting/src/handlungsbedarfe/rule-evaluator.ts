import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Metrics, secondsSince } from '@dpi/service-kit';
import { PinoLogger } from 'nestjs-pino';
import { ReportingEnv } from '../config';
import { Subscription } from 'rxjs';
import { ReadModelsChanged } from '../changes/read-models-changed';
import { Debouncer } from './debouncer';
import { FindingsRepository, RuleOutcome } from './findings.repository';
import { HANDLUNGSBEDARFE_V3 } from './handlungsbedarfe.v3';
import { isReadModel, type ReadModelName } from '../projection/read-models';
import { assertValidRuleSet, HandlungsbedarfRule, modelsReadBy, RuleSet } from './rule';

/** The rule set the service evaluates (v3: v2 plus the survey rounds' rules, issue 22). */
export const ACTIVE_RULE_SET: RuleSet = HANDLUNGSBEDARFE_V3;

/**
 * Keeps the findings current: after the batches this replica applied (the findings are shared,
 * so the replica that applied a change evaluates it; debounced; only the rules reading a changed
 * read model — a burst of registered platforms does not re-run the dataset rules, four fifths of
 * an evaluation at 200,000 datasets) and all rules on an interval.
 */
@Injectable()
export class RuleEvaluator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly debouncer: Debouncer;
  private interval: NodeJS.Timeout | null = null;
  private following: Subscription | null = null;
  /** Read models changed since the last evaluation started ('all' = every rule is due). */
  private changed: Set<ReadModelName> | 'all' = 'all';
  private readonly reads = new Map<HandlungsbedarfRule, ReadonlySet<ReadModelName> | 'any'>(
    ACTIVE_RULE_SET.rules.map((rule) => [rule, modelsReadBy(rule)]),
  );
  private readonly evaluations;
  private readonly ruleFailures;

  constructor(
    private readonly findings: FindingsRepository,
    private readonly changes: ReadModelsChanged,
    @Inject(ConfigService) private readonly config: ConfigService<ReportingEnv, true>,
    private readonly logger: PinoLogger,
    metrics: Metrics,
  ) {
    logger.setContext('RuleEvaluator');
    this.evaluations = metrics.histogram({
      name: 'dpi_findings_evaluation_duration_seconds',
      help: 'Time to evaluate the due Handlungsbedarf rules once',
    });
    this.ruleFailures = metrics.counter({
      name: 'dpi_findings_rule_failures_total',
      help: 'Rule evaluations that failed (the rule’s previous findings stay)',
      labelNames: ['rule'],
    });
    assertValidRuleSet(ACTIVE_RULE_SET);
    this.debouncer = new Debouncer(
      config.get('FINDINGS_DEBOUNCE_MS', { infer: true }),
      () => this.evaluateChanged(),
      (error) =>
        this.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'evaluating Handlungsbedarfe failed; next change or interval retries',
        ),
      // An isolated change is evaluated at once; under a stream of changes (a burst of
      // registrations, a harvest) the rules, which scan whole read models, take at most a
      // twentieth of the time (at 50,000 platforms the platform rules take ~0.5 s: findings follow
      // a burst every ~10 s), so the projector and the API keep the database and the cores. (A
      // tenth still cost a 500/s burst on two cores its p99: while a rule scans, one core is gone.)
      { leading: true, gapPerRunTime: config.get('FINDINGS_GAP_PER_RUN_TIME', { infer: true }) },
    );
  }

  onApplicationBootstrap(): void {
    this.following = this.changes.changes.subscribe((change) => {
      if (change.type === 'changed' && change.appliedHere && isReadModel(change.model))
        this.requestEvaluation([change.model]);
    });
    this.debouncer.request();
    this.interval = setInterval(
      () => this.requestEvaluation(),
      this.config.get('FINDINGS_INTERVAL_MS', { infer: true }),
    );
    this.interval.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.following?.unsubscribe();
    if (this.interval) clearInterval(this.interval);
    await this.debouncer.close();
  }

  /** `models` changed (every rule is due when not given). */
  requestEvaluation(models?: Iterable<ReadModelName>): void {
    this.markChanged(models ?? 'all');
    this.debouncer.request();
  }

  private markChanged(models: Iterable<ReadModelName> | 'all'): void {
    if (models === 'all') this.changed = 'all';
    else if (this.changed !== 'all') for (const model of models) this.changed.add(model);
  }

  private async evaluateChanged(): Promise<void> {
    const changed = this.changed;
    this.changed = new Set();
    const due =
      changed === 'all'
        ? undefined
        : ACTIVE_RULE_SET.rules.filter((rule) => {
            const reads = this.reads.get(rule) ?? 'any';
            return reads === 'any' || [...reads].some((model) => changed.has(model));
          });
    if (due?.length === 0) return;
    try {
      await this.evaluate(due);
    } catch (error) {
      // Not evaluated: due again with the next run.
      this.markChanged(changed);
      throw error;
    }
  }

  /** Evaluates `rules` of the active set (all by default). */
  async evaluate(rules?: readonly HandlungsbedarfRule[]): Promise<RuleOutcome[]> {
    const started = Date.now();
    const timer = process.hrtime.bigint();
    const outcomes = await this.findings.evaluate(ACTIVE_RULE_SET, rules);
    this.evaluations.observe(secondsSince(timer));
    const changed = outcomes.reduce((sum, o) => sum + o.changed, 0);
    const removed = outcomes.reduce((sum, o) => sum + o.removed, 0);
    for (const failed of outcomes.filter((o) => o.error)) {
      this.ruleFailures.inc({ rule: failed.ruleId });
      this.logger.error({ rule: failed.ruleId, error: failed.error }, 'rule failed');
    }
    this.logger.debug(
      { ms: Date.now() - started, rules: outcomes.length, changed, removed },
      'Handlungsbedarfe evaluated',
    );
    if (changed + removed > 0)
      await this.changes
        .announce({ type: 'findings', changed, removed, at: new Date().toISOString() })
        .catch((error: unknown) =>
          // The findings are written; the aggregates' interval and the next change catch up.
          this.logger.warn(
            { error: error instanceof Error ? error.message : String(error) },
            'announcing changed findings failed',
          ),
        );
    return outcomes;
  }
}
