import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RepositoriesModule } from '../database/repositories.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  imports: [AuthModule, RepositoriesModule, SchedulingModule],
  providers: [SourcesService],
  controllers: [SourcesController],
})
export class SourcesModule {}
