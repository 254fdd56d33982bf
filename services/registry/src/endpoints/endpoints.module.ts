import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordsModule } from '../records/records.module';
import { EndpointsController } from './endpoints.controller';

@Module({
  imports: [AuthModule, RecordsModule],
  controllers: [EndpointsController],
})
export class EndpointsModule {}
