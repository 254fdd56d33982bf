import { Module } from '@nestjs/common';
import { ChangesModule } from '../changes/changes.module';
import { FindingsController } from './findings.controller';
import { FindingsRepository } from './findings.repository';
import { RuleEvaluator } from './rule-evaluator';

@Module({
  imports: [ChangesModule],
  controllers: [FindingsController],
  providers: [FindingsRepository, RuleEvaluator],
  exports: [FindingsRepository, RuleEvaluator],
})
export class HandlungsbedarfeModule {}
