import { Module } from '@nestjs/common';
import { QualityModule } from '../quality/quality.module';
import { RoundsRepository } from '../rounds/rounds.repository';
import { ProfileController } from './profile.controller';
import { ProfileRepository } from './profile.repository';
import { ProfileService } from './profile.service';

@Module({
  imports: [QualityModule],
  controllers: [ProfileController],
  // The rounds' reads (issue 22) for the confirmation status: a stateless repository.
  providers: [ProfileService, ProfileRepository, RoundsRepository],
})
export class ProfileModule {}
