import { Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { LiveEvents } from './live-events';

@Module({
  controllers: [LiveController],
  providers: [LiveEvents],
  exports: [LiveEvents],
})
export class LiveModule {}
