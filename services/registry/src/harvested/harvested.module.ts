import { Module } from '@nestjs/common';
import { HarvestedDatasetsConsumer } from './harvested-datasets.consumer';
import { HarvestedDatasetsRepository } from './harvested-datasets.repository';

@Module({ providers: [HarvestedDatasetsRepository, HarvestedDatasetsConsumer] })
export class HarvestedModule {}
