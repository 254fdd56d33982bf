import { Module } from '@nestjs/common';
import { HandlungsbedarfeModule } from '../handlungsbedarfe/handlungsbedarfe.module';
import { RoundsConsumer } from './rounds.consumer';
import { RoundsController } from './rounds.controller';
import { RoundsProjectionRepository } from './rounds-projection.repository';
import { RoundsRepository } from './rounds.repository';

/** Survey rounds (issue 22): their projection and each Land's progress. */
@Module({
  imports: [HandlungsbedarfeModule],
  controllers: [RoundsController],
  providers: [RoundsRepository, RoundsProjectionRepository, RoundsConsumer],
})
export class RoundsModule {}
