import { Module } from '@nestjs/common';
import { HandlungsbedarfeModule } from '../handlungsbedarfe/handlungsbedarfe.module';
import { LiveModule } from '../live/live.module';
import { ReadModelsConsumer } from './read-models.consumer';
import { ReadModelsRepository } from './read-models.repository';

/** The projection: registry and harvester events into reporting's read-model tables. */
@Module({
  imports: [LiveModule, HandlungsbedarfeModule],
  providers: [ReadModelsRepository, ReadModelsConsumer],
})
export class ProjectionModule {}
