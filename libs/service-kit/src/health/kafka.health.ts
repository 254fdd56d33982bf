import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { pingKafka } from '@dpi/kafka';
import { Admin } from 'kafkajs';
import { KAFKA_ADMIN } from '../kafka/kafka.module';

@Injectable()
export class KafkaHealthIndicator {
  private connected = false;

  constructor(
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key: string) {
    const indicator = this.health.check(key);
    try {
      if (!this.connected) {
        await this.admin.connect();
        this.connected = true;
      }
      const { brokers } = await pingKafka(this.admin, 1500);
      return indicator.up({ brokers });
    } catch (error) {
      this.connected = false;
      await this.admin.disconnect().catch(() => undefined);
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
