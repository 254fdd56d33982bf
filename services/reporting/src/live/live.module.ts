import { Module } from '@nestjs/common';
import { ChangesModule } from '../changes/changes.module';
import { LiveController } from './live.controller';

@Module({
  imports: [ChangesModule],
  controllers: [LiveController],
})
export class LiveModule {}
