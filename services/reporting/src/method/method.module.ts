import { Module } from '@nestjs/common';
import { MethodController } from './method.controller';

/** GET /api/v1/method: reads the rule set and the quality method, no database. */
@Module({ controllers: [MethodController] })
export class MethodModule {}
