import { Module } from '@nestjs/common';
import { ChangeChannel } from './change-channel';
import { ReadModelsChanged } from './read-models-changed';

/** The "read models changed" signal of a replica and the channel that carries it between them. */
@Module({
  providers: [ChangeChannel, ReadModelsChanged],
  exports: [ReadModelsChanged, ChangeChannel],
})
export class ChangesModule {}
