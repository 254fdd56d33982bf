import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { FindingsController } from './findings.controller';
import { FindingsRepository } from './findings.repository';
import { RuleEvaluator } from './rule-evaluator';

@Module({
  imports: [LiveModule],
  controllers: [FindingsController],
  providers: [FindingsRepository, RuleEvaluator],
  exports: [FindingsRepository, RuleEvaluator],
})
export class HandlungsbedarfeModule {}
