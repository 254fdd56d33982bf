import { Module } from '@nestjs/common';
import { HandlungsbedarfeModule } from '../handlungsbedarfe/handlungsbedarfe.module';
import { ChangesModule } from '../changes/changes.module';
import { AggregatesRepository } from './aggregates.repository';
import { AggregatesService } from './aggregates.service';

/** The precomputed aggregates: one snapshot per process, shared by the overview and exports. */
@Module({
  imports: [ChangesModule, HandlungsbedarfeModule],
  providers: [AggregatesRepository, AggregatesService],
  exports: [AggregatesService],
})
export class AggregatesModule {}
