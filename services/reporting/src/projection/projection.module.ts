import { Module } from '@nestjs/common';
import { ChangesModule } from '../changes/changes.module';
import { ReadModelsConsumer } from './read-models.consumer';
import { ReadModelsRepository } from './read-models.repository';

/** The projection: registry and harvester events into reporting's read-model tables. */
@Module({
  imports: [ChangesModule],
  providers: [ReadModelsRepository, ReadModelsConsumer],
})
export class ProjectionModule {}
