import { Module } from '@nestjs/common';
import { ChangesModule } from '../changes/changes.module';
import { HandlungsbedarfeModule } from '../handlungsbedarfe/handlungsbedarfe.module';
import { RoundsConsumer } from './rounds.consumer';
import { RoundsController } from './rounds.controller';
import { RoundsProjectionRepository } from './rounds-projection.repository';
import { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';

/** Survey rounds (issue 22): their projection, each Land's progress, the open items. */
@Module({
  imports: [HandlungsbedarfeModule, ChangesModule],
  controllers: [RoundsController],
  providers: [RoundsRepository, RoundsProjectionRepository, RoundsConsumer, RoundsService],
  exports: [RoundsService],
})
export class RoundsModule {}
