import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordsModule } from '../records/records.module';
import { OrganisationsController } from './organisations.controller';

@Module({
  imports: [AuthModule, RecordsModule],
  controllers: [OrganisationsController],
})
export class OrganisationsModule {}
